/**
 * Popup speed: time from opening the popup to the comparison rendered, in headless Chromium,
 * median of 20 runs. Needs a build (`npm run build`) and Debian's chromium.
 * Usage: npm run bench:popup
 */
import { type Browser, launch, readingOf, serve, tabIdOf } from '../tests/e2e/harness';
import { xApp } from '../tests/e2e/pages';
import { median, readMarks } from './bench-marks';

const RUNS = 20;
const browser: Browser = await launch('fr-FR');
try {
  await serve(
    browser.context,
    'https://x.com',
    xApp({ '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 } }),
  );
  const page = await browser.context.newPage();
  await page.goto('https://x.com/Paris');
  const tabId = await tabIdOf(browser, page);
  // Measure the popup with the page's figure already read, as a user would see it.
  if ((await readingOf(browser, tabId)) === undefined) throw new Error('the page was not read');
  const popup = await browser.context.newPage();
  const phases: [number, number, number][] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="headline-rank"]');
    const marks = await readMarks(popup, ['civiscope:start', 'civiscope:data', 'civiscope:rendered']);
    // The first two runs warm the browser's caches.
    if (i >= 2) phases.push(marks);
  }
  const med = median;
  const total = phases.map((p) => p[2]);
  console.log(
    `phases (medians): script starts at ${med(phases.map((p) => p[0])).toFixed(1)} ms, ` +
      `data loaded +${med(phases.map((p) => p[1] - p[0])).toFixed(1)} ms, rendered +${med(phases.map((p) => p[2] - p[1])).toFixed(1)} ms`,
  );
  console.log(
    `popup opening → comparison rendered, ${RUNS} runs: median ${med(total).toFixed(1)} ms, ` +
      `min ${Math.min(...total).toFixed(1)} ms, max ${Math.max(...total).toFixed(1)} ms (target < 100 ms)`,
  );
} finally {
  await browser.close();
}
