import { storage } from 'wxt/utils/storage';

export type CohortChoice = 'study' | 'all';

/**
 * The user's cohort choice for cities and regions. The popup writes it and the background reads
 * it, so that the badge's rank always matches the popup's.
 */
export const cohortPreference = storage.defineItem<CohortChoice>('local:cohort', { fallback: 'study', version: 1 });

export async function getCohortChoice(): Promise<CohortChoice> {
  const value = await cohortPreference.getValue().catch(() => 'study' as const);
  // Anything else in storage (a damaged value) falls back to the default rather than breaking the popup.
  return value === 'all' ? 'all' : 'study';
}
