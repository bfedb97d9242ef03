import { storage } from 'wxt/utils/storage';
import type { PlatformId } from '../platforms/types';
import { DEFAULT_DELAY_MS, MAX_LOADS_PER_PLATFORM_PER_DAY, type RefreshJob } from './types';

/**
 * Where the group refresh keeps what must outlive one service-worker run: the job itself in
 * `storage.session` (gone with the browser session, like the tab states), the user's consent,
 * the delay setting and the per-platform daily page-load counter in `storage.local`.
 */

const jobItem = storage.defineItem<unknown>('session:refresh-job', { fallback: null });

/** The job, or null (none yet, or a value that is not a job: never fatal). */
export async function loadJob(): Promise<RefreshJob | null> {
  const value = await jobItem.getValue().catch(() => null);
  return isJob(value) ? value : null;
}

export async function saveJob(job: RefreshJob): Promise<void> {
  await jobItem.setValue(job);
}

/** Calls back with the job whenever it changes (the popup follows the progress this way). */
export function watchJob(callback: (job: RefreshJob | null) => void): () => void {
  return jobItem.watch((value) => callback(isJob(value) ? value : null));
}

function isJob(x: unknown): x is RefreshJob {
  if (!x || typeof x !== 'object') return false;
  const j = x as Partial<RefreshJob>;
  return (
    j.version === 1 &&
    typeof j.id === 'string' &&
    typeof j.platform === 'string' &&
    Array.isArray(j.peers) &&
    (j.status === 'running' || j.status === 'done' || j.status === 'stopped')
  );
}

/** The user said yes once to « Lancer »: later refreshes start at once. */
export const refreshConsent = storage.defineItem<boolean>('local:refresh-consent', { fallback: false });

/**
 * Delay between pages, in ms. Not shown in the popup; stored so that tests (and anyone who wants
 * a gentler pace) can change it. Kept between 100 ms and one minute whatever storage holds.
 */
export const refreshDelay = storage.defineItem<unknown>('local:refresh-delay-ms', { fallback: DEFAULT_DELAY_MS });

export async function getDelayMs(): Promise<number> {
  const value = await refreshDelay.getValue().catch(() => DEFAULT_DELAY_MS);
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(60_000, Math.max(100, value))
    : DEFAULT_DELAY_MS;
}

/** Page loads per platform on one UTC day. */
interface LoadCounter {
  day: string;
  counts: Partial<Record<PlatformId, number>>;
}

const loadsItem = storage.defineItem<unknown>('local:refresh-loads', { fallback: null });

function counterFor(value: unknown, day: string): LoadCounter {
  const v = value as Partial<LoadCounter> | null;
  return v && v.day === day && v.counts && typeof v.counts === 'object'
    ? { day, counts: v.counts }
    : { day, counts: {} };
}

/** Page loads still allowed today on the platform. */
export async function loadsLeftToday(platform: PlatformId, now: Date): Promise<number> {
  const counter = counterFor(await loadsItem.getValue().catch(() => null), now.toISOString().slice(0, 10));
  const used = Number(counter.counts[platform]) || 0;
  return Math.max(0, MAX_LOADS_PER_PLATFORM_PER_DAY - used);
}

export async function countLoad(platform: PlatformId, now: Date): Promise<void> {
  const counter = counterFor(await loadsItem.getValue().catch(() => null), now.toISOString().slice(0, 10));
  counter.counts[platform] = (Number(counter.counts[platform]) || 0) + 1;
  await loadsItem.setValue(counter);
}
