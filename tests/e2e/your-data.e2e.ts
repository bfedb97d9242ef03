import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import runAxe from './axe';
import { type Browser, launch, SCREENSHOTS_DIR } from './harness';

/**
 * Moving one's data to another browser through a file: additions and readings made in one profile,
 * exported from the dashboard, imported in a fresh profile, give the same data there.
 */

const READINGS = [
  { at: '2026-09-01T09:00:00.000Z', value: 190_000, origin: 'visit' },
  { at: '2026-10-15T09:00:00.000Z', value: 192_500, origin: 'refreshed', jobId: 'job-1' },
].map((r) => ({
  entityId: 'city-31555',
  platform: 'x',
  key: 'toulouse',
  metric: 'followers',
  precision: 'exact',
  url: 'https://x.com/Toulouse',
  ...r,
}));

const OVERLAY = {
  version: 1,
  accounts: [
    {
      entityId: 'city-06088',
      platform: 'bluesky',
      key: 'nice.fr',
      url: 'https://bsky.app/profile/nice.fr',
      confidence: 'user',
      source: { kind: 'user', addedAt: '2026-11-20T10:00:00.000Z' },
    },
  ],
  absences: [],
};

async function openDashboard(browser: Browser): Promise<Page> {
  // No one can answer the downloads permission prompt headless: take the download-link path.
  await browser.worker.evaluate(() => chrome.storage.local.set({ downloadsDeclined: true }));
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="your-data"]');
  return page;
}

interface Stored {
  observations?: { key: string; at: string; value: number; origin?: string }[];
  overlay?: { accounts: { platform: string; key: string }[] };
}

async function userData(browser: Browser): Promise<Stored> {
  return browser.worker.evaluate(async () => {
    const { observations, overlay } = await chrome.storage.local.get(['observations', 'overlay']);
    return { observations, overlay } as Stored;
  });
}

async function exportFile(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="your-data-export"]')]);
  const file = path.join(SCREENSHOTS_DIR, '..', 'downloads', name);
  await download.saveAs(file);
  return file;
}

describe('your data, from one browser to another', () => {
  const opened: Browser[] = [];
  afterAll(async () => {
    for (const b of opened) await b.close();
  });

  it('exports in one profile, imports in a fresh one: same accounts and readings; twice changes nothing', async () => {
    const first = await launch('fr-FR');
    opened.push(first);
    await first.worker.evaluate(
      ({ readings, overlay }) => chrome.storage.local.set({ observations: readings, overlay }),
      { readings: READINGS, overlay: OVERLAY },
    );
    const page = await openDashboard(first);
    // The added account shows in the groups table too.
    await page.click('[data-testid="group-city"]');
    expect(await page.textContent('tr[data-entity="city-06088"] [data-platform="bluesky"]')).toContain('nice.fr');
    const file = await exportFile(page, 'first.json');
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.sources['civiscope-user-data']).toBeDefined();
    const original = await userData(first);

    const second = await launch('fr-FR');
    opened.push(second);
    const fresh = await openDashboard(second);
    expect((await userData(second)).observations ?? []).toEqual([]);
    await fresh.setInputFiles('[data-testid="your-data-import"]', file);
    await fresh.waitForSelector('[data-testid="your-data-import-plan"]');
    expect(await runAxe(fresh)).toEqual([]);
    await fresh.click('[data-testid="your-data-import-apply"]');
    await expect
      .poll(async () => ((await userData(second)).observations ?? []).length, { timeout: 10_000 })
      .toBe(READINGS.length);
    const imported = await userData(second);
    const strip = (o: Stored) => (o.observations ?? []).map((r) => [r.key, r.at, r.value, r.origin ?? 'visit']);
    expect(strip(imported)).toEqual(strip(original));
    expect((imported.overlay?.accounts ?? []).map((a) => `${a.platform} ${a.key}`)).toEqual(['bluesky nice.fr']);
    // The page shows the imported account without a reload by the user.
    await fresh.waitForSelector('tr[data-entity="city-06088"] [data-platform="bluesky"] a');

    // Importing the same file again changes nothing.
    await fresh.setInputFiles('[data-testid="your-data-import"]', file);
    await fresh.waitForSelector('[data-testid="your-data-import-plan"]');
    expect(await fresh.isDisabled('[data-testid="your-data-import-apply"]')).toBe(true);
    expect(await userData(second)).toEqual(imported);
    await fresh.screenshot({ path: path.join(SCREENSHOTS_DIR, 'dashboard-your-data-import.png'), fullPage: false });

    // And export → import → export gives the same file.
    const again = JSON.parse(readFileSync(await exportFile(fresh, 'second.json'), 'utf8'));
    const withoutTime = (d: Record<string, unknown>) => JSON.stringify(d).replace(/"(exportedAt|date)":"[^"]*"/g, '');
    expect(withoutTime(again)).toBe(withoutTime(exported));
  });
});
