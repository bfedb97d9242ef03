import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDroppedReports } from '@/lib/background/dropped-reports';
import { startBackground } from '@/lib/background/start';
import { getTabState } from '@/lib/background/tab-state';
import type { InPageAnswer } from '@/lib/content/in-page';
import type { PageReport } from '@/lib/content/messages';
import { type Dataset, indexDataset } from '@/lib/dataset';
import { loadObservations } from '@/lib/history/store';
import { applyOverlay } from '@/lib/overlay/apply';
import { addedByHand } from '@/lib/overlay/make';
import { OVERLAY_VERSION, type Overlay } from '@/lib/overlay/types';
import { cohortPreference } from '@/lib/settings/preferences';
import { badgePreference, historyLimitPreference, languagePreference } from '@/lib/settings/settings';
import { fakePages } from '../helpers/fake-pages';
import { tinyDataset } from '../helpers/tiny-dataset';

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

const NOW = new Date('2026-11-28T12:00:00Z');

const { answers: pages, readPage, settle, visit } = fakePages();

/** A page that shows `reading` (read now, unless said otherwise). */
const shows = (reading: PageReport['reading'], over: Partial<InPageAnswer & { readAt: number }> = {}): InPageAnswer =>
  ({ reading, readAt: NOW.getTime(), signals: {}, ...over }) as InPageAnswer;

const PARIS = 'https://x.com/Paris';

/** The tiny dataset with Lyon and its X account (no figure unless given): a peer for Paris. */
function withLyon(figures?: NonNullable<Dataset['entities'][number]['accounts'][number]['figures']>) {
  const dataset = tinyDataset();
  dataset.entities.push({
    id: 'city-69123',
    group: 'city',
    name: { fr: 'Lyon' },
    accounts: [
      {
        platform: 'x',
        key: 'villedelyon',
        url: 'https://x.com/villedelyon',
        status: 'active',
        confidence: 'confirmed',
        sources: ['src-official'],
        ...(figures ? { figures } : {}),
      },
    ],
  });
  return dataset;
}

function start(dataset = tinyDataset(), clock: () => Date = () => NOW) {
  startBackground(async () => indexDataset(dataset), 'fr', clock, undefined, readPage);
}

describe('background', () => {
  // The background's clock; a test may move it (a report's readAt must be within a minute of it).
  let now = NOW;
  beforeEach(() => {
    fakeBrowser.reset();
    pages.clear();
    readPage.mockClear();
    now = NOW;
    start(tinyDataset(), () => now);
  });

  it('badges a listed account with its group code and remembers the tab', async () => {
    await visit(1, PARIS);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    expect((await getTabState(1))?.entityId).toBe('city-75056');
  });

  it('shows the rank once the account has peers with a figure, and follows the cohort choice', async () => {
    fakeBrowser.reset();
    const dataset = withLyon([
      { metric: 'followers', value: 3_000_000, date: '2025-01-01', precision: 'exact', source: 'src-press' },
    ]);
    start(dataset);
    await visit(1, PARIS);
    // Lyon is not in the 2012 cohort: among the study's cities Paris is alone, so no rank.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    await cohortPreference.setValue('all');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('#2'));
    // The page now shows more followers than Lyon has: the live figure moves Paris up.
    const reading = { metric: 'followers' as const, value: 3_500_000, precision: 'exact' as const, problems: [] };
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { id: 1, url: PARIS } as never);
    await visit(1, PARIS, shows(reading));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('#1');
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toBe('Paris — 1re sur 2 villes sur X');
  });

  it('shows no badge for an account that is not listed, and clears a previous one', async () => {
    await visit(1, PARIS);
    await visit(1, 'https://x.com/nobody');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    expect((await getTabState(1))?.entityId).toBeUndefined();
  });

  it('clears the badge when the page is not an account', async () => {
    await visit(1, PARIS);
    await visit(1, 'https://x.com/explore');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
  });

  // Nothing is read on pages that are not accounts: the browser's URL tells.
  it.each<[string, string, string, string]>([
    ['to a page that is not an account: cleared', 'https://x.com/explore', 'https://x.com/explore', ''],
    ['to a login wall: cleared', 'https://x.com/i/flow/login', 'https://x.com/i/flow/login', ''],
    ['to another account: kept until its report', 'https://x.com/Lyon', 'https://x.com/Lyon', 'VILLE'],
    ['to the same page with a fragment: kept', 'https://x.com/Paris#top', 'https://x.com/Paris#top', 'VILLE'],
    [
      'to a page that is not an account, already left for an account',
      'https://x.com/explore',
      'https://x.com/Lyon',
      'VILLE',
    ],
  ])('in-app navigation %s', async (_name, changedTo, tabNow, badge) => {
    await visit(1, PARIS);
    // The next page is not read in this test: only the URL events count.
    pages.set(1, { superseded: true });
    await fakeBrowser.tabs.create({ url: tabNow });
    const [tab] = await fakeBrowser.tabs.query({ url: tabNow });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...(tab as object), id: 1, url: tabNow } as never);
    await fakeBrowser.tabs.onUpdated.trigger(1, { url: changedTo }, { id: 1, url: changedTo } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe(badge));
    // Give a wrong clear the time to happen before the verdict.
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe(badge);
    expect((await getTabState(1)) === null).toBe(badge === '');
  });

  it('at install or update, reads the account tabs already open (once), not the others', async () => {
    const tabs = [
      { id: 1, url: PARIS, status: 'complete' },
      { id: 2, url: 'https://x.com/explore', status: 'complete' },
      { id: 3, url: 'https://www.service-public.fr/', status: 'complete' },
      // Still loading: read when its load completes, like any other.
      { id: 4, url: 'https://x.com/Lyon', status: 'loading' },
    ];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs as never);
    pages.set(1, shows({ metric: 'followers', value: 2_000_000, precision: 'exact', source: 'text', problems: [] }));
    // A service worker that restarts does not read again: only the install does.
    await settle();
    expect(readPage).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE'));
    expect(readPage.mock.calls.map(([tabId]) => tabId)).toEqual([1]);
    expect((await getTabState(1))?.report.reading?.value).toBe(2_000_000);
    // An update then (the tab's page unchanged): already read at this URL, not read twice.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await settle();
    expect(readPage).toHaveBeenCalledTimes(1);
  });

  it('takes no page report from a message: only what it reads itself in a tab counts', async () => {
    // A page report sent as a message, as a script in a page could (there is no content script).
    const forged = { type: 'civiscope:page', url: PARIS, account: { platform: 'x', page: 'profile', key: 'paris' } };
    await fakeBrowser.runtime.onMessage.trigger(
      forged,
      { id: fakeBrowser.runtime.id, tab: { id: 1, url: PARIS } } as Sender,
      () => {},
    );
    await settle();
    expect(await getTabState(1)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    expect(readPage).not.toHaveBeenCalled();
  });

  it('reads an account page it is shown, and never a page that is not an account', async () => {
    await visit(2, 'https://x.com/explore');
    await visit(2, 'https://www.paris.fr/');
    expect(readPage).not.toHaveBeenCalled();
    await visit(2, PARIS);
    expect(readPage).toHaveBeenCalledTimes(1);
    expect(readPage).toHaveBeenCalledWith(2, { platform: 'x', page: 'profile', key: 'paris' }, PARIS);
  });

  it('records a reading of a listed account, not of an unlisted one', async () => {
    const reading = {
      metric: 'followers' as const,
      value: 1234,
      precision: 'exact' as const,
      source: 'json-ld' as const,
      problems: [],
    };
    await visit(1, PARIS, shows(reading, { readAt: NOW.getTime() - 1000 }));
    await visit(2, 'https://x.com/nobody', shows(reading));
    const { entries } = await loadObservations();
    expect(entries).toEqual([
      expect.objectContaining({
        entityId: 'city-75056',
        key: 'paris',
        value: 1234,
        at: '2026-11-28T11:59:59.000Z',
        origin: 'visit',
      }),
    ]);
  });

  it('does not record a failed reading', async () => {
    await visit(1, PARIS, shows({ problems: ['no figure'] }));
    expect((await getTabState(1))?.report.reading).toEqual({ problems: ['no figure'] });
    expect((await loadObservations()).entries).toEqual([]);
  });

  it('never keeps a figure of a page the tab has left while it was read', async () => {
    let answer: (value: unknown) => void = () => {};
    readPage.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await visit(1, PARIS);
    // In-app navigation to a page that is not an account, then the old page's answer comes.
    await fakeBrowser.tabs.onUpdated.trigger(1, { url: 'https://x.com/explore' }, {
      id: 1,
      url: 'https://x.com/explore',
    } as never);
    answer(shows({ metric: 'followers', value: 1234, precision: 'exact', source: 'text', problems: [] }));
    await settle();
    expect((await loadObservations()).entries).toEqual([]);
    expect((await getTabState(1))?.report.reading).toBeUndefined();
  });

  it('honours the badge setting: no badge when it is off, the badge again when it is back on', async () => {
    await badgePreference.setValue(false);
    await visit(1, PARIS);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    // The tooltip still says in words what the badge would have said.
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toContain('Paris');
    await badgePreference.setValue(true);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE'));
  });

  it('speaks the interface language set in the dashboard, whatever the browser’s', async () => {
    await visit(1, PARIS);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    await languagePreference.setValue('en');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('CITY'));
    await languagePreference.setValue('auto');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE'));
  });

  it('keeps at most the history limit the user set, per account', async () => {
    await historyLimitPreference.setValue(10);
    const reading = {
      metric: 'followers' as const,
      precision: 'exact' as const,
      source: 'json-ld' as const,
      problems: [],
    };
    for (let day = 1; day <= 12; day++) {
      now = new Date(Date.UTC(2026, 9, day));
      await visit(1, PARIS, shows({ ...reading, value: 1000 + day }, { readAt: now.getTime() }));
    }
    const { entries } = await loadObservations();
    expect(entries).toHaveLength(10);
    expect(entries[0]?.value).toBe(1003);
  });

  it('forgets a tab when it is closed', async () => {
    await visit(1, PARIS);
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(await getTabState(1)).toBeNull();
  });

  it('a group refresh’s tab is the job’s: its reading is kept as re-read with the job id, never as a visit, and badges follow', async () => {
    fakeBrowser.reset();
    // The user's tab: an id the fake browser will not give the refresh tab.
    const USER_TAB = 1000;
    const dataset = withLyon();
    start(dataset);
    await cohortPreference.setValue('all');
    const reading = (value: number) => ({
      metric: 'followers' as const,
      value,
      precision: 'exact' as const,
      problems: [],
    });
    await visit(USER_TAB, PARIS, shows(reading(1_000_000), { readAt: Date.UTC(2026, 10, 28, 11, 59, 30) }));
    // Lyon has no figure yet: Paris is ranked alone.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: USER_TAB })).toBe('VILLE'));
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'civiscope:refresh-start', entityId: 'city-75056', platform: 'x', key: 'paris', cohort: 'all' },
      {} as Sender,
      () => {},
    );
    const job = (await fakeBrowser.storage.session.get('refresh-job'))['refresh-job'] as { id: string; tabId: number };
    expect(job.tabId).toEqual(expect.any(Number));
    await visit(
      job.tabId,
      'https://x.com/villedelyon',
      shows(reading(2_000_000), { readAt: Date.UTC(2026, 10, 28, 12) }),
    );
    const { entries } = await loadObservations();
    expect(entries.find((o) => o.key === 'villedelyon')).toMatchObject({
      origin: 'refreshed',
      jobId: job.id,
      value: 2_000_000,
    });
    // The job's tab is not one of the user's: no tab state, no badge of its own.
    expect(await getTabState(job.tabId)).toBeNull();
    // The user's tab now ranks Paris among the re-read figure.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: USER_TAB })).toBe('#2'));
  });
  it('a group refresh loads the accounts the user added (overlay) like bundled ones', async () => {
    fakeBrowser.reset();
    const dataset = tinyDataset();
    dataset.entities.push({ id: 'city-69123', group: 'city', name: { fr: 'Lyon' }, accounts: [] });
    const overlay: Overlay = {
      version: OVERLAY_VERSION,
      accounts: [
        addedByHand(
          'city-69123',
          { platform: 'x', key: 'villedelyon', url: 'https://x.com/villedelyon' },
          NOW.toISOString(),
        ),
      ],
      absences: [],
    };
    startBackground(
      async () => indexDataset(applyOverlay(dataset, overlay).dataset),
      'fr',
      () => NOW,
      undefined,
      readPage,
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'civiscope:refresh-start', entityId: 'city-75056', platform: 'x', key: 'paris', cohort: 'all' },
      {} as Sender,
      () => {},
    );
    const job = (await fakeBrowser.storage.session.get('refresh-job'))['refresh-job'] as {
      peers: { entity: string; url: string }[];
    };
    expect(job.peers).toEqual([expect.objectContaining({ entity: 'city-69123', url: 'https://x.com/villedelyon' })]);
  });

  it('a group refresh started from the dashboard (withSelf) re-reads the account its cohort is built around too', async () => {
    fakeBrowser.reset();
    const dataset = withLyon();
    start(dataset);
    // The dashboard has no page on screen: it builds the cohort around the group's first account (Paris).
    await fakeBrowser.runtime.onMessage.trigger(
      {
        type: 'civiscope:refresh-start',
        entityId: 'city-75056',
        platform: 'x',
        key: 'paris',
        cohort: 'all',
        withSelf: true,
      },
      {} as Sender,
      () => {},
    );
    const job = (await fakeBrowser.storage.session.get('refresh-job'))['refresh-job'] as {
      id: string;
      tabId: number;
      current: number;
      peers: { entity: string; url: string }[];
    };
    expect(job.peers.map((p) => p.entity).sort()).toEqual(['city-69123', 'city-75056']);
    const first = job.peers[job.current] as { entity: string; url: string };
    const reading = { metric: 'followers' as const, value: 2_000_000, precision: 'exact' as const, problems: [] };
    await visit(job.tabId, first.url, shows(reading));
    const { entries } = await loadObservations();
    expect(entries.find((o) => o.entityId === first.entity)).toMatchObject({
      origin: 'refreshed',
      jobId: job.id,
      value: 2_000_000,
    });
  });
});

describe('background: forged and malformed answers of a page change nothing', () => {
  const HUGE = 'x'.repeat(10 * 1024 * 1024);
  const reading = { metric: 'followers', value: 1234, precision: 'exact', source: 'json-ld', problems: [] };
  const paris = (over: Record<string, unknown>) => ({ reading, readAt: NOW.getTime(), signals: {}, ...over });

  // What a page (whose own scripts can reach the reader's world) could answer instead of a reading.
  const FORGED: [string, unknown][] = [
    ['NaN', paris({ reading: { ...reading, value: Number.NaN } })],
    ['a negative value', paris({ reading: { ...reading, value: -5 } })],
    ['1e12', paris({ reading: { ...reading, value: 1e12 } })],
    ['a value as a string', paris({ reading: { ...reading, value: '1234' } })],
    ['a metric that does not exist', paris({ reading: { ...reading, metric: 'views' } })],
    ['a reading without problems', paris({ reading: { metric: 'followers', value: 1, precision: 'exact' } })],
    ['a reading that is a string', paris({ reading: '1234 followers' })],
    ['a reading from last week', paris({ readAt: NOW.getTime() - 7 * 86_400_000 })],
    ['a reading time that is not a number', paris({ readAt: 'now' })],
    ['a 10 MB display name', paris({ reading: { ...reading, displayName: HUGE } })],
    ['a 10 MB problem', paris({ reading: { ...reading, problems: [HUGE] } })],
    ['a 10 MB link', paris({ reading: { ...reading, links: [`https://paris.fr/${HUGE}`] } })],
    ['signals that are not signals', paris({ signals: { httpStatus: 'teapot' } })],
  ];

  beforeEach(() => {
    fakeBrowser.reset();
    pages.clear();
    start();
  });

  it.each(FORGED)('%s: nothing stored, no badge, counted', async (_name, answer) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await visit(3, PARIS, answer);
    expect(await getTabState(3)).toBeNull();
    expect((await loadObservations()).entries).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    expect((await getDroppedReports()).count).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('page report dropped'));
  });

  // Answers that are no reading at all: the tab's URL alone says which account it is.
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'paris: 1234 followers'],
    ['a list', [reading]],
    ['a number', 1234],
  ])('%s: the account from the URL, no figure, nothing recorded', async (_name, answer) => {
    await visit(5, PARIS, answer);
    const state = await getTabState(5);
    expect(state?.report.account).toEqual({ platform: 'x', page: 'profile', key: 'paris' });
    expect(state?.report.reading).toBeUndefined();
    expect((await loadObservations()).entries).toEqual([]);
  });

  it('a forged answer after a good one leaves the tab as it was', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await visit(4, PARIS, paris({}));
    const before = await getTabState(4);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('VILLE');
    // The same page loaded again (a reload), answering a forgery each time.
    for (const [, answer] of FORGED) await visit(4, PARIS, answer);
    expect(await getTabState(4)).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('VILLE');
    expect((await loadObservations()).entries).toHaveLength(1);
    expect((await getDroppedReports()).count).toBe(FORGED.length);
  });
});
