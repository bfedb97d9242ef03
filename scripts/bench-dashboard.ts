/**
 * Dashboard speed: time from opening the options page to the cities table rendered (42 cities ×
 * 11 platforms), in headless Chromium, median of 20 runs. Needs a build (`npm run build`) and
 * Debian's chromium. Usage: npm run bench:dashboard
 */
import { type Browser, launch } from '../tests/e2e/harness';
import { median, readMarks } from './bench-marks';

const RUNS = 20;
const browser: Browser = await launch('fr-FR');
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  const phases: [number, number, number][] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="group-table"] tbody tr');
    const rows = await page.locator('[data-testid="group-table"] tbody tr').count();
    if (rows !== 42) throw new Error(`expected the 42 cities, got ${rows} rows`);
    const marks = await readMarks(page, [
      'civiscope:dashboard-start',
      'civiscope:dashboard-data',
      'civiscope:dashboard-rendered',
    ]);
    // The first two runs warm the browser's caches.
    if (i >= 2) phases.push(marks);
  }
  const med = median;
  const total = phases.map((p) => p[2]);
  console.log(
    `phases (medians): script starts at ${med(phases.map((p) => p[0])).toFixed(1)} ms, ` +
      `data loaded +${med(phases.map((p) => p[1] - p[0])).toFixed(1)} ms, ` +
      `42 × 11 table rendered +${med(phases.map((p) => p[2] - p[1])).toFixed(1)} ms`,
  );
  console.log(
    `dashboard opening → cities table rendered, ${RUNS} runs: median ${med(total).toFixed(1)} ms, ` +
      `min ${Math.min(...total).toFixed(1)} ms, max ${Math.max(...total).toFixed(1)} ms`,
  );
} finally {
  await browser.close();
}
