/**
 * Prints the size of what the built extension ships (raw and gzip) and fails when a budget is
 * exceeded: a page reader runs in every account page it is injected into, the popup must open instantly.
 * Usage: npm run build && npm run size [-- --dir .output/firefox-mv3]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dirArg = process.argv.indexOf('--dir');
const dir = path.resolve(dirArg > 0 ? (process.argv[dirArg + 1] ?? '') : '.output/chrome-mv3');
if (!existsSync(dir)) {
  console.error(`${dir} does not exist: run \`npm run build\` first.`);
  process.exit(2);
}

const KB = 1024;
// No content script: a page that is not an account runs no Civiscope code. An account page gets its
// platform's reader (reader-<platform>.js), injected by the background; its budget is per reader.
const readers = (f: string) => /^reader-[a-z]+\.js$/.test(f);
const budgets: { label: string; match: (file: string) => boolean; gzipBudget?: number }[] = [
  { label: 'popup JavaScript', match: (f) => /^(chunks\/popup-|popup).*\.js$/.test(f), gzipBudget: 60 * KB },
  // Loaded by the popup only when needed (the Export menu, URL rules for unreported tabs).
  { label: 'popup, on demand', match: (f) => f.startsWith('chunks/') && !f.startsWith('chunks/popup-') },
  { label: 'background', match: (f) => f === 'background.js' },
  { label: 'whole extension', match: () => true },
];

function files(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(root, rel)).isDirectory() ? files(root, rel) : [rel];
  });
}

const all = files(dir);
let failed = false;
const gzipOf = (file: string) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
if (!all.some(readers)) {
  console.error(`no page reader (reader-<platform>.js) in ${dir}: has the layout changed?`);
  failed = true;
}
if (all.some((f) => /^content-/.test(f))) {
  console.error('a content script is built: every page of the platforms would run it (see lib/content/README.md)');
  failed = true;
}
for (const file of all.filter(readers)) {
  const raw = statSync(path.join(dir, file)).size;
  const gz = gzipOf(file);
  const over = gz > 12 * KB;
  failed ||= over;
  const name = path.basename(file, '.js');
  console.log(
    `${name.padEnd(20)} ${(raw / KB).toFixed(1).padStart(7)} KB raw  ${(gz / KB).toFixed(1).padStart(6)} KB gzip, account pages only (budget 12 KB gzip${over ? ', EXCEEDED' : ''})`,
  );
}
for (const budget of budgets) {
  const picked = all.filter(budget.match);
  const raw = picked.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
  const gz = picked.reduce((n, f) => n + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
  const over = budget.gzipBudget !== undefined && gz > budget.gzipBudget;
  failed ||= over;
  const limit = budget.gzipBudget
    ? ` (budget ${(budget.gzipBudget / KB).toFixed(0)} KB gzip${over ? ', EXCEEDED' : ''})`
    : '';
  console.log(
    `${budget.label.padEnd(18)} ${(raw / KB).toFixed(1).padStart(7)} KB raw  ${(gz / KB).toFixed(1).padStart(6)} KB gzip${limit}`,
  );
}
process.exit(failed ? 1 : 0);
