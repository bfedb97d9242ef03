import type { Group } from '../dataset';
import type { Translate } from '../i18n';

/** Colours per group; all pass 4.5:1 contrast with white badge text. */
export const GROUP_COLOURS: Record<Group, string> = {
  ministry: '#1d3f8f',
  minister: '#6a2c91',
  region: '#0b6b4f',
  city: '#a8430f',
  executive: '#3a3a3a',
};

export interface BadgeState {
  text: string;
  colour?: string;
  title?: string;
}

/**
 * Badge for a listed account: its rank in its group on this platform when known ("#2"), its
 * group's short code otherwise. Unlisted and non-account pages get no badge.
 */
export function badgeFor(group: Group | undefined, t: Translate, rank?: number | null): BadgeState {
  if (!group) return { text: '' };
  const text = rank ? `#${rank}` : t(`badge.${group}`);
  return { text, colour: GROUP_COLOURS[group] };
}
