import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageReport } from '../content/messages';

/**
 * What the background knows of one tab: the last page report read from its page.
 * Kept in session storage because an MV3 service worker can be stopped at any time, and
 * dropped with the browser session (nothing of the user's browsing outlives it).
 */
export interface TabState {
  url: string;
  report: PageReport;
  /** Entity id when the account is listed in the dataset. */
  entityId?: string;
}

const item = (tabId: number) => storage.defineItem<TabState | null>(`session:tab-${tabId}`, { fallback: null });

export async function getTabState(tabId: number): Promise<TabState | null> {
  const value = await item(tabId).getValue();
  // Session storage is ours alone, but a state written by an older version must not crash the popup.
  return value && typeof value === 'object' && typeof value.url === 'string' && value.report ? value : null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await item(tabId).setValue(state);
}

export async function clearTabState(tabId: number): Promise<void> {
  await item(tabId).removeValue();
}

/** Ids of the tabs the background holds a state for. */
export async function tabsWithState(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .map((key) => /^tab-(\d+)$/.exec(key)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
}

/** Calls back when the tab's state changes (a reading arrived, the page changed); returns the unwatch function. */
export function watchTabState(tabId: number, callback: () => void): () => void {
  return item(tabId).watch(() => callback());
}
