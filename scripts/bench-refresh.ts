/**
 * Group refresh speed: a full refresh of a cohort's X pages (routed, each with its own figure) in
 * headless Chromium with the DEFAULT delay (2.5 s ± 30 %), from the click to the job's end.
 * Prints the total and the per-page overhead (page request → reading recorded), for the
 * ministries (the cohort with the most listed accounts on one platform, 14 pages today) and the
 * whole group of cities seen from Paris (10 pages today). Needs a build (`npm run build`) and Debian's chromium.
 * Usage: npm run bench:refresh
 */
import type { Observation } from '../lib/history/observation';
import type { RefreshJob } from '../lib/refresh/types';
import { launch, openPopup, readingOf, tabIdOf } from '../tests/e2e/harness';
import { type PageKind, xCohort } from '../tests/e2e/refresh-pages';

async function bench(self: string): Promise<void> {
  const cohort = xCohort(self);
  const browser = await launch('fr-FR');
  try {
    const pages: Record<string, PageKind> = { [`/${cohort.self.handle}`]: { followers: 500_000 } };
    cohort.peers.forEach((p, i) => {
      pages[`/${p.handle}`] = { followers: 10_000 + i * 1_000 };
    });
    // When each page was requested, to measure what a page costs besides the delay.
    const requestedAt = new Map<string, number>();
    await browser.context.route('https://x.com/**', (route) => {
      const path = new URL(route.request().url()).pathname.toLowerCase();
      requestedAt.set(path, Date.now());
      const kind = Object.entries(pages).find(([p]) => p.toLowerCase() === path)?.[1];
      const handle = path.slice(1);
      return kind && typeof kind === 'object' && 'followers' in kind
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><html><head><meta charset="utf-8"><script type="application/ld+json" data-testid="UserProfileSchema-test">${JSON.stringify(
              {
                '@type': 'ProfilePage',
                mainEntity: {
                  additionalName: handle,
                  interactionStatistic: [
                    { interactionType: 'https://schema.org/FollowAction', userInteractionCount: kind.followers },
                  ],
                },
              },
            )}</script></head><body><div data-testid="UserName"><span>${handle}</span><span>@${handle}</span></div></body></html>`,
          })
        : route.fulfill({ status: 404, body: '' });
    });
    // The whole group (cities and regions default to the 2012 study's ten), consent given before.
    await browser.worker.evaluate(() => chrome.storage.local.set({ 'refresh-consent': true, cohort: 'all' }));
    const page = await browser.context.newPage();
    await page.goto(cohort.self.url);
    const tabId = await tabIdOf(browser, page);
    if ((await readingOf(browser, tabId)) === undefined) throw new Error('the page was not read');
    const popup = await openPopup(browser, tabId);
    const started = Date.now();
    await popup.getByRole('button', { name: 'Actualiser le groupe' }).click();
    let job: RefreshJob | undefined;
    do {
      await new Promise((r) => setTimeout(r, 50));
      job = (await browser.worker.evaluate(
        async () => (await chrome.storage.session.get('refresh-job'))['refresh-job'],
      )) as RefreshJob | undefined;
    } while (!job || job.status === 'running');
    const total = (Date.now() - started) / 1000;
    const observations: Observation[] = await browser.worker.evaluate(
      async () => (await chrome.storage.local.get('observations')).observations as never,
    );
    const overheads = cohort.peers.flatMap((p) => {
      const o = observations.find((x) => x.key === p.key && x.origin === 'refreshed');
      const at = requestedAt.get(`/${p.handle.toLowerCase()}`);
      return o && at ? [Date.parse(o.at) - at] : [];
    });
    overheads.sort((a, b) => a - b);
    const median = overheads[Math.floor(overheads.length / 2)] ?? Number.NaN;
    const mean = overheads.reduce((a, b) => a + b, 0) / overheads.length;
    // What the comparison shows afterwards: a figure dated today for each page read.
    await popup.reload();
    await popup.waitForSelector('[data-testid="cohort-bars"]');
    const today = new Date().toISOString().slice(0, 10);
    const fresh = await popup
      .locator(`[data-testid="cohort-bars"] li[data-origin="refreshed"][data-date="${today}"]`)
      .count();
    const notRead = job.peers.filter((p) => p.outcome && p.outcome.kind !== 'read' && p.outcome.kind !== 'no-account');
    if (notRead.length > 0) console.log('not read:', JSON.stringify(notRead.map((p) => [p.url, p.outcome])));
    console.log(
      `${self} on X: ${job.loads} pages, ${job.status}${job.stop ? ` (${job.stop})` : ''} in ${total.toFixed(1)} s` +
        ` (limit 90 s); per-page overhead besides the delay: median ${median} ms, mean ${mean.toFixed(0)} ms;` +
        ` ${fresh} of ${overheads.length} pages read are ranked with today's date`,
    );
  } finally {
    await browser.close();
  }
}

await bench('ministry-culture');
await bench('city-75056');
