import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageReport } from '@/lib/content/messages';
import { startContentScript } from '@/lib/content/start';
import type { PageReader } from '@/lib/platforms/types';
import { x } from '@/lib/platforms/x/url';

const reader: PageReader = () => ({ value: 42, metric: 'followers', precision: 'exact', source: 'text', problems: [] });

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

/** Runs the content script on `url` and returns the messages it sends within a short while. */
async function run(
  url: string,
  loadReader: () => Promise<PageReader>,
  waitMs = 30,
  expectMessage = true,
): Promise<PageReport[]> {
  setUrl(url);
  const sent: PageReport[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message as PageReport);
  });
  const ctx = new ContentScriptContext('test');
  startContentScript(ctx, x, loadReader);
  if (expectMessage) await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, waitMs));
  ctx.abort();
  return sent;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('startContentScript', () => {
  it('on a page that is not an account: no message, and the reader is never loaded', async () => {
    const load = vi.fn(async () => reader);
    const sent = await run('https://x.com/explore', load, 50, false);
    expect(sent).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('on an account whose figure is there: loads the reader once, one message with account and reading', async () => {
    const load = vi.fn(async () => reader);
    const sent = await run('https://x.com/Paris', load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(sent.map((m) => [m.account?.key, m.reading?.value])).toEqual([['paris', 42]]);
    expect(sent[0]?.signals).toEqual({});
  });

  it('on an account whose figure comes later: the account at once, then its reading', async () => {
    // The figure appears 50 ms after the script starts, as on a page that renders its header late.
    let shown = false;
    setTimeout(() => {
      shown = true;
      document.body.append(document.createElement('div'));
    }, 50);
    const late: PageReader = (doc, account) => (shown ? reader(doc, account) : { problems: ['not yet'] });
    const sent = await run('https://x.com/Paris', async () => late, 400);
    expect(sent.map((m) => [m.account?.key, m.reading?.value])).toEqual([
      ['paris', undefined],
      ['paris', 42],
    ]);
    expect(sent[0]?.reading).toBeUndefined();
  });

  it('reports why there is no reading when the reader cannot be loaded', async () => {
    const sent = await run('https://x.com/Paris', () => Promise.reject(new Error('blocked')));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.reading).toEqual({ problems: ['page reader could not be loaded: blocked'] });
  });
});
