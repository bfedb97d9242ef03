import type { DatasetIndex } from '../dataset';
import { detectAccount } from '../platforms/registry';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';

export interface Target {
  entityId: string;
  platform: PlatformId;
  accountKey?: string;
  /** Said on stderr: how an ambiguous argument was understood. */
  note?: string;
}

/**
 * `<url-or-entity-id>` → what to compare. A URL must be a listed account; an entity id needs a
 * platform, given with --platform or taken from its first listed account.
 */
export function resolveTarget(
  index: DatasetIndex,
  arg: string | undefined,
  platformOption: string | true | undefined,
): Target | { error: string } {
  if (!arg) return { error: 'missing <url-or-entity-id>' };
  if (platformOption !== undefined && !PLATFORM_IDS.includes(platformOption as PlatformId)) {
    return { error: `--platform must be one of ${PLATFORM_IDS.join(', ')}` };
  }
  const wanted = platformOption as PlatformId | undefined;
  if (/^[a-z]+:\/\//i.test(arg)) {
    const account = detectAccount(arg);
    if (!account) return { error: `${arg} is not an account URL on a supported platform` };
    const match = index.account(account.platform, account.key);
    if (!match)
      return {
        error: `${account.platform} account "${account.key}" is not in the benchmark (which says nothing about it)`,
      };
    return { entityId: match.entity.id, platform: account.platform, accountKey: account.key };
  }
  const entity = index.entity(arg);
  if (!entity) return { error: `unknown entity "${arg}" (see \`dataset coverage\` or \`dataset show\`)` };
  if (wanted) return { entityId: entity.id, platform: wanted };
  const first = entity.accounts[0];
  if (!first) return { error: `${entity.id} has no listed account: name a platform with --platform` };
  const platforms = new Set(entity.accounts.map((a) => a.platform));
  return {
    entityId: entity.id,
    platform: first.platform,
    note: platforms.size > 1 ? `${entity.id}: comparing on ${first.platform} (use --platform for another)` : undefined,
  };
}
