import type { PlatformId } from '../platforms/types';
import type { Account, Dataset, Entity } from './schema';

/*
 * Lookups over a dataset. Kept apart from validation (index.ts) so that the popup and the
 * background, which use the dataset the build validated, do not ship the schema library.
 */

export interface AccountMatch {
  entity: Entity;
  account: Account;
}

/** Lookups over one dataset, built once. */
export interface DatasetIndex {
  dataset: Dataset;
  entity(id: string): Entity | undefined;
  account(platform: PlatformId, key: string): AccountMatch | undefined;
  /** The entity whose official website or blog is at this URL (host and path prefix), if any. */
  website(url: string | URL): { entity: Entity; url: string } | undefined;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const accounts = new Map<string, AccountMatch>();
  for (const entity of dataset.entities) {
    for (const account of entity.accounts) accounts.set(`${account.platform} ${account.key}`, { entity, account });
  }
  const sites: { host: string; path: string; entity: Entity; url: string }[] = [];
  for (const entity of dataset.entities) {
    for (const site of entity.websites ?? []) {
      const u = safeUrl(site.url);
      if (u) sites.push({ host: bareHost(u.hostname), path: trimSlash(u.pathname), entity, url: site.url });
    }
  }
  // Longest path first, so that a blog under a site's path wins over the site itself.
  sites.sort((a, b) => b.path.length - a.path.length);
  return {
    dataset,
    entity: (id) => entities.get(id),
    account: (platform, key) => accounts.get(`${platform} ${key}`),
    website(input) {
      const u = typeof input === 'string' ? safeUrl(input) : input;
      if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return undefined;
      const host = bareHost(u.hostname);
      const path = trimSlash(u.pathname);
      const hit = sites.find(
        (s) => s.host === host && (s.path === '' || path === s.path || path.startsWith(`${s.path}/`)),
      );
      return hit && { entity: hit.entity, url: hit.url };
    },
  };
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');
const trimSlash = (path: string) => path.replace(/\/+$/, '').toLowerCase();
