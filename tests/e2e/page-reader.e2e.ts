import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, fixture, launch, readingOf, tabIdOf } from './harness';
import { xApp } from './pages';

// The page reader is a module the content script imports on account pages only (lib/content/README.md).
const X_APP = xApp({ '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 }, '/explore': null });

describe('the reader module in Chromium', () => {
  let browser: Browser;
  const readerRequests: string[] = [];
  beforeAll(async () => {
    browser = await launch('fr-FR');
    browser.context.on('request', (request) => {
      // Chrome serves a per-session address by redirecting it to the file: count the loads, not the hops.
      if (/\/reader-[a-z]+\.js$/.test(request.url()) && !request.redirectedFrom()) readerRequests.push(request.url());
    });
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

  it('is never loaded on a page that is not an account, and nothing is sent from it', async () => {
    readerRequests.length = 0;
    const page = await browser.context.newPage();
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
    // Long enough for the content script (document_idle) to have run and said anything it would say.
    await page.waitForTimeout(1500);
    expect(readerRequests).toEqual([]);
    expect(await stored()).toBeUndefined();
    expect(messages).toEqual([]);
    // The content script is there all the same: an in-app navigation to an account loads the reader.
    await page.click('a[href="/Paris"]');
    expect(await readingOf(browser, tabId)).toBe(1_234_567);
    expect(readerRequests).toHaveLength(1);
    expect(messages).toEqual([]);
    await page.close();
  });

  it('is loaded once on an account page, and reads it', async () => {
    readerRequests.length = 0;
    const page = await browser.context.newPage();
    await page.goto('https://x.com/Paris');
    expect(await readingOf(browser, await tabIdOf(browser, page))).toBe(1_234_567);
    expect(readerRequests).toHaveLength(1);
    // Chrome serves it from a per-session address, not from the extension's fixed id.
    expect(readerRequests[0]).not.toContain(browser.extensionId);
    await page.close();
  });

  it('cannot be fetched by the page at the extension’s fixed address (no probing for the extension)', async () => {
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
