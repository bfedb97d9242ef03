/**
 * How many generated inputs each property runs. `npm test` runs the fuzz properties briefly (a few
 * thousand inputs in all, so that they cannot rot); `npm run fuzz` (vitest.fuzz.config.ts sets
 * CIVISCOPE_FUZZ=1) runs at least 100,000 per target and prints how many ran.
 */
export const FUZZ = process.env.CIVISCOPE_FUZZ === '1';

/** Inputs per property: `quick` in `npm test`, `full` (at least 100,000 per target) in `npm run fuzz`. */
export function numRuns(quick: number, full = 100_000): number {
  return FUZZ ? full : quick;
}

/** Per-test timeout: generous in `npm test` too, where the shared machine may be slow. */
export const TIMEOUT = FUZZ ? 3_600_000 : 120_000;

/** A fixed seed in `npm test` (reproducible); a fresh one, printed, in `npm run fuzz`. */
export const SEED = FUZZ ? Number(process.env.CIVISCOPE_FUZZ_SEED ?? Date.now() % 2 ** 31) : 20261201;

const counts = new Map<string, number>();

/** Counts one input run against a target, for the summary `npm run fuzz` prints. */
export function tally(target: string, n = 1): void {
  counts.set(target, (counts.get(target) ?? 0) + n);
}

/** Inputs counted so far against a target. */
export function counted(target: string): number {
  return counts.get(target) ?? 0;
}

/** One line per target: inputs run (printed at the end of each fuzz file in `npm run fuzz`). */
export function printTally(file: string): void {
  if (!FUZZ) return;
  const lines = [...counts].map(([target, n]) => `  ${target}: ${n.toLocaleString('en-US')} inputs`);
  console.log(`fuzz ${file} (seed ${SEED})\n${lines.join('\n')}`);
}
