import { METRIC_PREFERENCE } from '../compare';
import type { LiveReading } from '../compare/types';
import type { Dataset, Entity } from '../dataset';
import { indexDataset } from '../dataset/lookup';
import { latestFigure } from '../export/common';
import { detectAccount } from '../platforms/registry';
import type { Metric, PlatformId } from '../platforms/types';
import { type CommandResult, fail } from './args';
import { unknownEntityMessage } from './dataset-commands';

/*
 * `<url-or-entity-id>` for `compare` and `export`: which entity, on which platform, and the figure
 * on screen that `--value` stands for. Exit code 1 when there is nothing to compare, 2 for usage.
 */

type Resolved =
  | { entity: Entity; platform: PlatformId; accountKey?: string; note?: string }
  | { result: CommandResult };

/** URL → the listed account's entity and platform; otherwise an entity id, with its platform chosen. */
export function resolveTarget(dataset: Dataset, target: string, platformOption: PlatformId | undefined): Resolved {
  const index = indexDataset(dataset);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const ref = detectAccount(target);
    if (ref) {
      const match = index.account(ref.platform, ref.key);
      if (!match)
        return {
          result: fail(
            `The ${ref.platform} account "${ref.key}" is not in Civiscope's benchmark: nothing to compare.`,
            1,
          ),
        };
      if (platformOption && platformOption !== ref.platform)
        return {
          result: fail(`--platform ${platformOption} contradicts the URL, which is a ${ref.platform} account`),
        };
      return { entity: match.entity, platform: ref.platform, accountKey: ref.key };
    }
    const site = index.website(target);
    if (!site) return { result: fail(`Not an account page Civiscope recognises: ${target}`, 1) };
    return pickPlatform(site.entity, platformOption);
  }
  const entity = index.entity(target);
  if (!entity) return { result: fail(unknownEntityMessage(dataset, target), 1) };
  return pickPlatform(entity, platformOption);
}

function pickPlatform(entity: Entity, platformOption: PlatformId | undefined): Resolved {
  if (platformOption) return { entity, platform: platformOption };
  const platforms = [...new Set(entity.accounts.map((a) => a.platform))];
  const first = platforms[0];
  if (!first) return { result: fail(`${entity.id} has no listed account: say which platform with --platform`) };
  if (platforms.length === 1) return { entity, platform: first };
  return {
    entity,
    platform: first,
    note: `${entity.id} has accounts on ${platforms.join(', ')}; exporting ${first} (choose with --platform).`,
  };
}

/**
 * `--value N`: the figure the account's page shows now, as the extension's live reading would give
 * it. Its metric is the one the account is known by (so that it joins the right ranking) unless
 * `--metric` says otherwise.
 */
export function liveFromValue(
  entity: Entity,
  platform: PlatformId,
  accountKey: string | undefined,
  value: string | true | undefined,
  metric: Metric | undefined,
  at: string,
): LiveReading | { error: string } | undefined {
  if (value === undefined) return undefined;
  const text = value === true ? '' : value;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    return { error: `--value must be a whole number of followers, without separators (got "${text}")` };
  const account = entity.accounts.find((a) => a.platform === platform && (!accountKey || a.key === accountKey));
  const known = latestFigure(account?.figures)?.metric;
  return {
    value: Number(text),
    metric: metric ?? known ?? (METRIC_PREFERENCE[platform][0] as Metric),
    precision: 'exact',
    readAt: at,
    ...(account ? { url: account.url } : {}),
  };
}
