import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { detectAccount, getPlatform, PLATFORMS } from '@/lib/platforms/registry';
import type { AccountRef } from '@/lib/platforms/types';
import { isAccountRow, loadExamples, OWN_TABLE, PLATFORM_TABLE } from '../platforms/examples';
import { numRuns, printTally, SEED, TIMEOUT, tally } from './runs';

/**
 * URL grammars under generated input: arbitrary strings, arbitrary web URLs, and mutations of the
 * real account URLs of the repository's tables. Whatever the input, detectAccount never throws,
 * and any account it finds has a valid key that round-trips through the canonical URL and is
 * claimed by one platform only.
 */

const ROWS = [...loadExamples(PLATFORM_TABLE), ...loadExamples(OWN_TABLE)];
const ACCOUNT_URLS = ROWS.filter(isAccountRow).map((r) => r.url);
const HOSTS = [...new Set(ROWS.map((r) => URL.canParse(r.url) && new URL(r.url).host).filter(Boolean))] as string[];
// Segments that mean something somewhere, and traps.
const WORDS = [
  'embed',
  'player',
  'player.html',
  'mwlite',
  'status',
  'followers',
  'post',
  'photos',
  'people',
  'profile',
  'channel',
  'c',
  'user',
  '@',
  '@@',
  '%',
  '%2F',
  '%C3%A9',
  '..',
  '.',
  '~',
  'in',
  'company',
  'i',
  'web',
  'videos',
  'about',
  'UCzcRQ3vRNr6fJ1A9rqFn7QA',
  'did:plc:z72i7hdynmk6r22z27h6tvur',
  '123456789',
  '0',
];

/** Checks what any recognised account must satisfy; returns the account. */
function checkAccount(input: string): AccountRef | undefined {
  const found = detectAccount(input);
  tally('URL grammars');
  if (!found) return undefined;
  const platform = getPlatform(found.platform);
  expect(platform?.isValidKey(found.key), `${input} → invalid key ${found.key}`).toBe(true);
  const canonical = platform?.accountUrl(found.key) ?? '';
  expect(detectAccount(canonical), `${input} → ${canonical} does not round-trip`).toEqual({
    ...found,
    page: 'profile',
  });
  const url = new URL(input);
  const claimants = PLATFORMS.filter((p) => p.parseAccountUrl(url) !== undefined).map((p) => p.id);
  expect(claimants, input).toEqual([found.platform]);
  return found;
}

const mutation = fc.oneof(
  // Change the case of one character.
  fc.record({ kind: fc.constant('case' as const), at: fc.nat() }),
  // Insert a character (any code point, or a URL-significant one).
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('/', '?', '#', '@', '%', '.', ':', '%2F', '//')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  // Append or prefix path segments.
  fc.record({ kind: fc.constant('append' as const), segs: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('prefix' as const), seg: fc.constantFrom(...WORDS) }),
  // Move the path to another platform's host.
  fc.record({ kind: fc.constant('host' as const), host: fc.constantFrom(...HOSTS) }),
  fc.record({ kind: fc.constant('query' as const), text: fc.string({ maxLength: 12 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(url: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (url.length + 1) : 0;
  switch (m.kind) {
    case 'case': {
      const c = url[at] ?? '';
      return url.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + url.slice(at + 1);
    }
    case 'insert':
      return url.slice(0, at) + m.text + url.slice(at);
    case 'delete':
      return url.slice(0, at) + url.slice(at + m.length);
    case 'append':
      return `${url.replace(/[?#].*$/, '').replace(/\/$/, '')}/${m.segs.join('/')}`;
    case 'prefix': {
      if (!URL.canParse(url)) return url;
      const u = new URL(url);
      u.pathname = `/${m.seg}${u.pathname}`;
      return u.href;
    }
    case 'host': {
      if (!URL.canParse(url)) return url;
      const u = new URL(url);
      u.host = m.host;
      return u.href;
    }
    case 'query':
      return `${url}?${m.text}`;
  }
}

describe('URL grammars (fuzz)', () => {
  afterAll(() => printTally('url-grammars'));

  it(
    'arbitrary strings: never throws',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (s) => {
          expect(() => detectAccount(s)).not.toThrow();
          tally('URL grammars');
        }),
        { numRuns: numRuns(1000), seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'arbitrary web URLs: never throws, any account found is valid, canonical and claimed once',
    () => {
      fc.assert(
        fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
          checkAccount(url);
        }),
        { numRuns: numRuns(1000), seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'mutations of real account URLs: same guarantees, and an embed/player path is never an account',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...ACCOUNT_URLS),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (base, ms) => {
            const url = ms.reduce(mutate, base);
            if (!URL.canParse(url)) {
              expect(detectAccount(url)).toBeUndefined();
              tally('URL grammars');
              return;
            }
            const found = checkAccount(url);
            const segments = new URL(url).pathname.toLowerCase().split('/');
            if (segments.some((s) => s === 'embed' || s === 'player' || s === 'player.html')) {
              expect(found, `${url} is an embed or player view`).toBeUndefined();
            }
          },
        ),
        { numRuns: numRuns(2000), seed: SEED },
      );
    },
    TIMEOUT,
  );
});
