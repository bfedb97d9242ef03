import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, badgeText, launch, openPopup, screenshot, serve, tabIdOf } from './harness';
import { GENERIC_PAGE as GENERIC, xApp } from './pages';

// No figures on these pages: this file is about recognition; live.e2e.ts is about reading.
const X_APP = xApp({
  '/Paris': { handle: 'Paris', name: 'Paris' },
  '/someone_else': { handle: 'someone_else', name: 'Someone' },
  '/strasbourg': { handle: 'strasbourg', name: 'Strasbourg' },
  '/explore': null,
});

describe('account recognition in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch('fr-FR');
    await serve(browser.context, 'https://x.com', X_APP);
    await serve(browser.context, 'https://www.facebook.com', GENERIC);
    await serve(browser.context, 'https://www.instagram.com', GENERIC);
    await serve(browser.context, 'https://www.paris.fr', GENERIC);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    // Paris and Toulouse have X figures in the dataset: Paris ranks first of the study's cities.
    ['https://x.com/Paris', '#1'],
    ['https://x.com/strasbourg', 'VILLE'],
    ['https://www.facebook.com/strasbourg.eu', 'VILLE'],
    ['https://www.instagram.com/paris_maville/', 'VILLE'],
  ])('badges the listed account %s', async (url, expected) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(browser, page);
    expect(await badgeText(browser, tabId, expected)).toBe(expected);
    await page.close();
  });

  it.each([
    ['an account that is not listed', 'https://x.com/someone_else'],
    ['a page of the site that is not an account', 'https://x.com/explore'],
    ['a Facebook page that is not an account', 'https://www.facebook.com/marketplace'],
  ])('shows no badge on %s', async (_what, url) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(browser, page);
    // Give the background time to see the tab, then check nothing was set.
    await page.waitForTimeout(500);
    expect(await badgeText(browser, tabId)).toBe('');
    await page.close();
  });

  it('follows in-app navigation: listed → not listed → listed → not an account', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/Paris');
    const tabId = await tabIdOf(browser, page);
    expect(await badgeText(browser, tabId, '#1')).toBe('#1');
    await page.click('a[href="/someone_else"]');
    expect(await badgeText(browser, tabId, '')).toBe('');
    await page.click('a[href="/strasbourg"]');
    expect(await badgeText(browser, tabId, 'VILLE')).toBe('VILLE');
    await page.click('a[href="/explore"]');
    expect(await badgeText(browser, tabId, '')).toBe('');
    await page.close();
  });

  it('shows the three popup states', async () => {
    const listed = await browser.context.newPage();
    await listed.goto('https://x.com/Paris');
    const listedTab = await tabIdOf(browser, listed);
    await badgeText(browser, listedTab, '#1');
    const popup = await openPopup(browser, listedTab);
    await expect.poll(() => popup.textContent('[data-testid="entity-name"]')).toContain('Paris');
    expect(await popup.textContent('[data-testid="entity-group"]')).toBe('Ville');
    await screenshot(popup, 'popup-listed-fr');

    const unlisted = await browser.context.newPage();
    await unlisted.goto('https://x.com/someone_else');
    const popup2 = await openPopup(browser, await tabIdOf(browser, unlisted));
    expect(await popup2.textContent('[data-testid="unlisted-body"]')).toContain('someone_else');
    await screenshot(popup2, 'popup-unlisted-fr');

    const other = await browser.context.newPage();
    await other.goto('https://x.com/explore');
    const popup3 = await openPopup(browser, await tabIdOf(browser, other));
    expect(await popup3.textContent('[data-testid="about-body"]')).toContain('Civiscope');
    await screenshot(popup3, 'popup-other-fr');
  });

  it('recognises a tab without a page report (e.g. opened before the install)', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/strasbourg');
    const tabId = await tabIdOf(browser, page);
    await badgeText(browser, tabId, 'VILLE');
    // Forget the tab's last page report: the popup must recognise the URL by itself.
    await browser.worker.evaluate(() => chrome.storage.session.clear());
    const popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.textContent('[data-testid="entity-name"]')).toContain('Strasbourg');
    await page.close();
  });

  it('makes no network request of its own', () => {
    const outside = browser.requests.filter(
      (u) => !/^https:\/\/(x\.com|www\.facebook\.com|www\.instagram\.com|www\.paris\.fr)\//.test(u),
    );
    expect(outside).toEqual([]);
  });
});
