import { PLATFORM_IDS } from '../platforms/types';
import type { Observation } from './observation';

/**
 * Per account, at most this many entries are kept by default (oldest dropped first): over a year of
 * daily readings. The user can change it in the dashboard's settings (lib/settings, HISTORY_LIMIT).
 */
export const MAX_PER_ACCOUNT = 400;

const METRICS = new Set(['followers', 'subscribers', 'page-likes']);
const PRECISIONS = new Set(['exact', 'rounded', 'lower-bound']);
const PLATFORMS = new Set<string>(PLATFORM_IDS);
const JOB_ID = /^[\w-]{1,64}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether a stored value is a well-formed observation. Written by hand rather than with the
 * schema library so that the popup, which reads the history, stays small.
 */
function isObservation(x: unknown): x is Observation {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.entityId === 'string' &&
    typeof o.platform === 'string' &&
    PLATFORMS.has(o.platform) &&
    typeof o.key === 'string' &&
    typeof o.metric === 'string' &&
    METRICS.has(o.metric) &&
    typeof o.value === 'number' &&
    Number.isSafeInteger(o.value) &&
    o.value >= 0 &&
    typeof o.precision === 'string' &&
    PRECISIONS.has(o.precision) &&
    typeof o.at === 'string' &&
    TIMESTAMP.test(o.at) &&
    !Number.isNaN(Date.parse(o.at)) &&
    typeof o.url === 'string' &&
    (o.origin === undefined || o.origin === 'visit' || o.origin === 'refreshed') &&
    // A job id only goes with a refreshed reading.
    (o.jobId === undefined || (o.origin === 'refreshed' && typeof o.jobId === 'string' && JOB_ID.test(o.jobId)))
  );
}

/**
 * Keeps what is valid in whatever storage held, entry by entry: one corrupted entry is
 * skipped and counted, never taking the others with it.
 */
export function sanitizeObservations(raw: unknown): { entries: Observation[]; skipped: number } {
  if (!Array.isArray(raw)) return { entries: [], skipped: raw === undefined || raw === null ? 0 : 1 };
  const entries: Observation[] = [];
  let skipped = 0;
  for (const item of raw) {
    if (isObservation(item)) entries.push(item);
    else skipped++;
  }
  return { entries, skipped };
}

const accountOf = (o: Observation) => `${o.platform} ${o.key}`;
const dayOf = (o: Observation) => o.at.slice(0, 10);

/**
 * Adds a reading: one entry per account, metric and (UTC) day — the latest wins — and at most
 * `maxPerAccount` entries per account. Pure: returns a new list sorted by time.
 */
export function addObservation(
  entries: readonly Observation[],
  added: Observation,
  maxPerAccount = MAX_PER_ACCOUNT,
): Observation[] {
  const kept = entries.filter(
    (o) => !(accountOf(o) === accountOf(added) && o.metric === added.metric && dayOf(o) === dayOf(added)),
  );
  kept.push(added);
  kept.sort((a, b) => a.at.localeCompare(b.at));
  const sameAccount = kept.filter((o) => accountOf(o) === accountOf(added));
  if (sameAccount.length <= maxPerAccount) return kept;
  const drop = new Set(sameAccount.slice(0, sameAccount.length - maxPerAccount));
  return kept.filter((o) => !drop.has(o));
}

/**
 * Keeps at most `maxPerAccount` entries per account, the newest, for when the user lowers the
 * limit. Pure; keeps the input's order.
 */
export function pruneObservations(entries: readonly Observation[], maxPerAccount: number): Observation[] {
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Map<string, number>();
  const keep = new Set<Observation>();
  for (const o of newestFirst) {
    const n = (seen.get(accountOf(o)) ?? 0) + 1;
    seen.set(accountOf(o), n);
    if (n <= maxPerAccount) keep.add(o);
  }
  return entries.filter((o) => keep.has(o));
}

/** Entries for one account, oldest first. */
export function observationsOf(entries: readonly Observation[], platform: string, key: string): Observation[] {
  return entries.filter((o) => o.platform === platform && o.key === key);
}
