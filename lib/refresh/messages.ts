import { PLATFORM_IDS, type PlatformId } from '../platforms/types';

/** Popup → background: start a refresh of the cohort on screen, or cancel the running one. */
export interface RefreshStartMessage {
  type: 'civiscope:refresh-start';
  entityId: string;
  platform: PlatformId;
  /** Key of the account on screen (decides which account is "self"). */
  key: string;
  cohort: 'study' | 'all';
  /**
   * The account that decides the cohort is re-read too: no page of it is open (the dashboard).
   * Absent in the popup, whose account on screen was just read.
   */
  withSelf?: boolean;
}

export interface RefreshCancelMessage {
  type: 'civiscope:refresh-cancel';
}

const PLATFORMS = new Set<string>(PLATFORM_IDS);

export function isRefreshStart(m: unknown): m is RefreshStartMessage {
  if (!m || typeof m !== 'object') return false;
  const x = m as Partial<RefreshStartMessage>;
  return (
    x.type === 'civiscope:refresh-start' &&
    typeof x.entityId === 'string' &&
    typeof x.key === 'string' &&
    typeof x.platform === 'string' &&
    PLATFORMS.has(x.platform) &&
    (x.cohort === 'study' || x.cohort === 'all') &&
    (x.withSelf === undefined || typeof x.withSelf === 'boolean')
  );
}

export function isRefreshCancel(m: unknown): m is RefreshCancelMessage {
  return !!m && typeof m === 'object' && (m as { type?: unknown }).type === 'civiscope:refresh-cancel';
}
