import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOMEPAGES } from '../e2e/homepages';
import { xApp } from '../e2e/pages';

/*
 * The user's additions in the Firefox MV3 build, in Firefox ESR. Like the Chromium tests, it runs the
 * TEST BUILD (.output/firefox-mv3-sites-granted, see wxt.config.ts) whose host permissions include the
 * official sites: it stands in for the activeTab grant of a toolbar click, which a driven browser
 * cannot produce. Covered: scripting injection into the site's tab, the extraction with DOMParser in
 * the popup (Firefox's MV3 background is an event page, but the popup is where both browsers parse),
 * "Ajouter", the overlay in storage, and the background rebuilding its index so that the added
 * account is recognised, read and compared.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3-sites-granted');
const SCREENSHOTS_DIR = path.join(ROOT, 'test-results/screenshots');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'civiscope@civiscope.example';
const UUID = '7d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';
const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

const NICE = HOMEPAGES.find((h) => h.entityId === 'city-06088');
const X_APP = xApp({ '/VilledeNice': { handle: 'VilledeNice', name: 'Ville de Nice', followers: 164_321 } });

/** Same as the smoke test: puppeteer's goto never resolves for moz-extension:// pages under BiDi. */
async function openExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  page.goto(url, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForFunction((expected) => location.href === expected, { timeout: 30_000 }, url);
  await page.waitForSelector(selector, { timeout: 30_000 });
}

// Functions passed to evaluate() run in the page: they name the extension API themselves.

/** Serves the routed pages on a tab; anything else is aborted and recorded. */
async function routed(browser: Browser, unserved: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const origin = new URL(request.url()).origin;
    const body = origin === NICE?.origin ? NICE.html : origin === 'https://x.com' ? X_APP : undefined;
    if (body !== undefined) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    else {
      unserved.push(request.url());
      void request.abort();
    }
  });
  return page;
}

describe('the user’s additions in the Firefox MV3 build (Firefox ESR)', () => {
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
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
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
    expect(await browser.installExtension(EXTENSION_DIR)).toBe(ADDON_ID);
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('the popup on an official site lists its accounts; "Ajouter" makes one recognised, read and compared', async () => {
    const unserved: string[] = [];
    const site = await routed(browser, unserved);
    await site.goto(`${NICE?.origin}/`);

    const popup = await browser.newPage();
    await popup.setViewport({ width: 400, height: 600 });
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html`, '.popup');
    const siteTab = await popup.evaluate(async (origin) => {
      const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(origin))?.id;
    }, NICE?.origin ?? '');
    expect(siteTab).toBeDefined();

    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html?tab=${siteTab}`, '[data-testid="found-accounts"]');
    const rows = await popup.$$eval('[data-testid="found-accounts"] li', (lis) =>
      lis.map((li) => `${li.getAttribute('data-testid')?.replace('found-', '')}:${li.getAttribute('data-status')}`),
    );
    expect(rows.sort()).toEqual(['facebook:listed', 'instagram:listed', 'x:new', 'youtube:new']);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'firefox-overlay-site.png'), fullPage: true });

    await popup.click('[data-testid="add-x"]');
    await expect
      .poll(
        () =>
          popup.evaluate(async () => {
            const stored = (
              await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('overlay')
            ).overlay as { accounts?: { entityId: string; key: string; confidence: string }[] } | undefined;
            return stored?.accounts?.map((a) => `${a.entityId} ${a.key} ${a.confidence}`);
          }),
        { timeout: 10_000 },
      )
      .toEqual(['city-06088 villedenice confirmed']);

    // The background (an event page in Firefox) rebuilt its index: the account is now listed.
    const account = await routed(browser, unserved);
    await account.goto('https://x.com/VilledeNice');
    let tabKey = '';
    await expect
      .poll(
        async () => {
          const tabs = (await popup.evaluate(async () =>
            (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null),
          )) as Record<string, { url: string; entityId?: string; report: { reading?: { value?: number } } }>;
          const found = Object.entries(tabs).find(([, s]) => s.url === 'https://x.com/VilledeNice');
          tabKey = found?.[0] ?? '';
          return found ? `${found[1].entityId} ${found[1].report.reading?.value}` : undefined;
        },
        { timeout: 15_000 },
      )
      .toBe('city-06088 164321');

    const id = /^tab-(\d+)$/.exec(tabKey)?.[1];
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html?tab=${id}`, '[data-testid="live-value"]');
    expect(await popup.$eval('[data-testid="entity-name"]', (el) => el.textContent)).toContain('Nice');
    // Firefox's UI language here is English: the popup follows it.
    expect(await popup.$eval('[data-testid="confidence"]', (el) => el.textContent)).toMatch(
      /^(confirmé par le site de l’institution|confirmed by the institution’s own site)$/,
    );
    expect(await popup.$('[data-testid="cohort-bars"] li[data-entity="city-06088"]')).not.toBeNull();
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'firefox-overlay-added-compared.png'), fullPage: true });
    expect(unserved).toEqual([]);
    for (const p of [site, account, popup]) await p.close();
  });

  it('the group search reads the group’s sites from the popup and says what it found per city', async () => {
    const unserved: string[] = [];
    const site = await routed(browser, unserved);
    await site.goto(`${NICE?.origin}/`);
    const popup = await browser.newPage();
    await popup.setViewport({ width: 400, height: 600 });
    // The popup's own fetches: Toulouse's homepage, an HTTP error for Marseille, nothing else reachable.
    const toulouse = HOMEPAGES.find((h) => h.entityId === 'city-31555');
    await popup.setRequestInterception(true);
    popup.on('request', (request: HTTPRequest) => {
      const origin = new URL(request.url()).origin;
      if (origin.startsWith('moz-extension:')) void request.continue();
      else if (origin === toulouse?.origin)
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: toulouse.html });
      else if (origin === NICE?.origin)
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: NICE.html });
      else if (origin === 'https://www.marseille.fr') void request.respond({ status: 500, body: 'Erreur' });
      else void request.abort();
    });
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html`, '.popup');
    const siteTab = await popup.evaluate(async (origin) => {
      const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(origin))?.id;
    }, NICE?.origin ?? '');
    await openExtensionPage(
      popup,
      `${EXTENSION_ORIGIN}/popup.html?tab=${siteTab}`,
      '[data-testid="group-search-start"]',
    );
    await popup.click('[data-testid="group-search-start"]');
    await popup.waitForSelector('[data-testid="group-search-finished"]', { timeout: 60_000 });
    const kinds = await popup.$$eval('[data-testid^="outcome-"]', (lis) =>
      Object.fromEntries(
        lis.map((li) => [li.getAttribute('data-testid')?.replace('outcome-', ''), li.getAttribute('data-kind')]),
      ),
    );
    expect(kinds).toMatchObject({
      'city-06088': 'found',
      'city-31555': 'found',
      'city-13055': 'http',
      'city-59350': 'offline',
    });
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'firefox-overlay-group-search.png'), fullPage: true });
    await site.close();
    await popup.close();
  });
});
