import { storage } from 'wxt/utils/storage';
import type { Observation } from './observation';
import { addObservation, MAX_PER_ACCOUNT, pruneObservations, sanitizeObservations } from './observations';

/**
 * The local history of figures read on listed accounts. Versioned so that a later change of
 * the entry format migrates what users already have instead of losing it.
 */
const observationsItem = storage.defineItem<unknown>('local:observations', {
  fallback: [],
  version: 1,
});

export async function loadObservations(): Promise<{ entries: Observation[]; skipped: number }> {
  try {
    return sanitizeObservations(await observationsItem.getValue());
  } catch {
    // Storage itself failed (quota, corruption): behave as if empty, but say something was lost.
    return { entries: [], skipped: 1 };
  }
}

/** `maxPerAccount`: the user's history limit (lib/settings), read by the caller. */
export async function recordObservation(
  observation: Observation,
  maxPerAccount = MAX_PER_ACCOUNT,
): Promise<{ skipped: number }> {
  const { entries, skipped } = await loadObservations();
  await observationsItem.setValue(addObservation(entries, observation, maxPerAccount));
  return { skipped };
}

/** Applies a lowered limit to what is already stored; returns how many entries were dropped. */
export async function pruneStoredObservations(maxPerAccount: number): Promise<number> {
  const { entries } = await loadObservations();
  const kept = pruneObservations(entries, maxPerAccount);
  if (kept.length !== entries.length) await observationsItem.setValue(kept);
  return entries.length - kept.length;
}

/** Replaces the whole history (the dashboard: one reading removed, or an import merged). */
export async function saveObservations(entries: readonly Observation[]): Promise<void> {
  await observationsItem.setValue([...entries]);
}

export async function clearObservations(): Promise<void> {
  await observationsItem.setValue([]);
}
