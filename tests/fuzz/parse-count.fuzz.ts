import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ParsedCount, parseCount, parseCountNear } from '@/lib/platforms/parse-count';
import { numRuns, printTally, SEED, TIMEOUT, tally } from './runs';

/**
 * The count parser under generated input: arbitrary strings never make it throw or return
 * something that is not a count, and numbers printed by Intl in 12 locales are read back exactly
 * (standard notation) or within the compact notation's rounding — or not at all, never wrong.
 */

// The interface languages the readers meet, and a few whose grouping or units differ (lakh, 万).
const LOCALES = [
  'en-US',
  'en-GB',
  'fr-FR',
  'fr-CA',
  'de-DE',
  'de-CH',
  'es-ES',
  'it-IT',
  'pt-BR',
  'ja-JP',
  'en-IN',
  'hi-IN',
];
const LABELS = { followers: 'followers', subscribers: 'abonnés', 'page-likes': 'likes' } as const;

function wellFormed(c: ParsedCount | undefined) {
  if (!c) return;
  expect(Number.isSafeInteger(c.value) && c.value >= 0, `value ${c.value}`).toBe(true);
  expect(['exact', 'rounded']).toContain(c.precision);
}

describe('count parser (fuzz)', () => {
  afterAll(() => printTally('parse-count'));

  it(
    'arbitrary strings: never throws, only well-formed counts',
    () => {
      const text = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        // Digits, separators, units and labels mixed, where the grammar is.
        fc
          .array(
            fc.constantFrom(
              '1',
              '2',
              '0',
              '9',
              ',',
              '.',
              ' ',
              '\u00a0',
              '\u202f',
              "'",
              'k',
              'M',
              'Mio.',
              'mil',
              'millones',
              ' de ',
              'followers',
              'abonnés',
              'j’aime',
              '万',
              'लाख',
              '-',
              '+',
              'e',
            ),
            { maxLength: 20 },
          )
          .map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(text, (s) => {
          wellFormed(parseCount(s));
          for (const metric of ['followers', 'subscribers', 'page-likes'] as const)
            wellFormed(parseCountNear(s, metric));
          tally('count parser');
        }),
        { numRuns: numRuns(1000), seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'Intl-formatted numbers in 12 locales: exact, within rounding, or nothing',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...LOCALES),
          fc.oneof(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 9_999_999_999 })),
          fc.constantFrom('standard', 'compact-short', 'compact-long'),
          fc.constantFrom('followers', 'subscribers', 'page-likes'),
          (locale, n, style, metric) => {
            const format =
              style === 'standard'
                ? new Intl.NumberFormat(locale)
                : new Intl.NumberFormat(locale, {
                    notation: 'compact',
                    compactDisplay: style === 'compact-long' ? 'long' : 'short',
                  });
            const text = format.format(n);
            for (const got of [parseCount(text), parseCountNear(`${text} ${LABELS[metric]}`, metric)]) {
              tally('count parser');
              if (!got) continue;
              if (got.precision === 'exact') expect(got.value, `${locale} ${style} "${text}"`).toBe(n);
              // Compact forms keep two or three significant digits: within 5 % (and half a unit).
              else
                expect(Math.abs(got.value - n), `${locale} ${style} "${text}" → ${got.value}`).toBeLessThanOrEqual(
                  n * 0.05 + 0.5,
                );
            }
          },
        ),
        { numRuns: numRuns(1000), seed: SEED },
      );
    },
    TIMEOUT,
  );
});
