import type { Metric, PlatformId, Precision } from './platforms/types';

/** A figure the user's own browser read from a listed account's page, kept locally. */
export interface Observation {
  entityId: string;
  platform: PlatformId;
  key: string;
  metric: Metric;
  value: number;
  precision: Precision;
  /** ISO datetime of the reading. */
  at: string;
  url: string;
}
