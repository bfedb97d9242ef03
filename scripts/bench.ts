/**
 * Throughput of account detection over every URL of the shared example table.
 * Run: npx tsx scripts/bench.ts (npm run bench). Prints the median of 5 one-second runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectAccount } from '../lib/platforms/registry';

const TABLE = path.resolve(import.meta.dirname, '../../shared/research/url-examples.tsv');
const RUNS = 5;
const RUN_MS = 1000;

const urls = readFileSync(TABLE, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[1])
  .filter((url): url is string => Boolean(url));

/** URLs processed per second over one run of about RUN_MS. */
function measure(): number {
  let count = 0;
  let found = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < RUN_MS) {
    for (const url of urls) if (detectAccount(url)) found++;
    count += urls.length;
    elapsed = performance.now() - start;
  }
  // `found` keeps the work observable so the loop cannot be optimised away.
  if (found < 0) console.log(found);
  return (count / elapsed) * 1000;
}

measure(); // warm-up: let the JIT compile the grammars
const rates = Array.from({ length: RUNS }, measure).sort((a, b) => a - b);
const median = rates[Math.floor(RUNS / 2)] ?? 0;
const recognised = urls.filter((url) => detectAccount(url)).length;

console.log(`URLs in table: ${urls.length} (${recognised} recognised as accounts)`);
console.log(`detectAccount: ${Math.round(median).toLocaleString('en-US')} URLs/s (median of ${RUNS} × ${RUN_MS} ms)`);
