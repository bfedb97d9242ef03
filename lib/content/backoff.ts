/**
 * When the page may be read again. A page that changes every frame must not be read every frame:
 * after the first reading, the gap between two readings doubles from `firstMs` up to `maxMs`
 * (100, 200, 400, 800, 1600, 2000… ms), so a 6 s wait costs seven readings (and one at the timeout),
 * whatever the page does. Profile headers render within a second or two: the early readings are close.
 */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}

export const READ_BACKOFF: Backoff = { firstMs: 100, maxMs: 2000 };

/** Gap before reading number `n + 1` (n = readings done so far, ≥ 1). Pure. */
export function backoffDelay(n: number, { firstMs, maxMs }: Backoff = READ_BACKOFF): number {
  if (!(n >= 1)) return firstMs;
  // 2^(n-1) overflows nothing here: the cap is reached after a few steps.
  return Math.min(maxMs, firstMs * 2 ** Math.min(n - 1, 30));
}

/** Times (ms after the first reading) at which a page that never stops changing is read, up to `untilMs`. */
export function readingTimes(untilMs: number, backoff: Backoff = READ_BACKOFF): number[] {
  const times = [0];
  for (let n = 1, t = backoffDelay(1, backoff); t < untilMs; n++, t += backoffDelay(n, backoff)) times.push(t);
  return times;
}
