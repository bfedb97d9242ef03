import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '@/lib/content/messages';
import type { ContentHost } from '@/lib/content/page-host';
import { startContentScript } from '@/lib/content/start';
import type { PageReader } from '@/lib/platforms/types';
import { x } from '@/lib/platforms/x/url';

const reader: PageReader = () => ({ value: 42, metric: 'followers', precision: 'exact', source: 'text', problems: [] });

/** A page at `url` whose in-app navigations the test drives, and the messages sent from it. */
function fakeHost(url: string) {
  const sent: PageReport[] = [];
  let navigate: ((href: string) => void) | undefined;
  let alive = true;
  let unsubscribed = false;
  const apiCalls = { send: 0, alive: 0 };
  const host: ContentHost = {
    document,
    href: () => url,
    onNavigate(callback) {
      navigate = callback;
      return () => {
        unsubscribed = true;
      };
    },
    send(message) {
      apiCalls.send++;
      sent.push(message);
    },
    alive() {
      apiCalls.alive++;
      return alive;
    },
  };
  return {
    host,
    sent,
    apiCalls,
    navigate: (href: string) => navigate?.(href),
    unload: () => {
      alive = false;
    },
    unsubscribed: () => unsubscribed,
  };
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('startContentScript', () => {
  it('on a page that is not an account: no message, no extension API touched, no reader loaded', async () => {
    const page = fakeHost('https://x.com/explore');
    const load = vi.fn(async () => reader);
    startContentScript(x, load, page.host);
    await settle(50);
    expect(page.sent).toEqual([]);
    expect(page.apiCalls).toEqual({ send: 0, alive: 0 });
    expect(load).not.toHaveBeenCalled();
  });

  it('on an account whose figure is there: loads the reader once, one message with account and reading', async () => {
    const page = fakeHost('https://x.com/Paris');
    const load = vi.fn(async () => reader);
    startContentScript(x, load, page.host);
    await vi.waitFor(() => expect(page.sent).toHaveLength(1));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(page.sent.map((m) => [m.account?.key, m.reading?.value])).toEqual([['paris', 42]]);
    expect(page.sent[0]?.signals).toEqual({});
  });

  it('on an account whose figure comes later: the account at once, then its reading', async () => {
    // The figure appears 50 ms after the script starts, as on a page that renders its header late.
    let shown = false;
    setTimeout(() => {
      shown = true;
      document.body.append(document.createElement('div'));
    }, 50);
    const late: PageReader = (doc, account) => (shown ? reader(doc, account) : { problems: ['not yet'] });
    const page = fakeHost('https://x.com/Paris');
    startContentScript(x, async () => late, page.host);
    await vi.waitFor(() => expect(page.sent).toHaveLength(2));
    expect(page.sent.map((m) => [m.account?.key, m.reading?.value])).toEqual([
      ['paris', undefined],
      ['paris', 42],
    ]);
    expect(page.sent[0]?.reading).toBeUndefined();
  });

  it('reports why there is no reading when the reader cannot be loaded', async () => {
    const page = fakeHost('https://x.com/Paris');
    startContentScript(x, () => Promise.reject(new Error('blocked')), page.host);
    await vi.waitFor(() => expect(page.sent).toHaveLength(1));
    expect(page.sent[0]?.reading).toEqual({ problems: ['page reader could not be loaded: blocked'] });
  });

  it('follows in-app navigation: not an account → account → not an account → account', async () => {
    const page = fakeHost('https://x.com/explore');
    const load = vi.fn(async () => reader);
    startContentScript(x, load, page.host);
    page.navigate('https://x.com/Paris');
    await vi.waitFor(() => expect(page.sent).toHaveLength(1));
    page.navigate('https://x.com/home');
    await settle();
    page.navigate('https://x.com/Lyon');
    await vi.waitFor(() => expect(page.sent).toHaveLength(2));
    expect(page.sent.map((m) => m.account?.key)).toEqual(['paris', 'lyon']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stops when the extension is reloaded under the page: nothing sent, no longer listening', async () => {
    const page = fakeHost('https://x.com/explore');
    startContentScript(x, async () => reader, page.host);
    page.unload();
    page.navigate('https://x.com/Paris');
    await settle();
    expect(page.sent).toEqual([]);
    expect(page.unsubscribed()).toBe(true);
  });

  it('a reading for a page the user has left is never sent', async () => {
    let release!: (r: PageReader) => void;
    const page = fakeHost('https://x.com/Paris');
    startContentScript(x, () => new Promise<PageReader>((r) => (release = r)), page.host);
    page.navigate('https://x.com/home');
    release(reader);
    await settle();
    expect(page.sent).toEqual([]);
  });
});
