import { storage } from 'wxt/utils/storage';
import type { Observation } from './observation';
import { addObservation, sanitizeObservations } from './observations';

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

export async function recordObservation(observation: Observation): Promise<{ skipped: number }> {
  const { entries, skipped } = await loadObservations();
  await observationsItem.setValue(addObservation(entries, observation));
  return { skipped };
}

/** Replaces the whole history (the dashboard: one reading removed, or an import merged). */
export async function saveObservations(entries: readonly Observation[]): Promise<void> {
  await observationsItem.setValue([...entries]);
}

export async function clearObservations(): Promise<void> {
  await observationsItem.setValue([]);
}
