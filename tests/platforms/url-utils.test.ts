import { describe, expect, it } from 'vitest';
import { classifyRest, isHostName, isNumericId, pathSegments, safeDecode } from '@/lib/platforms/url-utils';

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
