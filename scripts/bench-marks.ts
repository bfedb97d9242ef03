import type { Page } from 'playwright-core';

/** Median of a list of timings (any length). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

/** The start times of the page's own performance marks, in order (NaN where a mark is missing). */
export async function readMarks(page: Page, names: readonly string[]): Promise<[number, number, number]> {
  const marks = await page.evaluate(
    (ns) => ns.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN),
    [...names],
  );
  return [marks[0] ?? Number.NaN, marks[1] ?? Number.NaN, marks[2] ?? Number.NaN];
}
