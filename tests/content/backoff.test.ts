import { describe, expect, it } from 'vitest';
import { backoffDelay, READ_BACKOFF, readingTimes } from '@/lib/content/backoff';

describe('backoffDelay', () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1600],
    [6, 2000],
    [1000, 2000],
    // Nonsense counts fall back to the first gap.
    [0, 100],
    [-3, 100],
    [Number.NaN, 100],
  ])('after %s readings waits %s ms', (n, ms) => {
    expect(backoffDelay(n, READ_BACKOFF)).toBe(ms);
  });

  it('follows its parameters', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, { firstMs: 50, maxMs: 300 }))).toEqual([50, 100, 200, 300]);
  });
});

describe('readingTimes', () => {
  it('reads a page that never stops changing seven times in the 6 s wait (then once at the timeout)', () => {
    expect(readingTimes(6000)).toEqual([0, 100, 300, 700, 1500, 3100, 5100]);
  });

  it('is only the first reading when the wait is shorter than the first gap', () => {
    expect(readingTimes(50)).toEqual([0]);
  });
});
