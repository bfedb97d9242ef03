import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { LETTERS, lettersFor, OUTSIDE_BLOCKS, parseCount, parseCountNear } from '@/lib/platforms/parse-count';
import type { Metric } from '@/lib/platforms/types';

const METRICS: Metric[] = ['followers', 'subscribers', 'page-likes'];

const NB = '\u00a0'; // no-break space
const NN = '\u202f'; // narrow no-break space

// [text, value, precision]; undefined value = must not parse.
const TABLE: [string, number | undefined, ('exact' | 'rounded')?][] = [
  // PLATFORMS.md, "Localised counts"
  [`1,2${NB}k`, 1200, 'rounded'],
  [`12${NB}k`, 12000, 'rounded'],
  [`1,2${NB}M`, 1_200_000, 'rounded'],
  [`1,2${NB}Md`, 1_200_000_000, 'rounded'],
  [`1,2${NB}G`, 1_200_000_000, 'rounded'],
  [`12${NN}345`, 12345, 'exact'],
  [`12${NB}345`, 12345, 'exact'],
  ['1.2K', 1200, 'rounded'],
  ['1.2M', 1_200_000, 'rounded'],
  ['1.2B', 1_200_000_000, 'rounded'],
  ['4,69 millones de suscriptores', 4_690_000, 'rounded'],
  ['4,69 M de suscriptores', 4_690_000, 'rounded'],
  ['34,5 K abonnés', 34500, 'rounded'],
  ["215,6K j'aime", 215600, 'rounded'],
  ['5,750 followers', 5750, 'exact'],
  ['1101177 followers', 1101177, 'exact'],
  ['12 345 abonnés', 12345, 'exact'],
  ["1,2 M d'abonnés", 1_200_000, 'rounded'],
  ['13 k d’abonnés', 13000, 'rounded'],
  ["13 k d'abonnés", 13000, 'rounded'],
  ['1,2 M d’abonnés', 1_200_000, 'rounded'],
  ['783.4K', 783400, 'rounded'],
  ['2,362 Followers, 136 Following, 224 Posts', 2362, 'exact'],
  // Spaces and separators
  ['1 234 567', 1234567, 'exact'],
  [`1${NN}234${NN}567`, 1234567, 'exact'],
  ['1.234', 1234, 'exact'],
  ['1.234.567', 1234567, 'exact'],
  ['1,234,567', 1234567, 'exact'],
  ["1'234'567", 1234567, 'exact'],
  ['0', 0, 'exact'],
  ['7', 7, 'exact'],
  ['999', 999, 'exact'],
  ['1234', 1234, 'exact'],
  ['  42 ', 42, 'exact'],
  // German, Spanish, Italian compact
  ['1,2 Mio.', 1_200_000, 'rounded'],
  ['1,2 Mrd.', 1_200_000_000, 'rounded'],
  ['12 Mio. Follower', 12_000_000, 'rounded'],
  ['4,69 M', 4_690_000, 'rounded'],
  ['1,2 mil', 1200, 'rounded'],
  ['1235 M', 1_235_000_000, 'rounded'],
  ['1,2 mil millones', 1_200_000_000, 'rounded'],
  ['1,2 Mln', 1_200_000, 'rounded'],
  ['1,2 Mld', 1_200_000_000, 'rounded'],
  // Found by tests/fuzz/parse-count (Intl's own output): these read as small exact numbers before.
  ['10\u00a0mil\u00a0M', 10_000_000_000, 'rounded'],
  ['10 thousand', 10_000, 'rounded'],
  ['10 mille', 10_000, 'rounded'],
  ['10 Tausend', 10_000, 'rounded'],
  ['1,2 mi', 1_200_000, 'rounded'],
  ['123万', 1_230_000, 'rounded'],
  ['12L', 1_200_000, 'rounded'],
  ['12 लाख', 1_200_000, 'rounded'],
  ['1,2K', 1200, 'rounded'],
  // English variants
  ['1.2k', 1200, 'rounded'],
  ['1.2m', 1_200_000, 'rounded'],
  ['1.2bn', 1_200_000_000, 'rounded'],
  ['4.69 million subscribers', 4_690_000, 'rounded'],
  ['1.5 billion', 1_500_000_000, 'rounded'],
  ['12K', 12000, 'rounded'],
  ['123K followers', 123000, 'rounded'],
  ['1.23M subscribers', 1_230_000, 'rounded'],
  ['2 millions', 2_000_000, 'rounded'],
  ['3 milliards', 3_000_000_000, 'rounded'],
  ['1,234.5K', 1_234_500, 'rounded'],
  ['1.234,5 k', 1_234_500, 'rounded'],
  // Never parse as a count
  ['', undefined],
  ['followers', undefined],
  ['abc', undefined],
  ['4,69', undefined], // a decimal without a unit is not a count
  ['1.5', undefined],
  ['12,3456', undefined],
];

describe('parseCount', () => {
  test.each(TABLE)('%j → %s', (text, value, precision) => {
    const got = parseCount(text);
    if (value === undefined) expect(got).toBeUndefined();
    else expect(got).toEqual({ value, precision });
  });

  test('digit stripping traps from PLATFORMS.md', () => {
    expect(parseCount('1,2 k')?.value).not.toBe(12000);
    expect(parseCount('12 345')?.value).not.toBe(12);
    expect(parseCount('1,2 Md')?.value).not.toBe(12);
  });
});

// [text, labels, value]
const NEAR: [string, Parameters<typeof parseCountNear>[1], number | undefined][] = [
  ['136 Following, 2,362 Followers', 'followers', 2362],
  ['2,362 Followers, 136 Following, 224 Posts - See Instagram photos', 'followers', 2362],
  ['Audiense | 5,750 followers on LinkedIn. 2 powerful products', 'followers', 5750],
  ['London, London 5,750 followers', 'followers', 5750],
  ['1,234 Posts, 56 Following, 7,890 Followers · Official account', 'followers', 7890],
  ['1,234 Posts, 56 Following · Official account', 'followers', undefined],
  ['12 k mentions J’aime • 13 k abonnés', 'followers', 13000],
  ['12 k mentions J’aime • 13 k abonnés', 'page-likes', 12000],
  ["45 678 J'aime", 'page-likes', 45678],
  ['1,2 M d’abonnés', 'subscribers', 1_200_000],
  ['@OneMedia. 4,69 M de suscriptores 6,8 K vídeos', 'subscribers', 4_690_000],
  ['4.69M subscribers • 6.8K videos', 'subscribers', 4_690_000],
  ['6,8 K vídeos', 'subscribers', undefined],
  ['1.234 Follower', 'followers', 1234],
  ['12.345 Abonnenten', 'followers', 12345],
  ['1,2 Mln di follower', 'followers', 1_200_000],
  ['4,5 mil seguidores', 'followers', 4500],
  ['12 new followers', 'followers', undefined],
  ['12 345 abonnements, 678 abonnés', 'followers', 678],
  ['1101177 followers', 'followers', 1101177],
  ['9 Followers • 3 Threads • Maire de …', 'followers', 9],
  ['Follows 4420', 'followers', undefined],
];

describe('parseCountNear', () => {
  test.each(NEAR)('%j (%s) → %s', (text, labels, value) => {
    expect(parseCountNear(text, labels)?.value).toBe(value);
  });
});

const LOCALES = ['fr-FR', 'fr-CA', 'en-US', 'en-GB', 'de-DE', 'es-ES', 'it-IT'];
const count = fc.integer({ min: 0, max: 2_000_000_000 });

describe('Intl.NumberFormat output parses back', () => {
  test.each(LOCALES)('%s standard notation is exact', (locale) => {
    const fmt = new Intl.NumberFormat(locale);
    fc.assert(
      fc.property(count, (n) => {
        expect(parseCount(fmt.format(n))).toEqual({ value: n, precision: 'exact' });
      }),
      { numRuns: 300 },
    );
  });

  test.each(LOCALES)('%s compact notation is within its rounding', (locale) => {
    const fmt = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'short' });
    fc.assert(
      fc.property(count, (n) => {
        const parts = fmt.formatToParts(n);
        const text = fmt.format(n);
        const shown = Number(
          parts
            .filter((p) => p.type === 'integer' || p.type === 'fraction' || p.type === 'decimal')
            .map((p) => (p.type === 'decimal' ? '.' : p.value))
            .join(''),
        );
        const decimals = parts.find((p) => p.type === 'fraction')?.value.length ?? 0;
        const factor = parts.some((p) => p.type === 'compact') ? 10 ** Math.round(Math.log10(n / shown)) : 1;
        const got = parseCount(text);
        expect(got, text).toBeDefined();
        expect(Math.abs((got?.value ?? Number.NaN) - n), text).toBeLessThanOrEqual((0.5 * factor) / 10 ** decimals);
        expect(got?.precision, text).toBe(factor === 1 ? 'exact' : 'rounded');
      }),
      { numRuns: 300 },
    );
  });
});

describe('letter classes spelled out over the labels’ blocks (cheaper to compile than \\p{L})', () => {
  it('agree with Unicode’s \\p{L} and \\p{M} on every code point of the blocks', () => {
    const L = new RegExp(`^[${LETTERS.blocks.L}]$`);
    const LM = new RegExp(`^[${LETTERS.blocks.LM}]$`);
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (OUTSIDE_BLOCKS.test(c)) continue;
      if (L.test(c) !== /\p{L}/u.test(c)) disagree.push(`L U+${cp.toString(16)}`);
      if (LM.test(c) !== /[\p{L}\p{M}]/u.test(c)) disagree.push(`LM U+${cp.toString(16)}`);
    }
    expect(disagree).toEqual([]);
  });

  it.each<[string, 'blocks' | 'unicode']>([
    ['4,69 M d’abonnés', 'blocks'],
    ['2,362 Followers, 136 Following', 'blocks'],
    ['12\u202f345 abonnés', 'blocks'],
    ['„Gefällt mir“-Angaben: 1.234', 'blocks'],
    ['12 लाख सब्सक्राइबर', 'blocks'],
    ['123万人のフォロワー', 'unicode'],
    ['12 тыс. подписчиков', 'unicode'],
    ['ıstanbul 12 followers', 'unicode'],
    ['ſubscribers 12', 'unicode'],
    ['emoji 🎉 12 followers', 'unicode'],
  ])('%s → %s', (text, letters) => {
    expect(lettersFor(text)).toBe(letters);
  });

  // Characters of the blocks that matter around counts: digits, separators, units, labels, letters.
  const piece = fc.constantFrom(
    ..."0123456789 ,.\u00a0\u202f\u2009’'-:;()".split(''),
    ...['k', 'K', 'M', 'Mio.', 'mil', 'mil M', 'mil millones', 'Md', 'lakh', 'लाख', 'क॰', '万', '億'],
    ...['followers', 'Followers', 'abonnés', 'ABONNÉS', 'd’abonnés', 'de ', 'suscriptores', 'likes', "J'aime"],
    ...['mentions J’aime', '„Gefällt mir“', 'iscritti', 'Abonnenten', 'é', 'É', 'ÿ', 'µ', 'a', 'x', 'ñ', '\u0301'],
  );

  it('give the same counts as Unicode’s classes on text made of those blocks', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...METRICS), (pieces, metric) => {
        const text = pieces.join('');
        expect(lettersFor(text)).toBe('blocks');
        expect(parseCount(text, 'blocks')).toEqual(parseCount(text, 'unicode'));
        expect(parseCountNear(text, metric, 'blocks')).toEqual(parseCountNear(text, metric, 'unicode'));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });
});
