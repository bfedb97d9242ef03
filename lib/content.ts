import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageReport } from './messages';
import { detectAccount } from './platforms/registry';

/**
 * The content script's whole job: say which account (if any) this page is, on load and on
 * every in-app navigation. Pages that are not accounts cost one URL parse and one message.
 */
export function startContentScript(ctx: ContentScriptContext): void {
  const report = (href: string) => {
    const account = detectAccount(href) ?? null;
    const message: PageReport = { type: 'civiscope:page', url: href, account };
    browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting or the extension reloaded; the next navigation re-reports.
    });
  };
  report(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => report(newUrl.href));
}
