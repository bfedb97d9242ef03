import type { Metric, PlatformId, Precision } from '../platforms/types';

/**
 * An audience figure the user's own browser read on an account's page earlier, kept locally.
 * It is a first-hand reading with an exact time, so it can replace an older bundled figure.
 */
export interface Observation {
  entityId: string;
  platform: PlatformId;
  /** Canonical account key (see README, "Account keys"). */
  key: string;
  metric: Metric;
  value: number;
  precision: Precision;
  /** ISO datetime of the reading. */
  at: string;
  /** Page the value was read on. */
  url: string;
  /**
   * How the page came to be read: `visit` (the user opened it; the default when absent) or
   * `refreshed` (a group refresh the user started opened it), with that job's id.
   */
  origin?: 'visit' | 'refreshed';
  jobId?: string;
}
