import * as v from 'valibot';
import type { PlatformId } from '../platforms/types';
import { type Account, type Dataset, DatasetSchema, type Entity } from './schema';

export type { Account, Dataset, Entity, Figure, Group, Source } from './schema';

/** A problem found while validating a dataset, with the path of the record and field. */
export interface DatasetProblem {
  path: string;
  message: string;
}

/** Validates unknown JSON as a dataset. Never throws: problems are returned, one per field. */
export function parseDataset(input: unknown): { dataset?: Dataset; problems: DatasetProblem[] } {
  const result = v.safeParse(DatasetSchema, input);
  if (result.success) return { dataset: result.output, problems: [] };
  return { problems: result.issues.map((issue) => ({ path: describePath(input, issue), message: issue.message })) };
}

/** `entities[3] (city-59350).accounts[0].key` — the record's id makes a path readable. */
function describePath(input: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  let node: unknown = input;
  let out = '';
  for (const key of keys) {
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : String(key);
    const rec = node && typeof node === 'object' ? (node as { id?: unknown; platform?: unknown; key?: unknown }) : {};
    if (typeof key === 'number' && typeof rec.id === 'string') out += ` (${rec.id})`;
    // Accounts have no id: platform and key name them.
    else if (typeof key === 'number' && typeof rec.platform === 'string' && typeof rec.key === 'string')
      out += ` (${rec.platform}:${rec.key})`;
  }
  return out || '(root)';
}

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
