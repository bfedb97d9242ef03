import { isKnownPresence, platformPresence } from '../compare/compare';
import type { Entity } from '../dataset';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';

/**
 * What is known of an institution on a platform, as lib/compare decides it (present / absent /
 * unknown), with "present" split in two for the dashboard:
 * - present: an active account is listed;
 * - inactive: only unused accounts are listed (the institution holds the name: still present);
 * - absent: as of a date — the official site was read and linked none, or the account is closed;
 * - unknown: no source says — which is not the same as absent.
 */
export type PresenceState = 'present' | 'inactive' | 'absent' | 'unknown';

/** Display order, most informative first. */
export const PRESENCE_STATES: readonly PresenceState[] = ['present', 'inactive', 'absent', 'unknown'];

export interface PresenceCell {
  state: PresenceState;
  /** For `absent`: the date of the check or since when the account is closed; null otherwise or when undated. */
  date: string | null;
}

type PresenceInput = Pick<Entity, 'accounts' | 'checkedAbsent'>;

export function presenceOf(entity: PresenceInput, platform: PlatformId): PresenceCell {
  const { state, absence } = platformPresence(entity, platform);
  if (state === 'absent') return { state, date: absence?.date ?? null };
  if (state === 'unknown') return { state, date: null };
  const active = entity.accounts.some((a) => a.platform === platform && a.status === 'active');
  return { state: active ? 'present' : 'inactive', date: null };
}

/** lib/compare's "known" (present or absent), for the dashboard's states. */
export function isKnown(state: PresenceState): boolean {
  return isKnownPresence(state === 'inactive' ? 'present' : state);
}

export interface PlatformShare {
  platform: PlatformId;
  counts: Record<PresenceState, number>;
  /** Institutions whose presence on the platform is known. */
  known: number;
  /** Institutions holding an account there (present or inactive), as the popup counts them. */
  holding: number;
  /** holding ÷ known; null when nothing is known. */
  share: number | null;
}

/** Each platform's share of institutions present, over those whose presence is known. Pure. */
export function presenceShares(entities: readonly PresenceInput[]): PlatformShare[] {
  return PLATFORM_IDS.map((platform) => {
    const counts = Object.fromEntries(PRESENCE_STATES.map((s) => [s, 0])) as Record<PresenceState, number>;
    for (const e of entities) counts[presenceOf(e, platform).state]++;
    const known = PRESENCE_STATES.filter(isKnown).reduce((n, s) => n + counts[s], 0);
    const holding = counts.present + counts.inactive;
    return { platform, counts, known, holding, share: known > 0 ? holding / known : null };
  });
}
