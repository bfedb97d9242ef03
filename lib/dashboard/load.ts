import type { Dataset } from '../dataset';
import type { DatasetIndex } from '../dataset/lookup';
import { loadShippedIndex } from '../dataset/shipped';
import type { Observation } from '../history/observation';
import { loadObservations } from '../history/store';
import { chooseLang } from '../i18n';
import { loadMergedIndex } from '../overlay/merged';
import type { Overlay } from '../overlay/types';
import {
  getBadgeEnabled,
  getHistoryLimit,
  getLanguageChoice,
  getRefreshDelaySeconds,
  type LanguageChoice,
} from '../settings/settings';

export interface DashboardSettings {
  language: LanguageChoice;
  badge: boolean;
  historyLimit: number;
  refreshDelay: number;
}

export interface DashboardData {
  /** The bundled dataset merged with the user's overlay: what the popup and the badge use. */
  index: DatasetIndex;
  /** The bundled dataset alone (the base of the user-data export and import). */
  bundled: Dataset;
  overlay: Overlay;
  observations: Observation[];
  /** Stored readings that could not be read (corrupted); shown, never fatal. */
  skippedObservations: number;
  settings: DashboardSettings;
  now: Date;
}

export async function loadSettings(): Promise<DashboardSettings> {
  const [language, badge, historyLimit, refreshDelay] = await Promise.all([
    getLanguageChoice(),
    getBadgeEnabled(),
    getHistoryLimit(),
    getRefreshDelaySeconds(),
  ]);
  return { language, badge, historyLimit, refreshDelay };
}

/**
 * Browser side of the dashboard: the shipped dataset merged with the user's overlay (as the popup
 * loads it), the history and the settings.
 */
export async function loadDashboardData(uiLocale: string | undefined): Promise<DashboardData> {
  const settingsRead = loadSettings();
  const [merged, shipped, observations, settings] = await Promise.all([
    settingsRead.then((s) => loadMergedIndex(chooseLang(s.language, uiLocale))),
    loadShippedIndex(),
    loadObservations(),
    settingsRead,
  ]);
  return {
    index: merged.index,
    bundled: shipped.dataset,
    overlay: merged.overlay,
    observations: observations.entries,
    skippedObservations: observations.skipped,
    settings,
    now: new Date(),
  };
}
