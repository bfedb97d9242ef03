import { browser } from 'wxt/browser';
import { badgeFor } from './badge';
import type { DatasetIndex } from './dataset';
import { type Lang, translator } from './i18n';
import { isPageReport, type PageReport } from './messages';
import { recordObservation } from './observation-store';
import { clearTabState, getTabState, setTabState } from './tab-state';

/** Wires the background's listeners. Called from the background entrypoint's main(). */
export function startBackground(index: DatasetIndex, lang: Lang): void {
  const t = translator(lang);

  async function applyReport(tabId: number, report: PageReport): Promise<void> {
    const match = report.account ? index.account(report.account.platform, report.account.key) : undefined;
    await setTabState(tabId, { url: report.url, report, entityId: match?.entity.id });
    const reading = report.reading;
    if (match && report.account && reading?.value !== undefined && reading.metric && reading.precision) {
      // Only listed accounts are remembered: the history is about the benchmark, not the user's browsing.
      await recordObservation({
        entityId: match.entity.id,
        platform: report.account.platform,
        key: report.account.key,
        metric: reading.metric,
        value: reading.value,
        precision: reading.precision,
        at: new Date(report.readAt ?? Date.now()).toISOString(),
        url: report.url,
      });
    }
    const badge = badgeFor(match?.entity.group, t);
    await browser.action.setBadgeText({ tabId, text: badge.text });
    if (badge.colour) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
  }

  async function clearTab(tabId: number): Promise<void> {
    await clearTabState(tabId);
    await browser.action.setBadgeText({ tabId, text: '' }).catch(() => {
      // The tab may be gone already.
    });
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number } }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isPageReport(message)) return undefined;
    return applyReport(tabId, message);
  });

  browser.tabs.onUpdated.addListener(async (tabId, changeInfo, tab) => {
    // A new document is loading. Where we have no host permission the URL is hidden from us,
    // which means the tab left the supported platforms: forget what we knew.
    if (changeInfo.status !== 'loading') return;
    const url = changeInfo.url ?? tab.url;
    const state = await getTabState(tabId);
    if (state && state.url !== url) await clearTab(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabState(tabId);
  });
}
