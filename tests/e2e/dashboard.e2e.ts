import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import runAxe from './axe';
import {
  type Browser,
  badgeText,
  launch,
  ROOT,
  readingOf,
  SCREENSHOTS_DIR,
  screenshot,
  serve,
  tabIdOf,
} from './harness';
import { xApp } from './pages';

/**
 * The dashboard (options page) in Chromium. Set CIVISCOPE_DOCS=1 to also write the README's
 * section screenshots to docs/ (they are always written to test-results/screenshots/).
 */
const WRITE_DOCS = process.env.CIVISCOPE_DOCS === '1';

/** Readings of Toulouse's X account, as the background would have stored them. */
const TOULOUSE_READINGS = [
  { at: '2026-09-01T09:00:00.000Z', value: 190_000, origin: 'visit' },
  { at: '2026-10-15T09:00:00.000Z', value: 192_500, origin: 'refreshed', jobId: 'job-1' },
  { at: '2026-11-20T09:00:00.000Z', value: 195_010, origin: 'visit' },
].map((r) => ({
  entityId: 'city-31555',
  platform: 'x',
  key: 'toulouse',
  metric: 'followers',
  precision: 'exact',
  url: 'https://x.com/Toulouse',
  ...r,
}));

/** What the user found on Nantes's and Rennes's sites (test data), as the popup would have stored it. */
const FOUND_ON_SITES = {
  version: 1,
  accounts: [
    {
      entityId: 'city-44109',
      platform: 'instagram',
      key: 'nantesfr',
      url: 'https://www.instagram.com/nantesfr/',
      confidence: 'confirmed',
      source: { kind: 'official-site', url: 'https://metropole.nantes.fr/', readAt: '2026-11-29T10:00:00.000Z' },
    },
  ],
  absences: [
    {
      entityId: 'city-44109',
      platform: 'tiktok',
      url: 'https://metropole.nantes.fr/',
      checkedAt: '2026-11-29T10:00:00.000Z',
    },
  ],
  participation: [
    {
      entityId: 'city-35238',
      url: 'https://fabriquecitoyenne.rennes.fr/',
      source: { kind: 'official-site', url: 'https://metropole.rennes.fr/', readAt: '2026-11-29T10:05:00.000Z' },
    },
  ],
};

/** The readings, and the additions whose lists the "Your data" section shows (and axe checks). */
async function seedReadings(browser: Browser): Promise<void> {
  await browser.worker.evaluate(([entries, overlay]) => chrome.storage.local.set({ observations: entries, overlay }), [
    TOULOUSE_READINGS,
    FOUND_ON_SITES,
  ] as const);
}

async function openDashboard(browser: Browser, width = 1280, height = 900): Promise<{ page: Page; renderMs: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="group-table"] tbody tr');
  const renderMs = await page.evaluate(() => {
    const [mark] = performance.getEntriesByName('civiscope:dashboard-rendered');
    return mark ? mark.startTime : Number.NaN;
  });
  return { page, renderMs };
}

/** A section's screenshot, cropped to the section (and to `maxHeight`). */
async function sectionShot(page: Page, selector: string, name: string, maxHeight = 900): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no ${selector}`);
  // boundingBox is relative to the viewport; a full-page clip is relative to the page.
  const scrollY = await page.evaluate(() => window.scrollY);
  const width = page.viewportSize()?.width ?? 1280;
  const clip = { x: 0, y: box.y + scrollY, width, height: Math.min(box.height, maxHeight) };
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), clip, fullPage: true });
  if (WRITE_DOCS) await page.screenshot({ path: path.join(ROOT, 'docs', `${name}.png`), clip, fullPage: true });
}

const cityNames = (page: Page) =>
  page.$$eval('[data-testid="group-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-entity')));

describe('the dashboard in Chromium (French browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch('fr-FR');
    await serve(browser.context, 'https://x.com', xApp({ '/Paris': { handle: 'Paris', name: 'Paris', followers: 1 } }));
    await seedReadings(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the popup’s link in a new tab', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const opened = browser.context.waitForEvent('page', (p) => p.url().endsWith('/options.html'));
    await popup.click('[data-testid="open-dashboard"]');
    const page = await opened;
    await page.waitForSelector('[data-testid="group-table"] tbody tr');
    expect(await page.textContent('h1')).toBe('Tableau de bord');
    await page.close();
  });

  it('shows the 42 cities, sorts them, filters them, and reports its first render time', async () => {
    const { page, renderMs } = await openDashboard(browser);
    console.log(`dashboard first render (navigation start → cities table rendered): ${renderMs.toFixed(0)} ms`);
    expect(await page.locator('[data-testid="group-table"] tbody tr').count()).toBe(42);
    expect(await page.locator('[data-testid="group-table"] thead th').count()).toBe(13);

    // Largest population first, then smallest first.
    const populations = () =>
      page.$$eval('[data-testid="group-table"] tbody tr td.num', (cells) =>
        cells.map((c) => Number((c.textContent ?? '').replace(/\D/g, ''))),
      );
    await page.click('[data-testid="sort-population"]');
    expect(await page.getAttribute('th:has([data-testid="sort-population"])', 'aria-sort')).toBe('descending');
    const desc = await populations();
    expect(desc).toHaveLength(42);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.click('[data-testid="sort-population"]');
    expect(await populations()).toEqual([...desc].reverse());

    // By the X figure: cities with a figure first, largest first; cities without one after, whatever the direction.
    const figures = async () =>
      page.$$eval('[data-testid="group-table"] tbody tr', (rows) =>
        rows.map((r) => {
          const button = r.querySelector('[data-platform="x"] [data-testid="figure"]');
          // The button reads "≈ 124 000 — historique de …": the figure is before the dash.
          return button ? Number((button.textContent ?? '').split('—')[0]?.replace(/\D/g, '')) : null;
        }),
      );
    await page.click('[data-testid="sort-x"]');
    expect(await page.getAttribute('th:has([data-testid="sort-x"])', 'aria-sort')).toBe('descending');
    const byX = await figures();
    const known = byX.filter((v): v is number => v !== null);
    expect(known.length).toBeGreaterThanOrEqual(3);
    expect(byX.slice(0, known.length)).toEqual([...known].sort((a, b) => b - a));
    await page.click('[data-testid="sort-x"]');
    expect((await figures()).slice(0, known.length)).toEqual([...known].sort((a, b) => a - b));

    await page.fill('[data-testid="table-filter"]', 'saint etienne');
    expect(await cityNames(page)).toEqual(['city-42218']);
    await page.fill('[data-testid="table-filter"]', '');
    await page.check('[data-testid="study-only"]');
    expect(await cityNames(page)).toHaveLength(10);
    await page.close();
  });

  it('offers, for the group shown, the search on official sites and the group refresh', async () => {
    const { page } = await openDashboard(browser);
    const actions = page.getByTestId('gap-actions');
    await actions.getByRole('button', { name: 'Chercher les comptes sur les sites officiels' }).waitFor();
    const refresh = actions.getByRole('button', { name: 'Actualiser le groupe' });
    expect(await refresh.isEnabled()).toBe(true);
    expect(await actions.getByLabel('Plateforme à actualiser').inputValue()).toBe('x');
    // Asking first: the explanation names the platform and the number of pages.
    await refresh.click();
    expect(await page.getByTestId('refresh-confirm').textContent()).toContain('X');
    await sectionShot(page, '[data-testid="gap-actions"]', 'dashboard-group-actions');
    await page.close();
  });

  it('shows the 2012 study beside today’s data, and prints it alone', async () => {
    const { page } = await openDashboard(browser);
    const gap = (await page.textContent('[data-testid="study-then-gap"]')) ?? '';
    // The study's own figures: Lille about 75,000 and Toulouse 6,500 Facebook fans.
    expect(gap.replace(/\s/g, '')).toContain('75000');
    expect(gap.replace(/\s/g, '')).toContain('6500');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.click('[data-testid="study-print"]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#groups')).toBe(false);
    expect(await page.isVisible('[data-testid="study-table"]')).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'dashboard-study-print');
    await page.close();
  });

  it('draws the history of an account with several readings, with origins and growth per month', async () => {
    const { page } = await openDashboard(browser);
    await page.click('tr[data-entity="city-31555"] [data-platform="x"] [data-testid="figure"]');
    await page.waitForSelector('[data-testid="history-chart"]');
    // Two bundled figures (2014, 2016) and the three readings seeded above.
    expect(await page.locator('[data-testid="chart-point"]').count()).toBe(5);
    const origins = await page.$$eval('[data-testid="history-table"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-origin')),
    );
    expect(origins).toEqual(['dataset', 'dataset', 'visit', 'refreshed', 'visit']);
    const growth = await page.$$eval('[data-testid="growth"]', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(growth[0]).toBe('—');
    // 190,000 → 192,500 in 44 days: about +1,729 a month.
    expect(growth[3]?.replace(/\s/g, '')).toBe('+1729parmois');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-heading');
    await screenshot(page, 'dashboard-history-fr-full');
    await sectionShot(page, '#history', 'dashboard-history-fr');

    // Printed alone, the history section is a clean report: no navigation, no other section, no buttons.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.click('[data-testid="print-history"]');
    await page.evaluate(() => {
      // What printSection does until 'afterprint', which the stub above never fires.
      document.documentElement.classList.add('print-one');
      document.getElementById('history')?.classList.add('print-target');
    });
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.dash-nav')).toBe(false);
    expect(await page.isVisible('#groups')).toBe(false);
    expect(await page.isVisible('[data-testid="print-history"]')).toBe(false);
    expect(await page.isVisible('[data-testid="history-chart"]')).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'dashboard-history-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The same account is found by the search.
    await page.fill('[data-testid="history-search"]', 'toulouse x');
    expect(await page.locator('[data-testid="history-results"] li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('is axe-clean in French, fits 320 px without page-level horizontal scroll, and uses a 1920 px screen', async () => {
    const { page } = await openDashboard(browser);
    await page.click('tr[data-entity="city-31555"] [data-platform="x"] [data-testid="figure"]');
    await page.waitForSelector('[data-testid="history-chart"]');
    expect(await runAxe(page)).toEqual([]);
    // The README's picture: the study's ten by X audience, one figure's details shown (keyboard focus).
    await page.check('[data-testid="study-only"]');
    await page.click('[data-testid="sort-x"]');
    await page.focus('tr[data-entity="city-31555"] [data-platform="x"] [data-testid="figure"]');
    expect(await page.isVisible('tr[data-entity="city-31555"] [data-platform="x"] [role="tooltip"]')).toBe(true);
    await sectionShot(page, '#groups', 'dashboard-groups-fr', 760);
    // Escape dismisses the details without moving the focus.
    await page.keyboard.press('Escape');
    expect(await page.isVisible('tr[data-entity="city-31555"] [data-platform="x"] [role="tooltip"]')).toBe(false);
    await sectionShot(page, '.presence-view', 'dashboard-presence-fr', 700);
    await sectionShot(page, '#settings', 'dashboard-settings-fr');
    // Each addition is listed with its own remove button: the account, the absence, the platform.
    expect(await page.locator('#your-data [data-testid="your-absences"] tbody tr').count()).toBe(1);
    expect(await page.locator('#your-data [data-testid="your-participation"] tbody tr').count()).toBe(1);
    await sectionShot(page, '#your-data', 'dashboard-your-data-fr');
    await sectionShot(page, '#study', 'dashboard-study-fr', 900);

    await page.setViewportSize({ width: 320, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'dashboard-320.png') });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'dashboard-1920.png') });
    await page.close();
  });

  it('switches the language of the dashboard and the popup, and turns the badge off and on', async () => {
    const site = await browser.context.newPage();
    await site.goto('https://x.com/Paris');
    const tabId = await tabIdOf(browser, site);
    // The background reads the page asynchronously: wait for the page's reading, then for the badge
    // to settle (the reading's rank replaces the first report's).
    expect(await readingOf(browser, tabId)).toBe(1);
    let before = '';
    let previous = '-';
    for (let i = 0; i < 50 && (before === '' || before !== previous); i++) {
      await new Promise((r) => setTimeout(r, 300));
      previous = before;
      before = await badgeText(browser, tabId);
    }
    expect(before).not.toBe('');

    const { page } = await openDashboard(browser);
    await page.uncheck('[data-testid="badge-toggle"]');
    expect(await badgeText(browser, tabId, '')).toBe('');
    await page.check('[data-testid="badge-toggle"]');
    expect(await badgeText(browser, tabId, before)).toBe(before);

    await page.check('[data-testid="language-en"]');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Dashboard');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="open-dashboard"]');
    expect(await popup.textContent('[data-testid="open-dashboard"]')).toBe('Dashboard');

    // A history limit out of bounds is refused with a message, and nothing is saved.
    await page.fill('[data-testid="history-limit"]', '3');
    await page.press('[data-testid="history-limit"]', 'Enter');
    await page.waitForSelector('[role="alert"]');
    const stored = await browser.worker.evaluate(
      async () => (await chrome.storage.local.get('historyLimit')).historyLimit,
    );
    expect(stored).toBeUndefined();

    await page.check('[data-testid="language-auto"]');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Tableau de bord');
    await page.close();
    await popup.close();
    await site.close();
  });
});

describe('the dashboard in Chromium (English browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch('en-US');
    await seedReadings(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is in English, axe-clean, and its sections are screenshotted', async () => {
    const { page } = await openDashboard(browser);
    expect(await page.textContent('h1')).toBe('Dashboard');
    await page.click('tr[data-entity="city-31555"] [data-platform="x"] [data-testid="figure"]');
    await page.waitForSelector('[data-testid="history-chart"]');
    expect(await runAxe(page)).toEqual([]);
    // The README's picture: the study's ten by X audience, one figure's details shown (keyboard focus).
    await page.check('[data-testid="study-only"]');
    await page.click('[data-testid="sort-x"]');
    await page.focus('tr[data-entity="city-31555"] [data-platform="x"] [data-testid="figure"]');
    expect(await page.isVisible('tr[data-entity="city-31555"] [data-platform="x"] [role="tooltip"]')).toBe(true);
    await sectionShot(page, '#groups', 'dashboard-groups-en', 760);
    await sectionShot(page, '.presence-view', 'dashboard-presence-en', 700);
    await sectionShot(page, '#history', 'dashboard-history-en');
    await sectionShot(page, '#settings', 'dashboard-settings-en');
    await sectionShot(page, '#your-data', 'dashboard-your-data-en');
    await sectionShot(page, '#study', 'dashboard-study-en', 900);
    await page.close();
  });
});
