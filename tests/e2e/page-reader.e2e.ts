import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, fixture, launch, readingOf, tabIdOf } from './harness';
import { xApp } from './pages';

// No content script: the background injects the platform's reader into account pages only
// (lib/content/README.md). What a page runs of Civiscope shows as the extension's isolated world.
const X_APP = xApp({ '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 }, '/explore': null });

interface World {
  id: number;
  origin: string;
}

/** A new page whose JavaScript worlds are watched from before its first navigation. */
async function watchedPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession; extensionWorlds: World[] }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const extensionWorlds: World[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith('chrome-extension://'))
      extensionWorlds.push({ id: context.id, origin: context.origin });
  });
  await cdp.send('Runtime.enable');
  return { page, cdp, extensionWorlds };
}

describe('the page reader in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch('fr-FR');
    await browser.context.route('https://x.com/**', (route) => {
      const strict = route.request().url().includes('csp=strict');
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: strict ? fixture('../../fixtures/pages/x-profile.html') : X_APP,
        // A page that allows no script at all, as strict as a platform could make it.
        headers: strict
          ? { 'content-security-policy': "default-src 'none'; script-src 'none'; require-trusted-types-for 'script'" }
          : {},
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a page that is not an account runs none of its code and sees nothing; an in-app navigation to an account is read', async () => {
    const { page, extensionWorlds } = await watchedPage(browser);
    const messages: string[] = [];
    // What the page's own scripts could see of the extension: nothing posted to the window.
    await page.exposeFunction('civiscopeTestMessage', (data: string) => messages.push(data));
    await page.addInitScript(() =>
      window.addEventListener('message', (e) =>
        (window as unknown as { civiscopeTestMessage(d: string): void }).civiscopeTestMessage(JSON.stringify(e.data)),
      ),
    );
    await page.goto('https://x.com/explore');
    const tabId = await tabIdOf(browser, page);
    const stored = () =>
      browser.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab-${id}`))[`tab-${id}`], tabId);
    // Long enough for anything the extension would do at load (document_idle and after).
    await page.waitForTimeout(1500);
    expect(extensionWorlds).toEqual([]);
    expect(await stored()).toBeUndefined();
    // The background still sees the tab: an in-app navigation to an account gets the reader.
    await page.click('a[href="/Paris"]');
    expect(await readingOf(browser, tabId)).toBe(1_234_567);
    expect(extensionWorlds).toHaveLength(1);
    expect(messages).toEqual([]);
    await page.close();
  });

  it('an account page gets its own platform’s reader once, out of the page’s reach, and is read', async () => {
    const { page, cdp, extensionWorlds } = await watchedPage(browser);
    await page.goto('https://x.com/Paris');
    expect(await readingOf(browser, await tabIdOf(browser, page))).toBe(1_234_567);
    expect(extensionWorlds).toHaveLength(1);
    const [world] = extensionWorlds;
    const evaluate = async (expression: string, contextId?: number) =>
      (
        (await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true })) as {
          result: { value: unknown };
        }
      ).result.value;
    expect(await evaluate('globalThis.__civiscopeReader?.platform', world?.id)).toBe('x');
    // The page's own world has no trace of it.
    expect(await evaluate('typeof globalThis.__civiscopeReader')).toBe('undefined');
    await page.close();
  });

  it('offers the page nothing to fetch at the extension’s address (no probing for the extension)', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/explore');
    const status = await page.evaluate(async (id) => {
      try {
        return (await fetch(`chrome-extension://${id}/reader-x.js`)).status;
      } catch {
        return 'blocked';
      }
    }, browser.extensionId);
    expect(status).toBe('blocked');
    await page.close();
  });

  it('reads a page whose Content-Security-Policy allows no script', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/elysee?csp=strict');
    expect(await readingOf(browser, await tabIdOf(browser, page))).toBe(4420);
    await page.close();
  });
});
