import type { DatasetIndex } from '../dataset/lookup';
import { loadShippedIndex } from '../dataset/shipped';
import type { Observation } from '../history/observation';
import { loadObservations } from '../history/store';
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
  index: DatasetIndex;
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

/** Browser side of the dashboard: the shipped dataset (as the popup loads it), the history and the settings. */
export async function loadDashboardData(): Promise<DashboardData> {
  const [index, observations, settings] = await Promise.all([loadShippedIndex(), loadObservations(), loadSettings()]);
  return {
    index,
    observations: observations.entries,
    skippedObservations: observations.skipped,
    settings,
    now: new Date(),
  };
}
