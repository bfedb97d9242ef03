import { browser } from 'wxt/browser';
import { getDroppedReports } from '../background/dropped-reports';
import { getTabState, type TabState } from '../background/tab-state';
import { type DatasetIndex, indexDataset } from '../dataset/lookup';
import { loadShippedIndex } from '../dataset/shipped';
import type { Observation } from '../history/observation';
import { loadObservations } from '../history/store';
import { type CohortChoice, getCohortChoice } from '../settings/preferences';
import { type PopupModel, resolvePopupModel } from './popup-model';

export interface PopupData {
  index: DatasetIndex;
  /** The tab the popup is about, when there is one. */
  tabId?: number;
  model: PopupModel;
  observations: Observation[];
  /** Stored entries that could not be read (corrupted); shown, never fatal. */
  skippedObservations: number;
  /** Page reports the background refused this session (diagnostics). */
  droppedReports?: number;
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
  const [index, state, observations, cohort, dropped] = await Promise.all([
    loadShippedIndex(),
    tab?.id !== undefined ? getTabState(tab.id) : null,
    loadObservations(),
    getCohortChoice(),
    getDroppedReports(),
  ]);
  return {
    index,
    tabId: tab?.id,
    model: resolvePopupModel(index, tab?.url, state, await lazyDetect(tab?.url, state)),
    observations: observations.entries,
    skippedObservations: observations.skipped,
    droppedReports: dropped.count,
    cohort,
    now: new Date(),
  };
}

/**
 * URL recognition for a tab the content script has not reported on (opened before the extension
 * was installed, or a report that is about another URL). Loaded only then: the grammars of all
 * platforms are not needed to open the popup on a reported page.
 */
async function lazyDetect(url: string | undefined, state: TabState | null) {
  if (!url || state?.url === url || !/^https?:/.test(url)) return undefined;
  return (await import('../platforms/registry')).detectAccount;
}

async function targetTab(search: string) {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return browser.tabs.get(requested).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** What the popup shows when loading failed: the explanation of what Civiscope does, and the error. */
export function failedData(): PopupData {
  const empty = { edition: { id: '', date: '' }, sources: {}, entities: [] };
  return {
    index: indexDataset(empty),
    model: { kind: 'other' },
    observations: [],
    skippedObservations: 0,
    cohort: 'study',
    now: new Date(),
  };
}
