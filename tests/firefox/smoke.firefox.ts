import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xApp } from '../e2e/pages';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
const SCREENSHOTS_DIR = path.join(ROOT, 'test-results/screenshots');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'civiscope@civiscope.example';
// Firefox gives each install a random moz-extension:// host; fixing it lets the test open the popup.
const UUID = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

const X_APP = xApp({ '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 } });

interface StoredTab {
  url: string;
  entityId?: string;
  report: { reading?: { value?: number; source?: string } };
}

/**
 * Puppeteer's goto never resolves for a moz-extension:// page under WebDriver BiDi (the page loads,
 * but puppeteer sees no navigation event), so start the navigation and wait for the page's own markup.
 */
async function openExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  page.goto(url, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForFunction((expected) => location.href === expected, { timeout: 30_000 }, url);
  await page.waitForSelector(selector, { timeout: 30_000 });
}

async function storedTabs(page: Page): Promise<Record<string, StoredTab>> {
  // An extension page sees the extension's own storage; Firefox exposes `browser` there natively.
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.storage.session.get(null)) as Record<string, StoredTab>;
  });
}

describe('the Firefox MV3 build in Firefox ESR', () => {
  let browser: Browser;
  let profile: string;

  beforeAll(async () => {
    const tmp = path.join(ROOT, '.tmp');
    mkdirSync(tmp, { recursive: true });
    profile = mkdtempSync(path.join(tmp, 'firefox-profile-'));
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      // Without it, Firefox's WebDriver BiDi refuses to navigate to moz-extension:// URLs.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        // Off the network: no name resolves, and every proxied scheme goes to a closed local port.
        // Pages are served by request interception, before any of this is reached.
        'network.dns.disabled': true,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.socks': '127.0.0.1',
        'network.proxy.socks_port': 9,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('installs the extension', async () => {
    expect(await browser.installExtension(EXTENSION_DIR)).toBe(ADDON_ID);
  });

  it('reads a listed X account and shows it in the popup', async () => {
    /** Requests the test did not serve itself: they are aborted, and the test fails if there are any. */
    const unserved: string[] = [];
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      // Like the Chromium tests, serve the app for every x.com URL (resourceType() is not available over BiDi).
      if (new URL(request.url()).origin === 'https://x.com') {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: X_APP });
      } else {
        unserved.push(request.url());
        void request.abort();
      }
    });
    await page.goto('https://x.com/Paris');
    expect(await page.$eval('[data-testid="UserName"]', (el) => el.textContent)).toContain('@Paris');

    // The popup opened as a page is not about any tab; it serves to read the background's per-tab state.
    const popup = await browser.newPage();
    await popup.setViewport({ width: 400, height: 600 });
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html`, '.popup');
    let tabId = '';
    let state: StoredTab | undefined;
    await expect
      .poll(
        async () => {
          const tabs = await storedTabs(popup);
          [tabId, state] = Object.entries(tabs).find(([, s]) => s.url === 'https://x.com/Paris') ?? ['', undefined];
          return state?.report.reading?.value;
        },
        { timeout: 10_000 },
      )
      .toBe(1_234_567);
    // The content script read the figure from the page, and the background matched the account.
    expect(state?.entityId).toBe('city-75056');
    expect(state?.report.reading?.source).toBe('json-ld');

    const id = /^tab-(\d+)$/.exec(tabId)?.[1];
    expect(id).toBeDefined();
    const url = `${EXTENSION_ORIGIN}/popup.html?tab=${id}`;
    await openExtensionPage(popup, url, '[data-testid="live-value"]');
    expect(await popup.$eval('[data-testid="entity-name"]', (el) => el.textContent)).toContain('Paris');
    const live = await popup.$eval('[data-testid="live-value"]', (el) => el.textContent ?? '');
    expect(live.replace(/\D/g, '')).toBe('1234567');

    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'firefox-popup-listed.png'), fullPage: true });
    // Everything the page asked for was served by the test: nothing went to the network.
    expect(unserved).toEqual([]);
    await page.close();
    await popup.close();
  });
  it('opens the dashboard and shows the groups', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await openExtensionPage(page, `${EXTENSION_ORIGIN}/options.html`, '[data-testid="group-table"] tbody tr');
    expect(await page.$$eval('[data-testid="group-table"] tbody tr', (rows) => rows.length)).toBe(42);
    expect(await page.$eval('h1', (el) => el.textContent)).toMatch(/Tableau de bord|Dashboard/);
    // Every group has its table.
    for (const group of ['region', 'ministry', 'minister', 'executive']) {
      await page.click(`[data-testid="group-${group}"]`);
      await page.waitForSelector(`[data-testid="group-table"][data-group="${group}"] tbody tr`);
    }
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'firefox-dashboard.png') });
    await page.close();
  });
});
