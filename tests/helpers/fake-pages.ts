import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The pages the fake browser shows, for the background's page readings (lib/background/
 * page-readings.ts): what each tab's page answers when the background reads it (as
 * lib/content/in-page.ts would), or undefined when it cannot be asked. Untrusted, like a real page.
 * Pass `readPage` to startBackground.
 */
export function fakePages() {
  const answers = new Map<number, unknown>();
  const readPage = vi.fn(async (tabId: number) => answers.get(tabId));
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return {
    answers,
    readPage,
    settle,
    /** The tab loads `url` (a new document, then complete), whose page answers `answer`; resolves once handled. */
    async visit(tabId: number, url: string, answer?: unknown) {
      answers.set(tabId, answer);
      await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, {
        id: tabId,
        url,
        status: 'loading',
      } as never);
      await fakeBrowser.tabs.onUpdated.trigger(tabId, { url, status: 'complete' }, {
        id: tabId,
        url,
        status: 'complete',
      } as never);
      await settle();
    },
  };
}
