import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import { groupTargets } from '@/lib/overlay/group-search';
import { type Browser, badgeText, launch, openPopup, SITES_GRANTED_DIR, screenshot, serve, tabIdOf } from './harness';
import { HOMEPAGES } from './homepages';
import { xApp } from './pages';

/*
 * The user's additions in a real Chromium. What a headless browser cannot do, and what stands in:
 * - activeTab is granted by a real toolbar click only. The popup is opened as a page with ?tab=<id>
 *   (as in every e2e test), and the TEST BUILD (.output/chrome-mv3-sites-granted, see wxt.config.ts)
 *   holds the official sites as host permissions, so `scripting.executeScript` into the site's tab is
 *   allowed as activeTab would allow it. Covered: the injection, the extraction in the popup with
 *   DOMParser, statuses, Add / Add all, storage, the background's rebuild, badge and comparison.
 *   Not covered: that Chrome grants activeTab on the click (a browser guarantee).
 * - The permission prompt cannot be shown or answered headless (measured: the request stays pending).
 *   "Granted" uses the test build, where the sites are already granted, so permissions.request answers
 *   true at once; "refused" runs the normal build and shows that the click really asks (the request is
 *   pending) and nothing is fetched meanwhile, then answers "no" for the dialog by replacing
 *   chrome.permissions.request in the popup page.
 */

const X_APP = xApp({
  '/VilledeNice': { handle: 'VilledeNice', name: 'Ville de Nice', followers: 164_321 },
  '/Pariss': { handle: 'Pariss', name: 'Pariss', followers: 12 },
  '/RegionGPE': { handle: 'RegionGPE', name: 'Région Guadeloupe', followers: 45_678 },
  '/Paris': { handle: 'Paris', name: 'Paris', followers: 1_234_567 },
});

const NANTES =
  '<main><h1>Nantes</h1></main><footer><p>Suivez-nous</p><a href="https://www.instagram.com/nantesfr/">Instagram</a></footer>';
const PARIS = '<main><h1>Paris</h1></main><footer><p>Suivez-nous</p><a href="https://x.com/Paris">X</a></footer>';
/** Every city site the group search reads (from the dataset: it grows). */
const CITY_TARGETS = groupTargets(BUNDLED.entities, 'city', 'fr');
const origin = (url: string) => new URL(url).origin;
/** The city sites this test serves, how each answers, and what the popup must say about it; the others are unreachable. */
const CITY_SITES: [origin: string, entityId: string, kind: string][] = [
  ['https://www.nice.fr', 'city-06088', 'found'],
  ['https://www.marseille.fr', 'city-13055', 'http'],
  ['https://www.toulouse.fr', 'city-31555', 'found'],
  ['https://www.bordeaux.fr', 'city-33063', 'found'],
  ['https://www.montpellier.fr', 'city-34172', 'redirect'],
  ['https://metropole.nantes.fr', 'city-44109', 'found'],
  ['https://www.lille.fr', 'city-59350', 'found'],
  ['https://www.strasbourg.eu', 'city-67482', 'nothing'],
  ['http://www.lyon.fr', 'city-69123', 'offline'],
  ['https://www.paris.fr', 'city-75056', 'found'],
];

async function routeSites(browser: Browser): Promise<void> {
  for (const home of HOMEPAGES) await serve(browser.context, home.origin, home.html);
  await serve(browser.context, 'https://metropole.nantes.fr', NANTES);
  await serve(browser.context, 'https://www.paris.fr', PARIS);
  await serve(browser.context, 'https://www.strasbourg.eu', '<main><p>Bienvenue</p></main>');
  await serve(browser.context, 'https://www.montpellier3m.fr', NANTES);
  await browser.context.route('https://www.marseille.fr/**', (route) =>
    route.fulfill({ status: 500, contentType: 'text/html', body: 'Erreur' }),
  );
  await browser.context.route('https://www.montpellier.fr/**', (route) =>
    route.fulfill({ status: 302, headers: { location: 'https://www.montpellier3m.fr/' }, body: '' }),
  );
  await browser.context.route('http://www.lyon.fr/**', (route) => route.abort('internetdisconnected'));
  await serve(browser.context, 'https://x.com', X_APP);
}

async function overlayIn(
  browser: Browser,
): Promise<{ accounts: { entityId: string; platform: string; key: string }[] }> {
  return browser.worker.evaluate(async () => {
    const stored = (await chrome.storage.local.get('overlay')).overlay as { accounts?: [] } | undefined;
    return { accounts: stored?.accounts ?? [] };
  });
}

async function popupOnSite(browser: Browser, origin: string): Promise<{ site: Page; popup: Page }> {
  const site = await browser.context.newPage();
  await site.goto(`${origin}/`);
  const popup = await openPopup(browser, await tabIdOf(browser, site));
  await popup.waitForSelector('[data-testid="found-accounts"], [data-testid="site-none"], [role="alert"]');
  return { site, popup };
}

const rows = (popup: Page, scope = '[data-testid="site-accounts"]') =>
  popup.$$eval(`${scope} [data-testid="found-accounts"] li`, (lis) =>
    lis.map((li) => `${li.getAttribute('data-testid')?.replace('found-', '')}:${li.getAttribute('data-status')}`),
  );

describe('the user’s additions in Chromium (test build with the sites granted)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch('fr-FR', SITES_GRANTED_DIR);
    await routeSites(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(HOMEPAGES.map((h) => [h.origin, h] as const))(
    'the popup on %s lists the accounts the page links',
    async (_origin, home) => {
      const { site, popup } = await popupOnSite(browser, home.origin);
      expect(await popup.textContent('h2#site-accounts-title')).toBe('Comptes trouvés sur ce site');
      const found = await rows(popup);
      expect(found.map((r) => r.split(':')[0]).sort()).toEqual(home.primaries.map((p) => p.split(':')[0]).sort());
      await site.close();
      await popup.close();
    },
  );

  it('statuses: listed, new, and a different account than the benchmark’s', async () => {
    const nice = await popupOnSite(browser, 'https://www.nice.fr');
    expect(await rows(nice.popup)).toEqual(
      expect.arrayContaining(['x:new', 'facebook:listed', 'instagram:listed', 'youtube:new']),
    );
    await screenshot(nice.popup, 'overlay-site-nice-fr');
    const bordeaux = await popupOnSite(browser, 'https://www.bordeaux.fr');
    expect(await rows(bordeaux.popup)).toEqual(expect.arrayContaining(['x:listed', 'facebook:conflict']));
    for (const p of [nice, bordeaux]) {
      await p.site.close();
      await p.popup.close();
    }
  });

  it('"Ajouter": an account found on the site is then recognised, badged, read and compared like a bundled one', async () => {
    // The account's tab is open before it is added: the background must pick the change up by itself.
    const account = await browser.context.newPage();
    await account.goto('https://x.com/VilledeNice');
    const accountTab = await tabIdOf(browser, account);
    await account.waitForTimeout(500);
    expect(await badgeText(browser, accountTab)).toBe('');

    const { site, popup } = await popupOnSite(browser, 'https://www.nice.fr');
    await popup.click('[data-testid="add-x"]');
    await expect
      .poll(async () => (await overlayIn(browser)).accounts.map((a) => `${a.entityId} ${a.platform}:${a.key}`))
      .toContain('city-06088 x:villedenice');
    // The platforms the page links to no account on: absent as of today, in the presence table below.
    await popup.click('[data-testid="record-absent"]');
    // Badged without reloading the page: a rank among the cities, or the group code.
    await expect.poll(() => badgeText(browser, accountTab), { timeout: 10_000 }).toMatch(/^(#\d+|VILLE)$/);

    // A fresh visit: read, recognised, compared, with its source shown.
    await account.reload();
    const compared = await openPopup(browser, accountTab);
    await compared.waitForSelector('[data-testid="live-value"]');
    expect(await compared.textContent('[data-testid="entity-name"]')).toContain('Nice');
    expect((await compared.textContent('[data-testid="live-value"]'))?.replace(/\D/g, '')).toBe('164321');
    expect(await compared.textContent('[data-testid="confidence"]')).toBe('confirmé par le site de l’institution');
    await compared.click('[data-testid="confidence"]');
    expect(await compared.textContent('header.account')).toContain('trouvé sur le site officiel nice.fr');
    expect(await compared.$('[data-testid="cohort-bars"] li[data-entity="city-06088"]')).not.toBeNull();
    const states = await compared.$$eval('[data-testid="presence"] tbody tr', (trs) =>
      trs.map((tr) => `${tr.querySelector('th')?.textContent}:${tr.getAttribute('data-state')}`),
    );
    expect(states).toEqual(expect.arrayContaining(['X:present', 'Facebook:present', 'TikTok:absent', 'Flickr:absent']));
    await compared.click('details.presence > summary');
    await screenshot(compared, 'overlay-added-account-compared-fr');
    for (const p of [account, site, popup, compared]) await p.close();
  });

  it('"Tout ajouter" adds every new account of the page', async () => {
    const { site, popup } = await popupOnSite(browser, 'https://www.lille.fr');
    await popup.click('[data-testid="add-all"]');
    await expect
      .poll(async () =>
        (await overlayIn(browser)).accounts
          .filter((a) => a.entityId === 'city-59350')
          .map((a) => a.platform)
          .sort(),
      )
      .toEqual(['facebook', 'instagram', 'x']);
    await site.close();
    await popup.close();
  });

  it('"Ajouter ce compte à…": the look-alike pre-selects, the search finds, the account is then badged', async () => {
    const lookalike = await browser.context.newPage();
    await lookalike.goto('https://x.com/Pariss');
    const hint = await openPopup(browser, await tabIdOf(browser, lookalike));
    await hint.click('[data-testid="hand-open"]');
    expect(await hint.isChecked('[data-testid="hand-option-city-75056"]')).toBe(true);
    await hint.close();
    await lookalike.close();

    const account = await browser.context.newPage();
    await account.goto('https://x.com/RegionGPE');
    const tabId = await tabIdOf(browser, account);
    const popup = await openPopup(browser, tabId);
    await popup.click('[data-testid="hand-open"]');
    await popup.fill('[data-testid="hand-query"]', 'region guadeloupe');
    await popup.click('[data-testid="hand-option-region-01"]');
    await screenshot(popup, 'overlay-add-by-hand-fr');
    await popup.click('[data-testid="hand-confirm"]');
    // The popup follows the overlay: the account it shows is now listed.
    await popup.waitForSelector('[data-testid="state-listed"]');
    expect(await popup.textContent('[data-testid="entity-name"]')).toContain('Guadeloupe');
    await expect.poll(() => badgeText(browser, tabId), { timeout: 10_000 }).toMatch(/^(#\d+|RÉG)$/);
    await account.reload();
    const listed = await openPopup(browser, tabId);
    await listed.waitForSelector('[data-testid="live-value"]');
    expect(await listed.textContent('[data-testid="confidence"]')).toBe('ajouté par vous dans ce navigateur');
    for (const p of [account, popup, listed]) await p.close();
  });

  it('group search with permission granted: progress, an outcome in words per city, "add all primaries"', async () => {
    const account = await browser.context.newPage();
    await account.goto('https://x.com/Paris');
    const popup = await openPopup(browser, await tabIdOf(browser, account));
    const before = browser.requests.length;
    await popup.click('[data-testid="group-search-start"]');
    await popup.waitForSelector('[data-testid="group-search-progress"] progress');
    expect(await popup.textContent('[data-testid="group-search-progress"]')).toMatch(
      new RegExp(`\\d+ / ${CITY_TARGETS.length} — `),
    );
    await screenshot(popup, 'overlay-group-search-progress-fr');
    await popup.waitForSelector('[data-testid="group-search-finished"]', { timeout: 40_000 });
    for (const target of CITY_TARGETS) {
      const kind = CITY_SITES.find(([, id]) => id === target.entityId)?.[2] ?? 'offline';
      expect(await popup.getAttribute(`[data-testid="outcome-${target.entityId}"]`, 'data-kind'), target.entityId).toBe(
        kind,
      );
    }
    expect(await popup.textContent('[data-testid="outcome-city-13055"]')).toContain('erreur HTTP 500');
    expect(await popup.textContent('[data-testid="outcome-city-34172"]')).toContain('redirigé vers une autre adresse');
    expect(await popup.textContent('[data-testid="outcome-city-67482"]')).toContain('aucun compte trouvé');
    expect(await popup.textContent('[data-testid="outcome-city-69123"]')).toContain('injoignable');
    // Only the group's sites were asked for, and the address one of them redirected to (the browser
    // follows the redirect, then withholds the answer: no permission for it).
    const hosts = new Set(browser.requests.slice(before).map((u) => new URL(u).origin));
    expect([...hosts].sort()).toEqual(
      [...new Set([...CITY_TARGETS.map((x) => origin(x.url)), 'https://www.montpellier3m.fr'])].sort(),
    );
    await screenshot(popup, 'overlay-group-search-done-fr');
    await popup.click('[data-testid="group-add-all"]');
    await expect
      .poll(async () => (await overlayIn(browser)).accounts.map((a) => `${a.entityId} ${a.platform}:${a.key}`))
      .toEqual(
        expect.arrayContaining([
          'city-31555 linkedin:company/ville-de-toulouse',
          'city-31555 tiktok:toulouse',
          'city-44109 instagram:nantesfr',
        ]),
      );
    await account.close();
    await popup.close();
  });

  it('group search can be cancelled', async () => {
    const account = await browser.context.newPage();
    await account.goto('https://x.com/Paris');
    const popup = await openPopup(browser, await tabIdOf(browser, account));
    await popup.click('[data-testid="group-search-start"]');
    await popup.click('[data-testid="group-search-cancel"]');
    await popup.waitForSelector('text=Recherche annulée');
    expect(await popup.$$eval('[data-kind="cancelled"]', (els) => els.length)).toBeGreaterThan(5);
    await account.close();
    await popup.close();
  });
});

describe('group search without the permission (normal build)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch('fr-FR');
    await routeSites(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const siteRequests = (from: number) =>
    browser.requests.slice(from).filter((u) => CITY_TARGETS.some((x) => u.startsWith(origin(x.url))));

  it('the click really asks the browser (the prompt is pending) and nothing is fetched meanwhile', async () => {
    const account = await browser.context.newPage();
    await account.goto('https://x.com/Paris');
    const popup = await openPopup(browser, await tabIdOf(browser, account));
    const before = browser.requests.length;
    await popup.click('[data-testid="group-search-start"]');
    await popup.waitForTimeout(1500);
    expect(await popup.textContent('[data-testid="group-search-progress"]')).toContain(`0 / ${CITY_TARGETS.length}`);
    expect(siteRequests(before)).toEqual([]);
    const granted = await browser.worker.evaluate(() =>
      chrome.permissions.contains({ origins: ['https://www.nice.fr/*'] }),
    );
    expect(granted).toBe(false);
    await account.close();
    await popup.close();
  });

  it('refused: says so in words, fetches nothing, loses nothing already stored', async () => {
    await browser.worker.evaluate(() =>
      chrome.storage.local.set({
        overlay: {
          version: 1,
          accounts: [
            {
              entityId: 'city-59350',
              platform: 'x',
              key: 'lille',
              url: 'https://x.com/lille',
              confidence: 'user',
              source: { kind: 'user', addedAt: '2026-11-30T10:00:00.000Z' },
            },
          ],
          absences: [],
        },
      }),
    );
    const account = await browser.context.newPage();
    await account.goto('https://x.com/Paris');
    const tabId = await tabIdOf(browser, account);
    const popup = await browser.context.newPage();
    // Stands in for the user answering "no" to the dialog headless Chromium cannot show.
    await popup.addInitScript(() => {
      chrome.permissions.request = ((_p: unknown, callback?: (granted: boolean) => void) => {
        callback?.(false);
        return Promise.resolve(false);
      }) as typeof chrome.permissions.request;
    });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const before = browser.requests.length;
    await popup.click('[data-testid="group-search-start"]');
    expect(await popup.textContent('[data-testid="group-search-refused"]')).toContain('Permission refusée');
    await popup.waitForTimeout(500);
    expect(siteRequests(before)).toEqual([]);
    expect((await overlayIn(browser)).accounts.map((a) => a.key)).toEqual(['lille']);
    await screenshot(popup, 'overlay-group-search-refused-fr');
    await account.close();
    await popup.close();
  });
});
