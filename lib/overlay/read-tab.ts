import { browser } from 'wxt/browser';

/** Pages larger than this are cut: a homepage's links fit well within it. */
const MAX_HTML = 5 * 1024 * 1024;

/**
 * The HTML of the page in a tab, read by a function injected with `scripting` into that tab.
 * Called only from the popup, which the user opened on that tab: the toolbar click grants
 * `activeTab` for it, so no host permission is needed and nothing runs on other pages.
 */
export async function readTabHtml(tabId: number): Promise<{ html: string; url: string }> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the page: it must be self-contained (serialised and injected by the browser).
    func: (max: number) => ({ html: document.documentElement.outerHTML.slice(0, max), url: location.href }),
    args: [MAX_HTML],
  });
  const value = result?.result as { html?: unknown; url?: unknown } | undefined;
  if (!value || typeof value.html !== 'string' || typeof value.url !== 'string') throw new Error('no result');
  return { html: value.html, url: value.url };
}
