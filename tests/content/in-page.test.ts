import { afterEach, describe, expect, it, vi } from 'vitest';
import { type InPageAnswer, installPageReader, PAGE_READER_GLOBAL, readInPage } from '@/lib/content/in-page';
import type { AccountRef, AudienceReading, PageReader } from '@/lib/platforms/types';

const PARIS: AccountRef = { platform: 'x', page: 'profile', key: 'paris' };
const PARIS_URL = 'https://x.com/Paris';
const LYON: AccountRef = { platform: 'x', page: 'profile', key: 'lyon' };
const LYON_URL = 'https://x.com/Lyon';

/** A reader that finds the figure once an element with id "count" exists. */
const countReader = vi.fn<PageReader>((doc) => {
  const el = doc.getElementById('count');
  return el
    ? { value: Number(el.textContent), metric: 'followers', precision: 'exact', source: 'text', problems: [] }
    : { problems: ['no count yet'] };
});

/** A page whose URL the test moves (an in-app navigation changes `location.href`, not the document). */
function fakePage(href: string) {
  const page = { document, current: href, href: () => page.current };
  return page;
}

const installed = () => (globalThis as Record<string, unknown>)[PAGE_READER_GLOBAL];

/** Fails fast instead of hanging until Vitest's timeout when a wait is not ended. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms)),
  ]);
}

const hasReading = (answer: InPageAnswer): answer is Extract<InPageAnswer, { reading: AudienceReading }> =>
  'reading' in answer;

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PAGE_READER_GLOBAL];
  document.body.innerHTML = '';
  countReader.mockClear();
});

describe('installPageReader', () => {
  it('installs the platform’s reader on the page’s global', () => {
    expect(installed()).toBeUndefined();
    const reader = installPageReader('facebook', countReader, fakePage('https://www.facebook.com/paris'));
    expect(installed()).toBe(reader);
    expect(reader.platform).toBe('facebook');
  });

  it('a second installation replaces the first', () => {
    installPageReader('x', countReader, fakePage(PARIS_URL));
    const second = installPageReader('x', countReader, fakePage(PARIS_URL));
    expect(installed()).toBe(second);
  });
});

describe('readInPage', () => {
  it('answers missing when no reader is installed', async () => {
    expect(await readInPage(PARIS, PARIS_URL)).toEqual({ missing: true });
  });

  it('answers missing when the installed reader is another platform’s, without reading the page', async () => {
    document.body.innerHTML = '<span id="count">42</span>';
    installPageReader('facebook', countReader, fakePage(PARIS_URL));
    expect(await readInPage(PARIS, PARIS_URL)).toEqual({ missing: true });
    expect(countReader).not.toHaveBeenCalled();
  });

  it('delegates to the installed reader of the account’s platform', async () => {
    document.body.innerHTML = '<span id="count">42</span>';
    installPageReader('x', countReader, fakePage(PARIS_URL));
    const answer = await readInPage(PARIS, PARIS_URL);
    expect(hasReading(answer) && answer.reading.value).toBe(42);
    expect(countReader).toHaveBeenCalledWith(document, PARIS);
  });
});

describe('reading the page', () => {
  it('reports the figure at once with its time, and no signals', async () => {
    document.body.innerHTML = '<span id="count">42</span>';
    const reader = installPageReader('x', countReader, fakePage(PARIS_URL), 5000);
    const before = Date.now();
    const answer = await within(1000, reader.read(PARIS, PARIS_URL));
    const after = Date.now();
    expect(answer).toEqual({
      reading: { value: 42, metric: 'followers', precision: 'exact', source: 'text', problems: [] },
      readAt: expect.any(Number),
      signals: {},
    });
    const { readAt } = answer as { readAt: number };
    expect(readAt).toBeGreaterThanOrEqual(before);
    expect(readAt).toBeLessThanOrEqual(after);
  });

  it.each([
    {
      name: 'a figure spares the search for signals, even with a login form',
      html: '<span id="count">42</span><input type="password">',
      value: 42,
      signals: {},
    },
    {
      name: 'no figure and a login form: a login wall',
      html: '<form><input type="password"></form>',
      value: undefined,
      signals: { loginWall: true },
    },
    {
      name: 'no figure and X’s empty state: unavailable',
      html: '<div data-testid="emptyState">This account doesn’t exist</div>',
      value: undefined,
      signals: { unavailable: true },
    },
    { name: 'no figure and no sign', html: '<p>nothing</p>', value: undefined, signals: {} },
  ])('$name', async ({ html, value, signals }) => {
    document.body.innerHTML = html;
    const reader = installPageReader('x', countReader, fakePage(PARIS_URL), 200);
    const started = Date.now();
    const answer = await within(1000, reader.read(PARIS, PARIS_URL));
    if (!hasReading(answer)) throw new Error(`no reading: ${JSON.stringify(answer)}`);
    expect(answer.reading.value).toBe(value);
    expect(answer.signals).toEqual(signals);
    if (value === undefined) {
      // Given up at the timeout, with the reader's reason.
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(answer.reading.problems).toEqual(['no count yet']);
    }
  });

  it('waits for the figure rendered after the request', async () => {
    const reader = installPageReader('x', countReader, fakePage(PARIS_URL), 5000);
    const pending = reader.read(PARIS, PARIS_URL);
    setTimeout(() => {
      document.body.innerHTML = '<span id="count">7</span>';
    }, 20);
    const answer = await within(1000, pending);
    expect(hasReading(answer) && answer.reading.value).toBe(7);
  });

  it('answers moved, without reading, when the page is not at the URL asked about', async () => {
    document.body.innerHTML = '<span id="count">42</span>';
    const reader = installPageReader('x', countReader, fakePage(LYON_URL));
    expect(await reader.read(PARIS, PARIS_URL)).toEqual({ moved: true });
    expect(countReader).not.toHaveBeenCalled();
  });

  it('turns a reader that throws into a reported problem', async () => {
    document.body.innerHTML = '<input type="password">';
    const broken: PageReader = () => {
      throw new Error('layout changed');
    };
    installPageReader('x', broken, fakePage(PARIS_URL), 50);
    const answer = await within(1000, Promise.resolve(readInPage(PARIS, PARIS_URL)));
    if (!hasReading(answer)) throw new Error(`no reading: ${JSON.stringify(answer)}`);
    expect(answer.reading.value).toBeUndefined();
    expect(answer.reading.problems).toEqual([expect.stringMatching(/layout changed/)]);
    expect(answer.signals).toEqual({ loginWall: true });
  });
});

describe('a newer request or the page leaving the URL ends the wait', () => {
  it('a second read supersedes the first, which answers at once; the second gets its reading', async () => {
    const page = fakePage(PARIS_URL);
    const reader = installPageReader('x', countReader, page, 5000);
    const first = reader.read(PARIS, PARIS_URL);
    // In-app navigation to another account, whose header is there.
    page.current = LYON_URL;
    document.body.innerHTML = '<span id="count">9</span>';
    const second = reader.read(LYON, LYON_URL);
    expect(await within(1000, first)).toEqual({ superseded: true });
    const answer = await within(1000, second);
    expect(hasReading(answer) && answer.reading.value).toBe(9);
    // The first wait read Paris once, before the navigation; the Lyon figure was read for Lyon only.
    expect(countReader.mock.calls.map(([, account]) => account.key)).toEqual(['paris', 'lyon']);
  });

  it('a request for a URL the page already left still ends the previous wait', async () => {
    const page = fakePage(PARIS_URL);
    const reader = installPageReader('x', countReader, page, 5000);
    const first = reader.read(PARIS, PARIS_URL);
    page.current = 'https://x.com/explore';
    expect(await reader.read(LYON, LYON_URL)).toEqual({ moved: true });
    expect(await within(1000, first)).toEqual({ superseded: true });
  });

  it('the page leaving the URL ends the wait at the next reading, without reading the new page', async () => {
    const page = fakePage(PARIS_URL);
    const reader = installPageReader('x', countReader, page, 5000);
    const started = Date.now();
    const pending = reader.read(PARIS, PARIS_URL);
    // The page moves elsewhere (no new request) and shows another account's figure.
    page.current = 'https://x.com/Lyon';
    document.body.innerHTML = '<span id="count">9</span>';
    expect(await within(1000, pending)).toEqual({ superseded: true });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(countReader).toHaveBeenCalledTimes(1);
  });

  it('the page leaving the URL before the timeout’s last reading: superseded, not a reading of the new page', async () => {
    const page = fakePage(PARIS_URL);
    const reader = installPageReader('x', countReader, page, 100);
    const pending = reader.read(PARIS, PARIS_URL);
    page.current = 'https://x.com/explore';
    expect(await within(1000, pending)).toEqual({ superseded: true });
    expect(countReader).toHaveBeenCalledTimes(1);
  });

  it('after a superseded wait, a new request on the same reader still reads', async () => {
    const page = fakePage(PARIS_URL);
    const reader = installPageReader('x', countReader, page, 5000);
    const first = reader.read(PARIS, PARIS_URL);
    const second = reader.read(PARIS, PARIS_URL);
    document.body.innerHTML = '<span id="count">3</span>';
    expect(await within(1000, first)).toEqual({ superseded: true });
    const answer = await within(1000, second);
    expect(hasReading(answer) && answer.reading.value).toBe(3);
  });
});

describe('a reader that gathers in the page (the background interprets)', () => {
  /** Gathers the text of #count, ready once it holds a digit: a stand-in for youtube/page.ts. */
  const gatherCount = {
    gather: vi.fn((doc: Document) => ({ count: doc.getElementById('count')?.textContent ?? '' })),
    ready: vi.fn((gathered: { count: string }, _account: AccountRef) => /\d/.test(gathered.count)),
  };
  afterEach(() => {
    gatherCount.gather.mockClear();
    gatherCount.ready.mockClear();
  });

  it('answers what it gathered as soon as it is ready, without signals', async () => {
    document.body.innerHTML = '<span id="count">42</span><input type="password">';
    const reader = installPageReader('youtube', gatherCount, fakePage(PARIS_URL), 5000);
    const answer = await within(1000, reader.read(PARIS, PARIS_URL));
    expect(answer).toEqual({ gathered: { count: '42' }, readAt: expect.any(Number), signals: {} });
    expect(gatherCount.ready).toHaveBeenCalledWith({ count: '42' }, PARIS);
  });

  it('watches the page until what it gathers is ready', async () => {
    document.body.innerHTML = '<span id="count">…</span>';
    const reader = installPageReader('youtube', gatherCount, fakePage(PARIS_URL), 5000);
    const pending = reader.read(PARIS, PARIS_URL);
    setTimeout(() => {
      document.body.innerHTML = '<span id="count">7</span>';
    }, 20);
    expect(await within(1000, pending)).toMatchObject({ gathered: { count: '7' }, signals: {} });
    expect(gatherCount.gather.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('at the timeout, answers the last gathering with the page’s signals (a login wall)', async () => {
    document.body.innerHTML = '<form><input type="password"></form>';
    const reader = installPageReader('youtube', gatherCount, fakePage(PARIS_URL), 100);
    expect(await within(1000, reader.read(PARIS, PARIS_URL))).toEqual({
      gathered: { count: '' },
      readAt: expect.any(Number),
      signals: { loginWall: true },
    });
  });

  it('turns a gathering that throws into a reported problem', async () => {
    const broken = {
      gather: () => {
        throw new Error('layout changed');
      },
      ready: () => true,
    };
    const reader = installPageReader('youtube', broken, fakePage(PARIS_URL), 50);
    const answer = await within(1000, reader.read(PARIS, PARIS_URL));
    if (!hasReading(answer)) throw new Error(`no reading: ${JSON.stringify(answer)}`);
    expect(answer.reading.problems).toEqual(['reader failed: layout changed']);
  });

  it('the page leaving the URL: superseded, nothing gathered from the new page is sent', async () => {
    const page = fakePage(PARIS_URL);
    const reader = installPageReader('youtube', gatherCount, page, 5000);
    const pending = reader.read(PARIS, PARIS_URL);
    page.current = LYON_URL;
    document.body.innerHTML = '<span id="count">9</span>';
    expect(await within(1000, pending)).toEqual({ superseded: true });
    expect(gatherCount.gather).toHaveBeenCalledTimes(1);
  });
});
