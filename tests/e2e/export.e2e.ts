import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launch, openPopup, SCREENSHOTS_DIR, serve, tabIdOf } from './harness';
import { xApp } from './pages';

async function download(popup: Page, testId: string): Promise<{ name: string; text: string; file: string }> {
  const [event] = await Promise.all([popup.waitForEvent('download'), popup.click(`[data-testid="${testId}"]`)]);
  const file = path.join(SCREENSHOTS_DIR, '..', 'downloads', event.suggestedFilename());
  await event.saveAs(file);
  return { name: event.suggestedFilename(), text: readFileSync(file, 'utf8'), file };
}

describe('export from the popup', () => {
  let browser: Browser;
  let popup: Page;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    browser = await launch('fr-FR');
    // Nobody can answer the downloads permission prompt in a headless browser: these tests take the
    // path of a user who declined it (the download link). tests/save-file.test.ts covers the other.
    await browser.worker.evaluate(() => chrome.storage.local.set({ downloadsDeclined: true }));
    await serve(
      browser.context,
      'https://x.com',
      xApp({ '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 } }),
    );
    const page = await browser.context.newPage();
    await page.goto('https://x.com/Paris');
    popup = await openPopup(browser, await tabIdOf(browser, page));
    await popup.waitForSelector('[data-testid="live-value"]');
    await popup.click('[data-testid="export-menu"] summary');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('CSV (French dialect): BOM, semicolons, the account on screen with the page’s figure', async () => {
    const { name, text } = await download(popup, 'export-csv');
    expect(name).toBe(`civiscope_city-75056_x_${today}.csv`);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
    const header = rows[0] ?? [];
    const paris = rows.find((r) => r[0] === 'city-75056') ?? [];
    expect(paris[header.indexOf('valeur')]).toBe('1234567');
    expect(paris[header.indexOf('origine')]).toBe('page affichée');
    expect(paris[header.indexOf('compte affiché')]).toBe('oui');
  });

  it('JSON: the comparison with its provenance', async () => {
    const { name, text } = await download(popup, 'export-json');
    expect(name.endsWith('.json')).toBe(true);
    const doc = JSON.parse(text);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.comparison.entity).toBe('city-75056');
    expect(doc.comparison.cohort.find((m: { self: boolean }) => m.self)).toMatchObject({
      value: 1234567,
      origin: 'page',
    });
  });

  it('Markdown: headline and table', async () => {
    const { text } = await download(popup, 'export-md');
    expect(text).toMatch(/\*\*Paris\*\*/);
    expect(text).toContain('| rang |');
  });

  it('PNG: a real image at twice the size', async () => {
    const { name, file } = await download(popup, 'export-png');
    expect(name.endsWith('.png')).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    expect(width).toBeGreaterThanOrEqual(1000);
  });

  it('whole group as CSV', async () => {
    const { name, text } = await download(popup, 'export-group-csv');
    expect(name).toBe(`civiscope_group-city_${today}.csv`);
    expect(text.split('\r\n').filter(Boolean).length).toBeGreaterThan(42);
  });
});
