import type { Comparison } from '../compare/types';
import type { PeerInput } from './machine';

/**
 * The peers a refresh loads, in the comparison's order. In the popup the account on screen
 * (`self`) is left out: its page is open and was just read. The dashboard shows no account's page:
 * it builds the cohort around one member of the group only because a comparison needs one, and
 * that member is to be re-read like the others (`withSelf`). Pure.
 */
export function refreshTargets(comparison: Comparison, withSelf = false): PeerInput[] {
  return comparison.cohort
    .filter((m) => withSelf || !m.self)
    .map((m) => ({
      entity: m.entity,
      key: m.account?.key ?? null,
      url: m.account?.url ?? null,
      status: m.account?.status ?? null,
    }));
}

/** Pages a refresh of these peers opens (before the per-job cap): listed accounts that are not closed. */
export function pageCount(targets: readonly PeerInput[]): number {
  return targets.filter((p) => p.key !== null && p.url !== null && p.status !== 'closed').length;
}
