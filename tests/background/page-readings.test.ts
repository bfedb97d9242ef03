import { describe, expect, it, vi } from 'vitest';
import { pageReadings, type ReadingPorts } from '@/lib/background/page-readings';
import type { PageReport } from '@/lib/content/messages';
import type { AccountRef, AudienceReading } from '@/lib/platforms/types';

const PARIS_URL = 'https://x.com/Paris';
const PARIS: AccountRef = { platform: 'x', page: 'profile', key: 'paris' };
const LYON_URL = 'https://x.com/Lyon';
const LYON: AccountRef = { platform: 'x', page: 'profile', key: 'lyon' };
const EXPLORE_URL = 'https://x.com/explore';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const readingOf = (value: number): AudienceReading => ({
  value,
  metric: 'followers',
  precision: 'exact',
  source: 'text',
  problems: [],
});

/** What the page answers when its figure was read. */
const answerOf = (value: number) => ({ reading: readingOf(value), readAt: 1_700_000_000_000 + value, signals: {} });

/** The report delivered for that answer. */
const reportOf = (url: string, account: AccountRef, value: number): PageReport => ({
  type: 'civiscope:page',
  url,
  account,
  ...answerOf(value),
});

const announceOf = (url: string, account: AccountRef): PageReport => ({ type: 'civiscope:page', url, account });

/**
 * Fake ports: each readInTab call returns a promise the test settles (`answer(i, value)`), or the
 * `auto` answer at once when set; deliver records the reports.
 */
function fakePorts(announceAfterMs = 1000, auto?: () => unknown) {
  const answers: ((value: unknown) => void)[] = [];
  const delivered: { tabId: number; report: PageReport }[] = [];
  const readInTab = vi.fn<ReadingPorts['readInTab']>(
    () =>
      new Promise((resolve) => {
        answers.push(resolve);
        if (auto) resolve(auto());
      }),
  );
  const deliver = vi.fn<ReadingPorts['deliver']>(async (tabId, report) => {
    delivered.push({ tabId, report });
  });
  const readings = pageReadings({ readInTab, deliver, announceAfterMs });
  return {
    readings,
    readInTab,
    deliver,
    /** Reports delivered, in order. */
    reports: () => delivered.map((d) => d.report),
    answer: (call: number, value: unknown) => {
      const resolve = answers[call];
      if (!resolve) throw new Error(`readInTab was not called ${call + 1} times`);
      resolve(value);
    },
  };
}

/** The events of a page load (commit, then complete) in a tab. */
async function load(readings: ReturnType<typeof pageReadings>, tabId: number, url: string) {
  await Promise.all([
    readings.onUpdated(tabId, { status: 'loading', url }, { url, status: 'loading' }),
    readings.onUpdated(tabId, { status: 'complete' }, { url, status: 'complete' }),
  ]);
}

describe('which tab events read the page', () => {
  it.each([
    { name: 'X’s explore page', change: { url: EXPLORE_URL }, tab: { url: EXPLORE_URL } },
    { name: 'X’s explore page, complete', change: { status: 'complete' }, tab: { url: EXPLORE_URL } },
    { name: 'another site', change: { url: 'https://example.com/Paris' }, tab: { url: 'https://example.com/Paris' } },
    { name: 'a browser page', change: { url: 'chrome://newtab/' }, tab: { url: 'chrome://newtab/' } },
    { name: 'a tab whose URL is unknown', change: { status: 'complete' }, tab: {} },
    // The account is in the tab's URL, but the event says neither a new URL nor a loaded document.
    { name: 'an event about something else', change: { status: 'loading' }, tab: { url: PARIS_URL } },
  ])('$name: nothing is read nor delivered', async ({ change, tab }) => {
    const ports = fakePorts(10, () => answerOf(1));
    await ports.readings.onUpdated(1, change, tab);
    await sleep(30);
    expect(ports.readInTab).not.toHaveBeenCalled();
    expect(ports.deliver).not.toHaveBeenCalled();
  });

  it('an account’s URL is read in its tab, once', async () => {
    const ports = fakePorts(1000, () => answerOf(5));
    await ports.readings.onUpdated(7, { url: PARIS_URL }, { url: PARIS_URL });
    expect(ports.readInTab.mock.calls).toEqual([[7, PARIS, PARIS_URL]]);
  });

  it('a load’s commit and complete events read the URL once, whether the first answer came or not', async () => {
    const ports = fakePorts();
    const commit = ports.readings.onUpdated(1, { status: 'loading', url: PARIS_URL }, { url: PARIS_URL });
    // Complete while the reading is pending…
    await ports.readings.onUpdated(1, { status: 'complete' }, { url: PARIS_URL, status: 'complete' });
    ports.answer(0, answerOf(5));
    await commit;
    // …and once it was delivered.
    await ports.readings.onUpdated(1, { status: 'complete' }, { url: PARIS_URL, status: 'complete' });
    await ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    expect(ports.readInTab).toHaveBeenCalledTimes(1);
    expect(ports.reports()).toEqual([reportOf(PARIS_URL, PARIS, 5)]);
  });

  it('a reload (a new document at the same URL) reads again', async () => {
    let value = 0;
    const ports = fakePorts(1000, () => answerOf(++value));
    await load(ports.readings, 1, PARIS_URL);
    await ports.readings.onUpdated(1, { status: 'loading' }, { url: PARIS_URL, status: 'loading' });
    await ports.readings.onUpdated(1, { status: 'complete' }, { url: PARIS_URL, status: 'complete' });
    expect(ports.readInTab).toHaveBeenCalledTimes(2);
    expect(ports.reports()).toEqual([reportOf(PARIS_URL, PARIS, 1), reportOf(PARIS_URL, PARIS, 2)]);
  });

  it('each tab has its own reading', async () => {
    const ports = fakePorts(1000, () => answerOf(5));
    await load(ports.readings, 1, PARIS_URL);
    await load(ports.readings, 2, PARIS_URL);
    expect(ports.readInTab.mock.calls.map(([tabId]) => tabId)).toEqual([1, 2]);
    expect(ports.deliver.mock.calls.map(([tabId]) => tabId)).toEqual([1, 2]);
  });

  it('an account left for a page that is not one, then visited again, is read again', async () => {
    const ports = fakePorts(1000, () => answerOf(5));
    await ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await ports.readings.onUpdated(1, { url: EXPLORE_URL }, { url: EXPLORE_URL });
    await ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    expect(ports.readInTab).toHaveBeenCalledTimes(2);
  });
});

describe('what is delivered', () => {
  it('a quick answer: one report with the reading, no announce', async () => {
    const ports = fakePorts(20);
    const done = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await sleep(5);
    ports.answer(0, answerOf(42));
    await done;
    // Past the announce delay: nothing more comes.
    await sleep(40);
    expect(ports.deliver.mock.calls).toEqual([[1, reportOf(PARIS_URL, PARIS, 42)]]);
  });

  it('a slow answer: the account is announced first, then its reading', async () => {
    const ports = fakePorts(20);
    const done = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await sleep(50);
    expect(ports.reports()).toEqual([announceOf(PARIS_URL, PARIS)]);
    expect(ports.reports()[0]).not.toHaveProperty('reading');
    await sleep(30);
    ports.answer(0, answerOf(42));
    await done;
    expect(ports.reports()).toEqual([announceOf(PARIS_URL, PARIS), reportOf(PARIS_URL, PARIS, 42)]);
  });

  it('the reading’s fields are passed on as the page gave them (checked later, by the report’s validation)', async () => {
    const answer = {
      reading: { problems: ['no figure'] },
      readAt: 123,
      signals: { loginWall: true, httpStatus: 429 },
    };
    const ports = fakePorts(1000, () => answer);
    await ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    expect(ports.reports()).toEqual([{ type: 'civiscope:page', url: PARIS_URL, account: PARIS, ...answer }]);
  });
});

describe('a page that gathered (YouTube): interpreted here, out of the page', () => {
  const CHANNEL_URL = 'https://www.youtube.com/@elysee';
  const CHANNEL: AccountRef = { platform: 'youtube', page: 'profile', key: '@elysee' };
  const gathered = {
    data: '{"header":{"c4TabbedHeaderRenderer":{"subscriberCountText":{"simpleText":"1,2 M d’abonnés"},"channelHandleText":{"runs":[{"text":"@elysee"}]}}}}',
    header: [[], []],
    links: [],
  };

  it('the reading comes from what the page gathered, with the page’s time and signals', async () => {
    const ports = fakePorts(1000, () => ({ gathered, readAt: 123, signals: {} }));
    await ports.readings.onUpdated(1, { url: CHANNEL_URL }, { url: CHANNEL_URL });
    expect(ports.reports()).toEqual([
      {
        type: 'civiscope:page',
        url: CHANNEL_URL,
        account: CHANNEL,
        reading: {
          metric: 'subscribers',
          value: 1_200_000,
          precision: 'rounded',
          source: 'embedded-json',
          problems: [],
        },
        readAt: 123,
        signals: {},
      },
    ]);
  });

  it.each<[string, unknown]>([
    ['malformed', { gathered: { header: 'x' }, readAt: 123, signals: {} }],
    ['gathered on a platform whose page reads', { gathered, readAt: 123, signals: {} }],
  ])('what a page gathered %s: a reading without a figure, with the problem', async (_name, answer) => {
    const url = _name.startsWith('malformed') ? CHANNEL_URL : PARIS_URL;
    const ports = fakePorts(1000, () => answer);
    await ports.readings.onUpdated(1, { url }, { url });
    const [report] = ports.reports();
    expect(report?.reading?.value).toBeUndefined();
    expect(report?.reading?.problems).toHaveLength(1);
  });
});

describe('a reading superseded while in flight is dropped', () => {
  it('an in-app navigation to another account: only the second account is delivered', async () => {
    const ports = fakePorts();
    const first = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    const second = ports.readings.onUpdated(1, { url: LYON_URL }, { url: LYON_URL });
    ports.answer(0, answerOf(1));
    await first;
    ports.answer(1, answerOf(2));
    await second;
    expect(ports.readInTab.mock.calls).toEqual([
      [1, PARIS, PARIS_URL],
      [1, LYON, LYON_URL],
    ]);
    expect(ports.reports()).toEqual([reportOf(LYON_URL, LYON, 2)]);
  });

  it('the first account, superseded, is not announced either', async () => {
    const ports = fakePorts(20);
    const first = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    const second = ports.readings.onUpdated(1, { url: LYON_URL }, { url: LYON_URL });
    await sleep(50);
    expect(ports.reports()).toEqual([announceOf(LYON_URL, LYON)]);
    ports.answer(1, answerOf(2));
    ports.answer(0, answerOf(1));
    await Promise.all([first, second]);
    expect(ports.reports()).toEqual([announceOf(LYON_URL, LYON), reportOf(LYON_URL, LYON, 2)]);
  });

  it('a navigation to a page that is not an account: the answer is dropped, and not announced', async () => {
    const ports = fakePorts(20);
    const first = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await ports.readings.onUpdated(1, { url: EXPLORE_URL }, { url: EXPLORE_URL });
    await sleep(40);
    ports.answer(0, answerOf(1));
    await first;
    expect(ports.deliver).not.toHaveBeenCalled();
  });

  it('a reload while reading: the old document’s answer is dropped, the new one is read', async () => {
    const ports = fakePorts();
    const first = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await ports.readings.onUpdated(1, { status: 'loading' }, { url: PARIS_URL, status: 'loading' });
    const second = ports.readings.onUpdated(1, { status: 'complete' }, { url: PARIS_URL, status: 'complete' });
    ports.answer(0, answerOf(1));
    ports.answer(1, answerOf(2));
    await Promise.all([first, second]);
    expect(ports.readInTab).toHaveBeenCalledTimes(2);
    expect(ports.reports()).toEqual([reportOf(PARIS_URL, PARIS, 2)]);
  });

  it('a closed tab is forgotten: its answer is dropped, and its id read anew', async () => {
    const ports = fakePorts(20);
    const first = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    ports.readings.onRemoved(1);
    await sleep(40);
    ports.answer(0, answerOf(1));
    await first;
    expect(ports.deliver).not.toHaveBeenCalled();
    // A new tab reusing the id, at the same URL, is read.
    const second = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    ports.answer(1, answerOf(2));
    await second;
    expect(ports.readInTab).toHaveBeenCalledTimes(2);
    expect(ports.reports().at(-1)).toEqual(reportOf(PARIS_URL, PARIS, 2));
  });

  it('a tab the extension is about to navigate (the group refresh) drops the late answer of the page it leaves', async () => {
    const ports = fakePorts(20);
    const leaving = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    // Sent to the next peer: the old page's answer comes before the browser reports the new URL.
    ports.readings.forget(1);
    await sleep(40);
    ports.answer(0, answerOf(1));
    await leaving;
    expect(ports.deliver).not.toHaveBeenCalled();
  });

  it('closing another tab does not drop this tab’s answer', async () => {
    const ports = fakePorts();
    const done = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    ports.readings.onRemoved(2);
    ports.answer(0, answerOf(1));
    await done;
    expect(ports.reports()).toEqual([reportOf(PARIS_URL, PARIS, 1)]);
  });
});

describe('an answer without a reading', () => {
  it.each([
    { name: 'no answer (the page could not be asked)', answer: undefined },
    { name: 'null', answer: null },
    { name: 'not an object', answer: 'a string' },
    { name: 'moved (asked in the old document)', answer: { moved: true } },
    { name: 'missing (the reader was not there)', answer: { missing: true } },
    { name: 'an empty object', answer: {} },
  ])('$name: the account is announced, and the next event reads again', async ({ answer }) => {
    const ports = fakePorts(1000, () => answer);
    await ports.readings.onUpdated(1, { status: 'loading', url: PARIS_URL }, { url: PARIS_URL });
    expect(ports.reports()).toEqual([announceOf(PARIS_URL, PARIS)]);
    await ports.readings.onUpdated(1, { status: 'complete' }, { url: PARIS_URL, status: 'complete' });
    expect(ports.readInTab).toHaveBeenCalledTimes(2);
  });

  it('announced once, even when the reading was late and the answer brings nothing', async () => {
    const ports = fakePorts(20);
    const done = ports.readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await sleep(40);
    ports.answer(0, undefined);
    await done;
    expect(ports.reports()).toEqual([announceOf(PARIS_URL, PARIS)]);
  });

  it('superseded while still current: nothing delivered, and not read again at the next event for the same URL', async () => {
    const ports = fakePorts(1000, () => ({ superseded: true }));
    await ports.readings.onUpdated(1, { status: 'loading', url: PARIS_URL }, { url: PARIS_URL });
    await ports.readings.onUpdated(1, { status: 'complete' }, { url: PARIS_URL, status: 'complete' });
    expect(ports.readInTab).toHaveBeenCalledTimes(1);
    expect(ports.deliver).not.toHaveBeenCalled();
  });

  it('a newer URL arriving while the empty answer’s announce is delivered stays read (not read twice)', async () => {
    let delivered: () => void = () => {};
    const deliver = vi.fn<ReadingPorts['deliver']>(
      (_tabId, report) =>
        new Promise((resolve) => {
          // The announce of the first account is slow to be handled; the others are not.
          if (report.url === PARIS_URL) delivered = resolve;
          else resolve();
        }),
    );
    const readInTab = vi.fn<ReadingPorts['readInTab']>(async (_tabId, _account, url) =>
      url === PARIS_URL ? undefined : answerOf(2),
    );
    const readings = pageReadings({ readInTab, deliver, announceAfterMs: 1000 });
    const first = readings.onUpdated(1, { url: PARIS_URL }, { url: PARIS_URL });
    await sleep(5);
    expect(deliver).toHaveBeenCalledTimes(1);
    await readings.onUpdated(1, { url: LYON_URL }, { url: LYON_URL });
    delivered();
    await first;
    await readings.onUpdated(1, { status: 'complete' }, { url: LYON_URL, status: 'complete' });
    expect(readInTab.mock.calls.map(([, , url]) => url)).toEqual([PARIS_URL, LYON_URL]);
  });
});
