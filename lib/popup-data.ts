import { browser } from 'wxt/browser';
import { bundledIndex } from './dataset/bundled';
import type { Observation } from './observation';
import { loadObservations } from './observation-store';
import { type PopupModel, resolvePopupModel } from './popup-model';
import { type CohortChoice, getCohortChoice } from './preferences';
import { getTabState } from './tab-state';

export interface PopupData {
  /** The tab the popup is about, when there is one. */
  tabId?: number;
  model: PopupModel;
  observations: Observation[];
  /** Stored entries that could not be read (corrupted); shown, never fatal. */
  skippedObservations: number;
  cohort: CohortChoice;
  now: Date;
}

/**
 * Browser side of the popup: find the tab, read its state, then decide (pure) what to show.
 * `popup.html?tab=<id>` shows the popup for a given tab; the real-browser tests use it because a
 * popup opened as a page would otherwise see itself as the active tab.
 */
export async function loadPopupData(search = location.search): Promise<PopupData> {
  const tab = await targetTab(search);
  const [state, observations, cohort] = await Promise.all([
    tab?.id !== undefined ? getTabState(tab.id) : null,
    loadObservations(),
    getCohortChoice(),
  ]);
  return {
    tabId: tab?.id,
    model: resolvePopupModel(bundledIndex(), tab?.url, state),
    observations: observations.entries,
    skippedObservations: observations.skipped,
    cohort,
    now: new Date(),
  };
}

async function targetTab(search: string) {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return browser.tabs.get(requested).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
