import type { Entity, Group } from '../dataset/schema';

/** Words that name each group, in both languages, so "ville lyon" or "region bretagne" find them. */
const GROUP_WORDS: Record<Group, string[]> = {
  city: ['ville', 'villes', 'commune', 'city', 'cities'],
  region: ['region', 'regions', 'region'],
  ministry: ['ministere', 'ministeres', 'ministry', 'ministries'],
  minister: ['ministre', 'ministres', 'minister', 'ministers'],
  executive: ['executif', 'executive', 'gouvernement', 'government', 'presidence', 'presidency'],
};

/** Lowercase, accents removed, punctuation as spaces: "Saint-Étienne" → "saint etienne". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Pure: the institutions matching a query typed by the user — name (French or English, short
 * name), INSEE code, or group — accents, case and punctuation ignored. Every word of the query
 * must match the start of a word of the institution (or its code); best matches first: exact
 * code, then names starting with the query, then the rest by name.
 */
export function searchInstitutions(entities: readonly Entity[], query: string, limit = 8): Entity[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const scored: { entity: Entity; score: number; name: string }[] = [];
  for (const entity of entities) {
    const names = [entity.name.fr, entity.name.en, entity.shortName?.fr, entity.shortName?.en]
      .filter((n): n is string => Boolean(n))
      .map(fold);
    const code = entity.code?.value.toLowerCase();
    const haystack = new Set([...names.flatMap((n) => n.split(' ')), ...GROUP_WORDS[entity.group]]);
    if (code) haystack.add(code);
    const all = words.every((w) => [...haystack].some((h) => h.startsWith(w)));
    if (!all) continue;
    const joined = words.join(' ');
    const score =
      (code && words.includes(code) ? 100 : 0) +
      (names.some((n) => n === joined) ? 50 : 0) +
      (names.some((n) => n.startsWith(joined)) ? 20 : 0);
    scored.push({ entity, score, name: names[0] ?? '' });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.entity);
}
