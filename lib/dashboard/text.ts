/** Folds a name for searching: accents, case and punctuation ignored ("Saint-Étienne" ~ "saint etienne"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim();
}

/** Whether every word of the query appears in the folded haystack. An empty query matches everything. */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  return words.every((w) => haystack.includes(w));
}
