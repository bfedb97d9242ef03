/// <reference types="chrome" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Observation } from '@/lib/history/observation';
import type { RefreshJob } from '@/lib/refresh/types';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
/**
 * TEST BUILD ONLY (`CIVISCOPE_GRANT_SITES=1`, see wxt.config.ts): the dataset's official websites
 * are also required host permissions, standing in for the activeTab grant of a toolbar click and
 * for a permission prompt the user accepted — neither of which headless Chromium can produce.
 */
export const SITES_GRANTED_DIR = path.join(ROOT, '.output/chrome-mv3-sites-granted');
export const SCREENSHOTS_DIR = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request that left the browser for a non-routed destination, or came from the extension. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Chromium's flags for a run with only `extensionDir` loaded and no network: background traffic off
 * (this machine refuses it) and every host name failing to resolve but localhost, so that pages
 * come only from `context.route`. Shared by the real-browser tests and the benchmarks.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  ];
}

/**
 * Starts Chromium with the built extension. No page reaches the network: the host resolver
 * fails every name, and tests serve pages for real social URLs with `context.route`.
 */
export async function launch(locale = 'fr-FR', extensionDir = EXTENSION_DIR): Promise<Browser> {
  const tmp = path.join(ROOT, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const userDataDir = mkdtempSync(path.join(tmp, 'profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    // Chromium on Linux takes its UI language (and so browser.i18n's) from the environment, not from
    // --lang, and only for the languages installed (Debian's chromium-l10n).
    env: {
      ...process.env,
      LANGUAGE: locale.replace('-', '_'),
      LC_ALL: `${locale.replace('-', '_')}.UTF-8`,
      LANG: `${locale.replace('-', '_')}.UTF-8`,
    },
    viewport: { width: 1000, height: 800 },
    args: [...chromiumArgs(extensionDir), `--lang=${locale}`],
  });
  const requests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith('data:')) requests.push(url);
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves `html` for every URL under `origin` (e.g. https://x.com). */
export async function serve(context: BrowserContext, origin: string, html: string | ((url: string) => string)) {
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: typeof html === 'string' ? html : html(route.request().url()),
    }),
  );
}

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'tests/e2e/pages', name), 'utf8');
}

export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** The badge of a tab, polled briefly because the background reads the page asynchronously. */
export async function badgeText(browser: Browser, tabId: number, expected?: string, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  do {
    text = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (expected === undefined || text === expected) return text;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  return text;
}

/** Opens the popup for a given tab, as the toolbar button would (the `tab` parameter stands in for "active tab"). */
export async function openPopup(browser: Browser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.popup');
  return popup;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the background holds the page's reading for this tab (or the wait runs out). */
export async function readingOf(browser: Browser, tabId: number, timeoutMs = 10_000): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  do {
    const value = await browser.worker.evaluate(async (id) => {
      const state = (await chrome.storage.session.get(`tab-${id}`))[`tab-${id}`] as
        | { report?: { reading?: { value?: number; problems?: string[] } } }
        | undefined;
      return state?.report?.reading ? (state.report.reading.value ?? null) : undefined;
    }, tabId);
    if (value !== undefined) return value ?? undefined;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  return undefined;
}

/** Polls `what` until `ok` holds or the time runs out; returns the last value either way. */
export async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The group refresh's job as the background stored it (lib/refresh/store.ts). */
export async function storedJob(browser: Browser): Promise<RefreshJob | undefined> {
  return browser.worker.evaluate(async () => (await chrome.storage.session.get('refresh-job'))['refresh-job'] as never);
}

/** The readings kept in this browser (lib/history/store.ts). */
export async function observations(browser: Browser): Promise<Observation[]> {
  return browser.worker.evaluate(async () => (await chrome.storage.local.get('observations')).observations as never);
}

/** The URLs of every open tab. */
export async function openTabs(browser: Browser): Promise<string[]> {
  return browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? '?'));
}
