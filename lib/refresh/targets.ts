import type { Comparison } from '../compare/types';
import type { PeerInput } from './machine';

/** The peers a refresh loads: every cohort member but the account on screen, in the comparison's order. Pure. */
export function refreshTargets(comparison: Comparison): PeerInput[] {
  return comparison.cohort
    .filter((m) => !m.self)
    .map((m) => ({
      entity: m.entity,
      key: m.account?.key ?? null,
      url: m.account?.url ?? null,
      status: m.account?.status ?? null,
    }));
}
