import { browser } from 'wxt/browser';
import { bundledIndex } from './dataset/bundled';
import { type PopupModel, resolvePopupModel } from './popup-model';
import { getTabState } from './tab-state';

/**
 * Browser side of the popup: find the tab, read its state, then decide (pure) what to show.
 * `popup.html?tab=<id>` shows the popup for a given tab; the real-browser tests use it because a
 * popup opened as a page would otherwise see itself as the active tab.
 */
export async function loadPopupModel(search = location.search): Promise<PopupModel> {
  const tab = await targetTab(search);
  const state = tab?.id !== undefined ? await getTabState(tab.id) : null;
  return resolvePopupModel(bundledIndex(), tab?.url, state);
}

async function targetTab(search: string) {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return browser.tabs.get(requested).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
