import * as v from 'valibot';
import type { Observation } from './observation';
import { PLATFORM_IDS } from './platforms/types';

/** Per account, at most this many entries are kept (oldest dropped first): over a year of daily readings. */
export const MAX_PER_ACCOUNT = 400;

const ObservationSchema = v.object({
  entityId: v.string(),
  platform: v.picklist(PLATFORM_IDS),
  key: v.string(),
  metric: v.picklist(['followers', 'subscribers', 'page-likes']),
  value: v.pipe(v.number(), v.integer(), v.minValue(0)),
  precision: v.picklist(['exact', 'rounded', 'lower-bound']),
  at: v.pipe(v.string(), v.isoTimestamp()),
  url: v.string(),
});

/**
 * Keeps what is valid in whatever storage held, entry by entry: one corrupted entry is
 * skipped and counted, never taking the others with it.
 */
export function sanitizeObservations(raw: unknown): { entries: Observation[]; skipped: number } {
  if (!Array.isArray(raw)) return { entries: [], skipped: raw === undefined || raw === null ? 0 : 1 };
  const entries: Observation[] = [];
  let skipped = 0;
  for (const item of raw) {
    const result = v.safeParse(ObservationSchema, item);
    if (result.success) entries.push(result.output);
    else skipped++;
  }
  return { entries, skipped };
}

const accountOf = (o: Observation) => `${o.platform} ${o.key}`;
const dayOf = (o: Observation) => o.at.slice(0, 10);

/**
 * Adds a reading: one entry per account, metric and (UTC) day — the latest wins — and at most
 * MAX_PER_ACCOUNT entries per account. Pure: returns a new list sorted by time.
 */
export function addObservation(entries: readonly Observation[], added: Observation): Observation[] {
  const kept = entries.filter(
    (o) => !(accountOf(o) === accountOf(added) && o.metric === added.metric && dayOf(o) === dayOf(added)),
  );
  kept.push(added);
  kept.sort((a, b) => a.at.localeCompare(b.at));
  const sameAccount = kept.filter((o) => accountOf(o) === accountOf(added));
  if (sameAccount.length <= MAX_PER_ACCOUNT) return kept;
  const drop = new Set(sameAccount.slice(0, sameAccount.length - MAX_PER_ACCOUNT));
  return kept.filter((o) => !drop.has(o));
}

/** Entries for one account, oldest first. */
export function observationsOf(entries: readonly Observation[], platform: string, key: string): Observation[] {
  return entries.filter((o) => o.platform === platform && o.key === key);
}
