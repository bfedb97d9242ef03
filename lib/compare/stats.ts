/** The ranking maths, on plain numbers. See METHOD.md for why each definition was chosen. */

/** Standard competition rank ("1224"): 1 + how many values are strictly larger. */
export function competitionRank(value: number, values: readonly number[]): number {
  let larger = 0;
  for (const v of values) if (v > value) larger++;
  return 1 + larger;
}

/** Middle value; for an even count, the mean of the two middle values. undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * Share of `others` strictly below `value`, plus half of those equal to it, × 100.
 * `others` excludes the value's own holder. undefined when `others` is empty.
 */
export function percentileAmong(value: number, others: readonly number[]): number | undefined {
  if (others.length === 0) return undefined;
  let below = 0;
  let equal = 0;
  for (const v of others) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return ((below + equal / 2) / others.length) * 100;
}
