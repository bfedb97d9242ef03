/**
 * Throughput of account detection over every URL of the repository's example tables.
 * Run: npx tsx scripts/bench.ts (npm run bench). Prints the median of 5 one-second runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectAccount } from '../lib/platforms/registry';

const TABLES = ['../tests/fixtures/url-examples.tsv', '../tests/platforms/fr-accounts.tsv'].map((file) =>
  path.resolve(import.meta.dirname, file),
);
const RUNS = 5;
const RUN_MS = 1000;

// Column 2 of every row; the header and comment lines are skipped.
const urls = TABLES.flatMap((table) => readFileSync(table, 'utf8').split('\n'))
  .filter((line) => line.trim() !== '' && !line.startsWith('#') && !line.startsWith('platform\t'))
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

console.log(`URLs in tables: ${urls.length} (${recognised} recognised as accounts)`);
console.log(`detectAccount: ${Math.round(median).toLocaleString('en-US')} URLs/s (median of ${RUNS} × ${RUN_MS} ms)`);
