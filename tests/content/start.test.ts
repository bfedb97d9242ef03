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
async function run(url: string, loadReader: () => Promise<PageReader>): Promise<PageReport[]> {
  setUrl(url);
  const sent: PageReport[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message as PageReport);
  });
  const ctx = new ContentScriptContext('test');
  startContentScript(ctx, x, loadReader);
  await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, 30));
  ctx.abort();
  return sent;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('startContentScript', () => {
  it('on a page that is not an account: one message, and the reader is never loaded', async () => {
    const load = vi.fn(async () => reader);
    const sent = await run('https://x.com/explore', load);
    expect(sent).toEqual([
      expect.objectContaining({ type: 'civiscope:page', url: 'https://x.com/explore', account: null }),
    ]);
    expect(sent[0]?.reading).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  it('on an account: loads the reader once and reports its reading', async () => {
    const load = vi.fn(async () => reader);
    const sent = await run('https://x.com/Paris', load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(sent.map((m) => [m.account?.key, m.reading?.value])).toEqual([
      ['paris', undefined],
      ['paris', 42],
    ]);
  });

  it('reports why there is no reading when the reader cannot be loaded', async () => {
    const sent = await run('https://x.com/Paris', () => Promise.reject(new Error('blocked')));
    expect(sent[1]?.reading).toEqual({ problems: ['page reader could not be loaded: blocked'] });
  });
});
