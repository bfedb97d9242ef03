import type { Dataset, Entity } from '../dataset/schema';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import type { DiscoveredAccount, DiscoveryResult } from './types';

/**
 * What the dataset already says about a found account, for one institution:
 * - `listed`: the institution has this very account;
 * - `conflict`: it lists another key on that platform (the user chooses, nothing is replaced);
 * - `new`: it has none on that platform.
 */
export type CandidateStatus = 'listed' | 'new' | 'conflict';

export interface StatusedAccount extends DiscoveredAccount {
  status: CandidateStatus;
  /** The key(s) the dataset lists for this institution on the platform, when `conflict`. */
  listedKeys?: string[];
  /** Another institution of the dataset lists this account (a métropole's, a ministry's…). */
  listedFor?: string;
}

export function candidateStatus(
  entity: Entity,
  candidate: Pick<DiscoveredAccount, 'platform' | 'key'>,
): CandidateStatus {
  const same = entity.accounts.filter((a) => a.platform === candidate.platform);
  if (same.some((a) => a.key === candidate.key)) return 'listed';
  return same.length > 0 ? 'conflict' : 'new';
}

/** Each candidate with its status for `entity`; `dataset` tells when another institution lists it. */
export function withStatus(
  dataset: Dataset,
  entity: Entity,
  candidates: readonly DiscoveredAccount[],
): StatusedAccount[] {
  const owner = new Map<string, string>();
  for (const e of dataset.entities) for (const a of e.accounts) owner.set(`${a.platform} ${a.key}`, e.id);
  return candidates.map((c) => {
    const status = candidateStatus(entity, c);
    const out: StatusedAccount = { ...c, status };
    if (status === 'conflict')
      out.listedKeys = entity.accounts.filter((a) => a.platform === c.platform).map((a) => a.key);
    const other = owner.get(`${c.platform} ${c.key}`);
    if (other !== undefined && other !== entity.id) out.listedFor = other;
    return out;
  });
}

/**
 * Platforms a read of the site shows no account on: evidence for "absent as of this date".
 * Only when the page names at least one account as its own (a primary): a page with none is more
 * likely a consent wall, a script-built shell or the wrong page than a site with no account.
 * A platform with any candidate (a partner's, a post) is left unknown, not absent.
 */
export function platformsWithoutAccount(result: Pick<DiscoveryResult, 'candidates'>): PlatformId[] {
  if (!result.candidates.some((c) => c.primary)) return [];
  const seen = new Set(result.candidates.map((c) => c.platform));
  return PLATFORM_IDS.filter((p) => !seen.has(p));
}
