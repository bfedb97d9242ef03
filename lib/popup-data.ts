import { browser } from 'wxt/browser';
import { bundledIndex } from './dataset/bundled';
import { type PopupModel, resolvePopupModel } from './popup-model';
import { getTabState } from './tab-state';

/** Browser side of the popup: read the active tab and its state, then decide (pure) what to show. */
export async function loadPopupModel(): Promise<PopupModel> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const state = tab?.id !== undefined ? await getTabState(tab.id) : null;
  return resolvePopupModel(bundledIndex(), tab?.url, state);
}
