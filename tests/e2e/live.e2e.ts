import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';
import runAxe from './axe';
import { type Browser, badgeText, launch, openPopup, readingOf, screenshot, serve, tabIdOf } from './harness';
import { instagramPage, linkedinPage, xApp, youtubePage } from './pages';

const X_APP = xApp({
  '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 },
  '/Toulouse': { handle: 'Toulouse', name: 'Toulouse', followers: 2_500_000 },
  '/strasbourg': { handle: 'strasbourg', name: 'Strasbourg' },
  '/someone_else': { handle: 'someone_else', name: 'Someone', followers: 99 },
  '/GDarmanin': { handle: 'GDarmanin', name: 'Gérald Darmanin', followers: 812_345 },
});

describe.each(['fr-FR', 'en-US'])('live figures in Chromium (%s)', (locale) => {
  const lang = locale.slice(0, 2);
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(locale);
    await serve(browser.context, 'https://x.com', X_APP);
    await serve(browser.context, 'https://www.instagram.com', instagramPage('paris_maville', 'Paris', '345,678'));
    await serve(browser.context, 'https://www.linkedin.com', linkedinPage('villedeparis', 'Ville de Paris', '456,789'));
    await serve(
      browser.context,
      'https://www.youtube.com',
      youtubePage('EmmanuelMacron', 'UCabcdefghijklmnopqrstuv', '1,23 M d’abonnés', '1,23 M'),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['https://x.com/Paris', '1234567'],
    ['https://www.instagram.com/paris_maville/', '345678'],
    ['https://www.linkedin.com/company/villedeparis/', '456789'],
    ['https://www.youtube.com/@EmmanuelMacron', '1230000'],
  ])('the popup shows the figure read on %s', async (url, digits) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    await popup.waitForSelector('[data-testid="live-value"]');
    expect((await popup.textContent('[data-testid="live-value"]'))?.replace(/\D/g, '')).toBe(digits);
    await page.close();
  });

  it.each([
    ['https://x.com/Paris', 'city-75056', 'x', 'paris', 1_234_567, 'followers', 'exact'],
    [
      'https://www.instagram.com/paris_maville/',
      'city-75056',
      'instagram',
      'paris_maville',
      345_678,
      'followers',
      'exact',
    ],
    [
      'https://www.youtube.com/@EmmanuelMacron',
      'executive-macron',
      'youtube',
      '@emmanuelmacron',
      1_230_000,
      'subscribers',
      'rounded',
    ],
  ] as const)(
    'on %s the popup shows the engine’s ranking, and the badge agrees',
    async (url, entityId, platform, key, value, metric, precision) => {
      const page = await browser.context.newPage();
      await page.goto(url);
      const tabId = await tabIdOf(browser, page);
      const popup = await openPopup(browser, tabId);
      await popup.waitForSelector('[data-testid="live-value"]');
      // The same inputs the extension has: the page's figure and the dataset (peers were not read in this browser).
      const expected = compareAccount({
        dataset: BUNDLED,
        entityId,
        platform,
        accountKey: key,
        live: { value, metric, precision, readAt: new Date().toISOString() },
        now: new Date().toISOString(),
      });
      const bars = await popup.$$eval('[data-testid="cohort-bars"] li', (lis) =>
        lis.map((li) => [li.getAttribute('data-entity'), Number(li.getAttribute('data-value'))]),
      );
      expect(bars).toEqual(expected.cohort.filter((m) => m.value !== null).map((m) => [m.entity, m.value]));
      const groupCode = { city: lang === 'fr' ? 'VILLE' : 'CITY', executive: lang === 'fr' ? 'EXÉC' : 'EXEC' }[
        expected.group as 'city' | 'executive'
      ];
      const badge = expected.ranked >= 2 ? `#${expected.rank}` : groupCode;
      expect(await badgeText(browser, tabId, badge)).toBe(badge);
      expect(await popup.textContent('[data-testid="headline-rank"]')).toContain(lang === 'fr' ? 'sur' : 'of');
      await screenshot(popup, `popup-live-${platform}-${lang}`);
      await page.close();
    },
  );

  it('a minister among the ministers in office: rank from the page’s figure against the dataset’s', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/GDarmanin');
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId);
    await popup.waitForSelector('[data-testid="live-value"]');
    expect(await popup.textContent('[data-testid="entity-group"]')).toBe(lang === 'fr' ? 'Ministre' : 'Minister');
    expect(await popup.textContent('[data-testid="headline-rank"]')).toMatch(
      lang === 'fr' ? /^1er sur \d+ ministres sur X/ : /^1st of \d+ ministers on X/,
    );
    expect(await badgeText(browser, tabId, '#1')).toBe('#1');
    await screenshot(popup, `popup-minister-${lang}`);
    await page.close();
  });

  it('an in-app navigation never shows the previous account’s figure', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/Paris');
    const tabId = await tabIdOf(browser, page);
    expect(await readingOf(browser, tabId)).toBe(1_234_567);
    await page.click('a[href="/strasbourg"]');
    // Strasbourg's page shows no figure: the popup must say so, not show Paris's.
    const popup = await openPopup(browser, tabId);
    expect(await popup.textContent('[data-testid="entity-name"]')).toContain('Strasbourg');
    await popup.waitForSelector('[data-testid="live-unread"]', { timeout: 10_000 });
    expect(await popup.$('[data-testid="live-value"]')).toBeNull();
    await screenshot(popup, `popup-unread-${lang}`);
    await page.click('a[href="/Toulouse"]');
    const popup2 = await openPopup(browser, tabId);
    await popup2.waitForSelector('[data-testid="live-value"]');
    expect((await popup2.textContent('[data-testid="live-value"]'))?.replace(/\D/g, '')).toBe('2500000');
    expect(await popup2.textContent('[data-testid="entity-name"]')).toContain('Toulouse');
    await page.close();
  });

  it('the accessibility check does find a violation when there is one', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    await popup.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:,">'));
    expect((await runAxe(popup)).map((v) => v.id)).toContain('image-alt');
    await page.close();
  });

  it('every popup state passes the accessibility check', async () => {
    const cases: [string, string][] = [
      ['https://x.com/Paris', 'listed'],
      ['https://x.com/strasbourg', 'listed-unread'],
      ['https://x.com/someone_else', 'unlisted'],
      ['https://x.com/home', 'other'],
    ];
    for (const [url, name] of cases) {
      const page = await browser.context.newPage();
      await page.goto(url);
      const popup = await openPopup(browser, await tabIdOf(browser, page));
      if (name === 'listed') await popup.waitForSelector('[data-testid="live-value"]');
      if (name === 'listed-unread') await popup.waitForSelector('[data-testid="live-unread"]', { timeout: 10_000 });
      // Open every collapsible section so that the check covers them.
      await popup.$$eval('details', (ds) => {
        for (const d of ds) (d as HTMLDetailsElement).open = true;
      });
      const violations = await runAxe(popup);
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await screenshot(popup, `popup-${name}-${lang}-expanded`);
      await page.close();
    }
  });
});
