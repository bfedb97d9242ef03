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
// "mil millones" and "mil M" (es) must be tried before "mil"; a unit ends where letters and their
// marks end (Devanagari vowel signs are marks), "." or "॰" is optional (de "Mio.", hi "क॰").
const UNIT = String.raw`(?:[ \u00a0\u202f\u2009]?(mil[ \u00a0\u202f]millones|mil[ \u00a0\u202f]m|[\p{L}\p{M}]+)[.\u0970]?(?![\p{L}\p{M}]))?`;
const COUNT_RE = new RegExp(String.raw`(?<![\d.,])${NUM}${UNIT}`, 'iu');

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
export function parseCount(text: string): ParsedCount | undefined {
  const m = COUNT_RE.exec(text);
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

function anchoredRe(labels: readonly string[]): RegExp {
  const key = labels.join('|');
  let re = anchoredCache.get(key);
  if (!re) {
    // number [unit] [de|d'|di] label — the label must follow the number, so that "136 Following,
    // 2,362 Followers" yields 2,362 and never the first number of the text.
    re = new RegExp(
      String.raw`(?<![\d.,])${NUM}${UNIT}[\s\u00a0\u202f]*(?:de |d['’]|di )?(?:${key})(?![\p{L}])`,
      'giu',
    );
    anchoredCache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Finds the count attached to one of `labels` (a metric name or regex fragments from COUNT_LABELS):
 * "136 Following, 2,362 Followers" → 2,362 for 'followers'. Returns the first labelled count.
 */
export function parseCountNear(text: string, labels: Metric | readonly string[]): ParsedCount | undefined {
  const list = typeof labels === 'string' ? COUNT_LABELS[labels] : labels;
  for (const m of text.matchAll(anchoredRe(list))) {
    // A word between number and label that is not a unit ("12 new followers") breaks the link.
    if (m[2] && unitFactor(m[2]) === undefined) continue;
    const found = countFromMatch(m[1] ?? '', m[2]);
    if (found) return found;
  }
  return undefined;
}
