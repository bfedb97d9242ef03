import type { Metric } from './types';

/** A count read from text. `rounded` when the page printed a compact form ("1,2 k", "4,69 M"). */
export interface ParsedCount {
  value: number;
  precision: 'exact' | 'rounded';
}

// Compact units as platforms and Intl print them (fr, fr-CA, en, en-GB, de, es, it), lowercased.
// Whole words ("millones", "million") appear in accessibility labels.
const UNITS: Record<string, number> = {
  k: 1e3,
  mil: 1e3,
  tsd: 1e3,
  m: 1e6,
  mio: 1e6,
  mln: 1e6,
  mn: 1e6,
  millón: 1e6,
  millones: 1e6,
  million: 1e6,
  millions: 1e6,
  milioni: 1e6,
  milione: 1e6,
  millionen: 1e6,
  b: 1e9,
  bn: 1e9,
  md: 1e9,
  mrd: 1e9,
  mld: 1e9,
  g: 1e9,
  billion: 1e9,
  billions: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  miliardi: 1e9,
  milliarden: 1e9,
  // Long and short forms Intl prints in other interface languages (found by tests/fuzz/parse-count):
  // without them "10 thousand" read as 10 and "123万" as 123, exact.
  thousand: 1e3,
  mille: 1e3,
  mila: 1e3,
  tausend: 1e3,
  miliardo: 1e9,
  milliarde: 1e9,
  mi: 1e6,
  milhão: 1e6,
  milhões: 1e6,
  bi: 1e9,
  bilhão: 1e9,
  bilhões: 1e9,
  万: 1e4,
  億: 1e8,
  亿: 1e8,
  l: 1e5,
  lakh: 1e5,
  cr: 1e7,
  crore: 1e7,
  kcr: 1e10,
  हज़ार: 1e3,
  लाख: 1e5,
  क: 1e7,
  करोड़: 1e7,
  अ: 1e9,
  अरब: 1e9,
};

// Grouping separators: space, no-break space (U+00A0), narrow no-break space (U+202F), thin space,
// dot, comma, apostrophes (de-CH). A separator is grouping only when exactly 3 digits follow.
const NUM = String.raw`(\d+(?:[ \u00a0\u202f\u2009.,'’]\d{3}(?!\d))*(?:[.,]\d+)?)`;
// Letters (L) and letters or marks (LM): Unicode's classes, or — for text whose every character is in
// the blocks the platforms' labels use (Latin, Devanagari, CJK, punctuation) — the same classes
// spelled out over those blocks. Compiling \p{L} and \p{M} with the `u` flag costs the page several
// milliseconds on first use; the spelled-out classes well under one. tests/platforms/parse-count
// checks every code point of those blocks against \p{L} and \p{M}. ı, İ and ſ are left out (their
// case-insensitive matching differs without `u`): text holding them takes Unicode's classes.
export const LETTERS = {
  unicode: { L: String.raw`\p{L}`, LM: String.raw`\p{L}\p{M}`, flags: 'u' },
  blocks: {
    L: String.raw`\u0041-\u005a\u0061-\u007a\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u012f\u0132-\u017e\u0180-\u024f\u0904-\u0939\u093d\u0950\u0958-\u0961\u0971-\u097f\u3005\u3006\u3031-\u3035\u303b\u303c\u4e00-\u9fff`,
    LM: String.raw`\u0041-\u005a\u0061-\u007a\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u012f\u0132-\u017e\u0180-\u024f\u0300-\u036f\u0900-\u0963\u0971-\u097f\u3005\u3006\u302a-\u302f\u3031-\u3035\u303b\u303c\u4e00-\u9fff`,
    flags: '',
  },
} as const;
export type LetterClasses = keyof typeof LETTERS;

/** A character outside the blocks spelled out in LETTERS.blocks (or one of ı, İ, ſ). */
export const OUTSIDE_BLOCKS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class starts at U+0000 on purpose.
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: combining marks (U+0300…) are one of the blocks.
  /[^\u0000-\u012f\u0132-\u017e\u0180-\u024f\u0300-\u036f\u0900-\u097f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff]/;

/** Which letter classes `text` can be matched with. */
export const lettersFor = (text: string): LetterClasses => (OUTSIDE_BLOCKS.test(text) ? 'unicode' : 'blocks');

// "mil millones" and "mil M" (es) must be tried before "mil"; a unit ends where letters and their
// marks end (Devanagari vowel signs are marks), "." or "॰" is optional (de "Mio.", hi "क॰").
const unitPattern = (LM: string) =>
  String.raw`(?:[ \u00a0\u202f\u2009]?(mil[ \u00a0\u202f]millones|mil[ \u00a0\u202f]m|[${LM}]+)[.\u0970]?(?![${LM}]))?`;

// Compiled on first use only, per letter classes.
const countRes = new Map<LetterClasses, RegExp>();
function countRe(letters: LetterClasses): RegExp {
  let re = countRes.get(letters);
  if (!re) {
    const { LM, flags } = LETTERS[letters];
    re = new RegExp(String.raw`(?<![\d.,])${NUM}${unitPattern(LM)}`, `i${flags}`);
    countRes.set(letters, re);
  }
  return re;
}

function unitFactor(unit: string | undefined): number | undefined {
  if (!unit) return 1;
  // Intl puts a no-break space inside "mil M" (es); found by tests/fuzz/parse-count.
  const u = unit
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ');
  if (u === 'mil millones' || u === 'mil m') return 1e9;
  return UNITS[u];
}

/** Turns "12 345", "1.234.567", "4,69" into a number; `compact` allows a decimal part. */
function parseDigits(raw: string, compact: boolean): number | undefined {
  const m = /^(.*?)(?:([.,])(\d+))?$/.exec(raw);
  if (!m) return undefined;
  let intPart = m[1] ?? '';
  let frac = m[3];
  // Three digits after the last separator are grouping, never decimals ("5,750", "1.234").
  if (frac !== undefined && frac.length === 3) {
    intPart = raw;
    frac = undefined;
  }
  const intDigits = intPart.replace(/[^\d]/g, '');
  if (!intDigits) return undefined;
  // Grouped integers start with 1–3 digits ("12 345"); "1234 567" is two numbers, not one.
  const groups = intPart.split(/[ \u00a0\u202f\u2009.,'’]/);
  if (groups.length > 1 && ((groups[0] ?? '').length > 3 || groups.slice(1).some((g) => g.length !== 3)))
    return undefined;
  if (frac !== undefined && !compact) return undefined;
  return Number(frac === undefined ? intDigits : `${intDigits}.${frac}`);
}

function countFromMatch(num: string, unit: string | undefined): ParsedCount | undefined {
  const factor = unitFactor(unit) ?? 1;
  const compact = factor !== 1;
  const n = parseDigits(num, compact);
  if (n === undefined) return undefined;
  const value = Math.round(n * factor);
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, precision: compact ? 'rounded' : 'exact' };
}

/**
 * Reads the first count in `text` ("1,2 k", "12 345", "4,69 millones de suscriptores", "1.2K").
 * Returns undefined for anything that is not a well-formed count. Use parseCountNear when the text
 * holds several numbers.
 */
export function parseCount(text: string, letters: LetterClasses = lettersFor(text)): ParsedCount | undefined {
  const m = countRe(letters).exec(text);
  if (!m) return undefined;
  // A word after the number that is not a unit ("5,750 followers") is simply not part of it.
  return countFromMatch(m[1] ?? '', unitFactor(m[2]) === undefined ? undefined : m[2]);
}

/** Label words per metric, as regex fragments (en, fr, es, de, it, pt). Matched case-insensitively. */
export const COUNT_LABELS: Record<Metric, readonly string[]> = {
  followers: ['followers?', 'abonn[ée]e?s?', 'seguidor(?:es)?', 'abonnenten', 'suscriptores'],
  subscribers: [
    'subscribers?',
    'abonn[ée]e?s?',
    'suscriptor(?:es)?',
    'abonnenten',
    'abonnent',
    'iscritti',
    'inscritos',
  ],
  'page-likes': ['likes?', "mentions j[’']aime", "j[’']aime", 'me gusta', '„?gefällt mir“?(?:-angaben)?', 'mi piace'],
};

const anchoredCache = new Map<string, RegExp>();

function anchoredRe(labels: readonly string[], letters: LetterClasses): RegExp {
  const key = labels.join('|');
  const cacheKey = `${letters} ${key}`;
  let re = anchoredCache.get(cacheKey);
  if (!re) {
    const { L, LM, flags } = LETTERS[letters];
    // number [unit] [de|d'|di] label — the label must follow the number, so that "136 Following,
    // 2,362 Followers" yields 2,362 and never the first number of the text.
    re = new RegExp(
      String.raw`(?<![\d.,])${NUM}${unitPattern(LM)}[\s\u00a0\u202f]*(?:de |d['’]|di )?(?:${key})(?![${L}])`,
      `gi${flags}`,
    );
    anchoredCache.set(cacheKey, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Finds the count attached to one of `labels` (a metric name or regex fragments from COUNT_LABELS):
 * "136 Following, 2,362 Followers" → 2,362 for 'followers'. Returns the first labelled count.
 */
export function parseCountNear(
  text: string,
  labels: Metric | readonly string[],
  letters: LetterClasses = lettersFor(text),
): ParsedCount | undefined {
  // Labels given as fragments may use Unicode-only syntax: only the metrics' own take the blocks.
  const list = typeof labels === 'string' ? COUNT_LABELS[labels] : labels;
  const classes = typeof labels === 'string' ? letters : 'unicode';
  for (const m of text.matchAll(anchoredRe(list, classes))) {
    // A word between number and label that is not a unit ("12 new followers") breaks the link.
    if (m[2] && unitFactor(m[2]) === undefined) continue;
    const found = countFromMatch(m[1] ?? '', m[2]);
    if (found) return found;
  }
  return undefined;
}
