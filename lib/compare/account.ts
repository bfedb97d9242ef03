import type { Dataset } from '../dataset';
import type { Observation } from '../history/observation';
import type { AccountRef, AudienceReading } from '../platforms/types';
import type { CohortChoice } from '../settings/preferences';
import { type Comparison, tryCompareAccount } from './';

export interface AccountComparisonInput {
  dataset: Dataset;
  entityId: string;
  account: AccountRef;
  reading?: AudienceReading;
  /** Epoch ms of the reading. */
  readAt?: number;
  observations: readonly Observation[];
  cohort: CohortChoice;
  now: Date;
}

/**
 * The one way the extension builds a comparison for the account on screen. The popup and the
 * badge both call it with the same inputs, so they can never disagree.
 */
export function compareAccountOnScreen(input: AccountComparisonInput): Comparison | undefined {
  const { reading } = input;
  const live =
    reading?.value !== undefined && reading.metric && reading.precision
      ? {
          value: reading.value,
          metric: reading.metric,
          precision: reading.precision,
          readAt: new Date(input.readAt ?? input.now.getTime()).toISOString(),
        }
      : undefined;
  const result = tryCompareAccount({
    dataset: input.dataset,
    entityId: input.entityId,
    platform: input.account.platform,
    accountKey: input.account.key,
    live,
    observations: input.observations,
    cohort: input.cohort,
    now: input.now.toISOString(),
  });
  return result.ok ? result.comparison : undefined;
}
