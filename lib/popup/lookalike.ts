import type { DatasetIndex, Entity } from '../dataset';
import type { AccountRef } from '../platforms/types';

/** What an unlisted account has in common with a listed institution. Never presented as proof. */
export type Resemblance =
  | { kind: 'links-to-site'; entity: Entity; site: string }
  | { kind: 'looks-like'; entity: Entity; listedKey: string; listedUrl: string };

/**
 * For an account that is not in the benchmark: does its profile link to a listed institution's
 * official website (the observatories' rule seen from the other side), or does its handle or
 * name look like a listed account of the same platform (a possible imitation)? Pure.
 */
export function findResemblances(
  index: DatasetIndex,
  account: AccountRef,
  page: { links?: readonly string[]; displayName?: string },
): Resemblance[] {
  const found: Resemblance[] = [];
  const seen = new Set<string>();
  for (const link of page.links ?? []) {
    const site = index.website(link);
    if (site && !seen.has(site.entity.id)) {
      seen.add(site.entity.id);
      found.push({ kind: 'links-to-site', entity: site.entity, site: site.url });
    }
  }
  const key = squash(account.key);
  const name = page.displayName ? squash(page.displayName) : '';
  for (const entity of index.dataset.entities) {
    // One resemblance per institution: a link to its site already says the most.
    if (seen.has(entity.id)) continue;
    for (const listed of entity.accounts) {
      if (listed.platform !== account.platform || listed.key === account.key) continue;
      const listedKey = squash(listed.key);
      const names = [entity.name.fr, entity.name.en, entity.shortName?.fr].filter(Boolean).map((n) => squash(n ?? ''));
      const similarKey = listedKey.length >= 4 && (key.includes(listedKey) || editDistance(key, listedKey) <= 1);
      const sameName = name.length >= 4 && names.includes(name);
      if ((similarKey || sameName) && !found.some((f) => f.kind === 'looks-like' && f.listedKey === listed.key)) {
        found.push({ kind: 'looks-like', entity, listedKey: listed.key, listedUrl: listed.url });
      }
    }
  }
  return found;
}

/** Lowercase letters and digits only, accents removed: "Ville_de-Paris" → "villedeparis". */
function squash(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, bounded to short strings (handles). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
