import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_PATTERN } from '@/lib/platforms/linkedin/url';
import {
  classifyRest,
  isHostName,
  isNumericId,
  pathSegments,
  safeDecode,
  unicodeTest,
} from '@/lib/platforms/url-utils';
import { HANDLE_PATTERN, LEGACY_NAME_PATTERN, NAME_PATTERN } from '@/lib/platforms/youtube/url';

describe('pathSegments', () => {
  it.each([
    ['https://x.com/', []],
    ['https://x.com//a//b/', ['a', 'b']],
    ['https://x.com/a/b?c=d#e', ['a', 'b']],
    ['https://www.youtube.com/@Assembl%C3%A9e', ['@Assemblée']],
    ['https://x.com/a%2Fb', ['a/b']],
    ['https://x.com/a/../b', ['b']],
  ])('%s → %j', (url, segs) => {
    expect(pathSegments(new URL(url))).toEqual(segs);
  });

  it('gives up on malformed percent-encoding instead of throwing', () => {
    expect(pathSegments(new URL('https://x.com/ok/%E0%A4%A'))).toBeUndefined();
    expect(safeDecode('%')).toBeUndefined();
  });
});

describe('classifyRest', () => {
  const rules = { tabs: new Set(['media', 'posts']), posts: new Set(['posts', 'status']) };
  it.each([
    [[], 'profile'],
    [['Media'], 'profile'],
    [['posts'], 'profile'],
    [['posts', '1'], 'post'],
    [['status', '1', 'photo'], 'post'],
    [['status'], undefined],
    [['unknown'], undefined],
  ])('%j → %s', (rest, page) => {
    expect(classifyRest(rest, rules)).toBe(page);
  });
});

describe('isNumericId and isHostName', () => {
  it.each([
    ['123', true],
    ['0123', false],
    ['', false],
    ['12a', false],
    ['123456789012345678901', false],
  ])('isNumericId(%s) is %s', (s, ok) => {
    expect(isNumericId(s)).toBe(ok);
  });
  it.each([
    ['paris.fr', true],
    ['stephenking.bsky.social', true],
    ['paris', false],
    ['paris.123', false],
    ['-paris.fr', false],
    ['Paris.fr', false],
  ])('isHostName(%s) is %s', (s, ok) => {
    expect(isHostName(s)).toBe(ok);
  });
});

describe('unicodeTest: the ASCII form of a Unicode pattern, on ASCII text', () => {
  const PATTERNS = [
    ['YouTube handle', HANDLE_PATTERN],
    ['YouTube /c/ or /user/ name', NAME_PATTERN],
    ['YouTube legacy name', LEGACY_NAME_PATTERN],
    ['LinkedIn key', KEY_PATTERN],
  ] as const;

  it.each(PATTERNS)('%s: same answer as the Unicode pattern on any text', (_name, pattern) => {
    const test = unicodeTest(pattern);
    const alphabet = fc.constantFrom(..."aZ09_.-·@/' éÉß日ह\u0301٣Ⅻ".split(''), 'company/', 'in/', '@ab');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.array(alphabet).map((a) => a.join('')),
        ),
        (s) => {
          expect(test(s)).toBe(new RegExp(pattern.unicode, 'u').test(s));
        },
      ),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it.each(PATTERNS)('%s: every ASCII character is classed alike', (_name, pattern) => {
    const test = unicodeTest(pattern);
    // Each printable ASCII character inside a valid-looking key, on both paths.
    const base = pattern === PATTERNS[3][1] ? 'company/ab' : pattern === PATTERNS[0][1] ? '@abc' : 'abc';
    for (let c = 32; c < 127; c++) {
      const s = base + String.fromCharCode(c);
      expect(test(s), JSON.stringify(s)).toBe(new RegExp(pattern.unicode, 'u').test(s));
    }
  });
});
