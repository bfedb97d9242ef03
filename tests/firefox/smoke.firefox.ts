import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xApp } from '../e2e/pages';
import { xCohort, xProfilePage } from '../e2e/refresh-pages';

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
    // The injected page reader read the figure from the page, and the background matched the account.
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

  it('refreshes a whole group: the peers’ routed pages one after another in one tab, each figure kept as re-read', async () => {
    const cohort = xCohort('ministry-culture');
    const handles = new Map(
      [cohort.self, ...cohort.peers].map((p, i) => [p.handle.toLowerCase(), 100_000 + i * 1_000]),
    );
    // The refresh opens its own tab: serve x.com for every browsing context, not one page.
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const served: string[] = [];
    const onRequest = (event: BeforeRequestSent) => {
      if (!event.isBlocked) return;
      const url = new URL(event.request.url);
      served.push(url.pathname);
      const followers = handles.get(url.pathname.slice(1).toLowerCase());
      const body =
        followers === undefined
          ? '<h1>404</h1>'
          : xProfilePage(url.pathname.slice(1), url.pathname.slice(1), followers);
      void connection
        .send('network.provideResponse', {
          request: event.request.request,
          statusCode: followers === undefined ? 404 : 200,
          reasonPhrase: 'OK',
          headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
          body: { type: 'string', value: body },
        })
        .catch(() => undefined);
    };
    connection.on('network.beforeRequestSent', onRequest);
    const intercept = (await connection.send('network.addIntercept', {
      phases: ['beforeRequestSent'],
      urlPatterns: [{ type: 'pattern', protocol: 'https', hostname: 'x.com' }],
    })) as { result: { intercept: string } };
    try {
      const page = await browser.newPage();
      await page.goto(cohort.self.url);
      const popup = await browser.newPage();
      await popup.setViewport({ width: 400, height: 600 });
      await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html`, '.popup');
      // The shortest delay the dashboard's setting allows, and the consent given before: the click starts at once.
      await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        await api.storage.local.set({ refreshDelay: 1, 'refresh-consent': true });
      });
      let tabId = '';
      await expect
        .poll(
          async () => {
            tabId = Object.entries(await storedTabs(popup)).find(([, s]) => s.url === cohort.self.url)?.[0] ?? '';
            return tabId;
          },
          { timeout: 10_000 },
        )
        .not.toBe('');
      await openExtensionPage(
        popup,
        `${EXTENSION_ORIGIN}/popup.html?tab=${tabId.slice(4)}`,
        '[data-testid="refresh"] button',
      );
      await popup.$eval('[data-testid="refresh"] button', (b) => (b as HTMLButtonElement).click());
      const job = await pollJob(popup);
      expect(job?.status).toBe('done');
      const read = job?.peers.filter((p) => p.outcome?.kind === 'read') ?? [];
      expect(read.length).toBe(cohort.peers.length);
      expect(read.length).toBeGreaterThanOrEqual(3);
      // One page after the other, each once, in the order of the cohort.
      const peerPaths = served.filter((path) => cohort.peers.some((p) => `/${p.handle}` === path));
      expect(peerPaths).toEqual(cohort.peers.map((p) => `/${p.handle}`));
      const { observations, tabs } = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        return {
          observations: (await api.storage.local.get('observations')).observations as {
            key: string;
            origin?: string;
            value: number;
          }[],
          tabs: (await api.tabs.query({})).map((t) => t.url ?? ''),
        };
      });
      expect(
        observations
          .filter((o) => o.origin === 'refreshed')
          .map((o) => o.key)
          .sort(),
      ).toEqual(cohort.peers.map((p) => p.key).sort());
      // The refresh tab is closed.
      expect(tabs.filter((u) => u.startsWith('https://x.com/'))).toEqual([cohort.self.url]);
      await popup.waitForSelector('[data-testid="refresh-summary"]');
      // The comparison redrew with every peer's re-read figure.
      await popup.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="cohort-bars"] li[data-origin="refreshed"]').length === n,
        { timeout: 5_000 },
        cohort.peers.length,
      );
      await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'firefox-refresh-done.png'), fullPage: true });
      await page.close();
      await popup.close();
    } finally {
      connection.off('network.beforeRequestSent', onRequest);
      await connection
        .send('network.removeIntercept', { intercept: intercept.result.intercept })
        .catch(() => undefined);
    }
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

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
  on(event: string, handler: (event: BeforeRequestSent) => void): void;
  off(event: string, handler: (event: BeforeRequestSent) => void): void;
}

interface BeforeRequestSent {
  isBlocked: boolean;
  request: { request: string; url: string };
}

interface StoredJob {
  status: string;
  peers: { key: string | null; outcome: { kind: string } | null }[];
}

async function pollJob(page: Page): Promise<StoredJob | undefined> {
  const deadline = Date.now() + 60_000;
  let job: StoredJob | undefined;
  do {
    job = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.storage.session.get('refresh-job'))['refresh-job'] as StoredJob | undefined;
    });
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < deadline);
  return job;
}
