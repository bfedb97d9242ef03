import type { Entity } from '../dataset';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';

/**
 * What is known of an institution on a platform.
 * - present: an active account is listed;
 * - inactive: accounts are listed, all unused or closed;
 * - unknown: no account is listed — which is not the same as absent.
 *
 * A fourth state, "absent as of a date" (an official site read and found without the platform),
 * slots in here: add it to the union, to PRESENCE_STATES and KNOWN_STATES, and to presenceOf.
 */
export type PresenceState = 'present' | 'inactive' | 'unknown';

/** Display order, most informative first. */
export const PRESENCE_STATES: readonly PresenceState[] = ['present', 'inactive', 'unknown'];

/** States that say something known about the platform: shares are computed over these only. */
export const KNOWN_STATES: ReadonlySet<PresenceState> = new Set<PresenceState>(['present', 'inactive']);

export function presenceOf(entity: Pick<Entity, 'accounts'>, platform: PlatformId): PresenceState {
  const accounts = entity.accounts.filter((a) => a.platform === platform);
  if (accounts.some((a) => a.status === 'active')) return 'present';
  if (accounts.length > 0) return 'inactive';
  return 'unknown';
}

export interface PlatformShare {
  platform: PlatformId;
  counts: Record<PresenceState, number>;
  /** Institutions whose presence on the platform is known. */
  known: number;
  /** counts.present ÷ known; null when nothing is known. */
  share: number | null;
}

/** Each platform's share of institutions present, over those whose presence is known. Pure. */
export function presenceShares(entities: readonly Pick<Entity, 'accounts'>[]): PlatformShare[] {
  return PLATFORM_IDS.map((platform) => {
    const counts = Object.fromEntries(PRESENCE_STATES.map((s) => [s, 0])) as Record<PresenceState, number>;
    for (const e of entities) counts[presenceOf(e, platform)]++;
    const known = PRESENCE_STATES.filter((s) => KNOWN_STATES.has(s)).reduce((n, s) => n + counts[s], 0);
    return { platform, counts, known, share: known > 0 ? counts.present / known : null };
  });
}
