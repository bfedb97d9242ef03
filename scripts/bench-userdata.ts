/**
 * How long "Your data" takes with a large history: export, then import of the file into an empty
 * profile and into the same profile (everything unchanged). Prints numbers; asserts nothing.
 * Run: npx tsx scripts/bench-userdata.ts [readings-per-account]
 */
import { BUNDLED } from '../lib/dataset/bundled';
import type { Observation } from '../lib/history/observation';
import { EMPTY_OVERLAY } from '../lib/overlay/overlay';
import { studyToday } from '../lib/study/study';
import { applyImport, exportUserData, parseImport } from '../lib/userdata';

const perAccount = Number(process.argv[2] ?? 400);
const NOW = '2026-12-01T06:00:00.000Z';
const accounts = BUNDLED.entities.flatMap((e) => e.accounts.map((a) => ({ entity: e.id, account: a })));
const observations: Observation[] = [];
for (const { entity, account } of accounts) {
  for (let i = 0; i < perAccount; i++) {
    const at = new Date(Date.parse(NOW) - (i + 1) * 86_400_000).toISOString();
    observations.push({
      entityId: entity,
      platform: account.platform,
      key: account.key,
      metric: 'followers',
      value: 1000 + i,
      precision: 'exact',
      at,
      url: account.url,
    });
  }
}
const time = <T>(label: string, work: () => T): T => {
  const start = performance.now();
  const out = work();
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return out;
};
console.log(`${accounts.length} accounts × ${perAccount} readings = ${observations.length} readings`);
const file = time('exportUserData', () => exportUserData(BUNDLED, EMPTY_OVERLAY, observations, NOW));
console.log(`${'file size'.padEnd(34)} ${(file.text.length / 1024 / 1024).toFixed(1).padStart(6)} MB`);
const fresh = time('parseImport (empty profile)', () =>
  parseImport(file.text, BUNDLED, { overlay: EMPTY_OVERLAY, observations: [] }),
);
if ('plan' in fresh) time('applyImport', () => applyImport(fresh.plan, {}));
else console.log('problems', fresh.problems.slice(0, 3));
time('parseImport (same profile)', () => parseImport(file.text, BUNDLED, { overlay: EMPTY_OVERLAY, observations }));
time('studyToday (with these readings)', () => studyToday(BUNDLED, observations, NOW));
