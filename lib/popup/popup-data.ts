import { browser } from 'wxt/browser';
import { getDroppedReports } from '../background/dropped-reports';
import { getTabState, type TabState } from '../background/tab-state';
import { type DatasetIndex, indexDataset } from '../dataset/lookup';
import type { Observation } from '../history/observation';
import { loadObservations } from '../history/store';
import type { Lang } from '../i18n';
import { loadMergedIndex, type MergedIndex } from '../overlay/merged';
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
  /** The user's additions: what they hold, what could not be read, and conflicts awaiting a choice. */
  overlay?: Omit<MergedIndex, 'index'>;
  /** For an unlisted account: its canonical profile URL, what "Add this account to…" stores. */
  profileUrl?: string;
}

/**
 * Browser side of the popup: find the tab, read its state, then decide (pure) what to show.
 * `popup.html?tab=<id>` shows the popup for a given tab; the real-browser tests use it because a
 * popup opened as a page would otherwise see itself as the active tab.
 */
export async function loadPopupData(search = location.search, lang: Lang = 'fr'): Promise<PopupData> {
  return loadPopupDataFor(await targetTab(search), lang);
}

/** The popup's data for a tab already found (see live-view.ts: the tab is watched before this runs). */
export async function loadPopupDataFor(tab: PopupTab | undefined, lang: Lang = 'fr'): Promise<PopupData> {
  // The bundled dataset merged with the user's additions: an added account is listed like any other.
  const [{ index, ...overlay }, state, observations, cohort, dropped] = await Promise.all([
    loadMergedIndex(lang),
    tab?.id !== undefined ? getTabState(tab.id) : null,
    loadObservations(),
    getCohortChoice(),
    getDroppedReports(),
  ]);
  const model = resolvePopupModel(index, tab?.url, state, await lazyDetect(tab?.url, state));
  return {
    index,
    tabId: tab?.id,
    model,
    profileUrl:
      model.kind === 'unlisted'
        ? (await import('../platforms/registry')).getPlatform(model.account.platform)?.accountUrl(model.account.key)
        : undefined,
    observations: observations.entries,
    skippedObservations: observations.skipped,
    droppedReports: dropped.count,
    cohort,
    now: new Date(),
    overlay,
  };
}

/**
 * URL recognition for a tab the background has not read (opened before the extension
 * was installed, or a report that is about another URL). Loaded only then: the grammars of all
 * platforms are not needed to open the popup on a reported page.
 */
async function lazyDetect(url: string | undefined, state: TabState | null) {
  if (!url || state?.url === url || !/^https?:/.test(url)) return undefined;
  return (await import('../platforms/registry')).detectAccount;
}

export type PopupTab = { id?: number; url?: string };

/** The tab the popup is about: `?tab=<id>` when given, else the active tab of the current window. */
export async function targetTab(search: string): Promise<PopupTab | undefined> {
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
