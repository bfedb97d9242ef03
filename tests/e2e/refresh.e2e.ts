/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';
import {
  type Browser,
  badgeText,
  launch,
  observations,
  openPopup,
  openTabs,
  readingOf,
  screenshot,
  storedJob,
  tabIdOf,
  until,
} from './harness';
import {
  followersOf,
  LOGIN,
  MINISTRIES,
  ministryPages,
  READABLE,
  REDIRECTED,
  routeX,
  SELF_FOLLOWERS,
  SUSPENDED,
} from './refresh-pages';

/**
 * Opens the popup again as a tab of the user's window. Playwright's newPage() would put it in the
 * window it saw last, which here is the refresh window (headless Chromium ignores `minimized`):
 * the refresh tab would then be a background tab of its own window, where Playwright's routing
 * of script-driven navigations proved unreliable — an artefact no user sees.
 */
async function reopenPopup(browser: Browser, tabId: number): Promise<Page> {
  const [popup] = await Promise.all([
    browser.context.waitForEvent('page'),
    browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      await chrome.tabs.create({ windowId: tab.windowId, url: chrome.runtime.getURL(`/popup.html?tab=${id}`) });
    }, tabId),
  ]);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForSelector('.popup');
  return popup;
}

describe('group refresh in Chromium', () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  /** The user's own tab on the ministry's page, read, and its popup. */
  async function setUp(delaySeconds: number): Promise<{ b: Browser; tabId: number; popup: Page; requested: string[] }> {
    const b = await launch('fr-FR');
    browser = b;
    const requested = await routeX(b.context, ministryPages());
    // The shortest delay the dashboard's setting allows where only behaviour matters.
    await b.worker.evaluate((s) => chrome.storage.local.set({ refreshDelay: s }), delaySeconds);
    const page = await b.context.newPage();
    await page.goto(MINISTRIES.self.url);
    const tabId = await tabIdOf(b, page);
    expect(await readingOf(b, tabId)).toBe(SELF_FOLLOWERS);
    return { b, tabId, popup: await openPopup(b, tabId), requested };
  }

  it('asks once, shows progress across a closed popup, then ranks every readable peer with today’s figure; the badge agrees', async () => {
    const { b, tabId, popup, requested } = await setUp(1);
    await popup.getByRole('button', { name: 'Actualiser le groupe' }).click();
    const confirm = popup.getByTestId('refresh-confirm');
    await expect
      .poll(() => confirm.textContent())
      .toMatch(
        /ouvrir une à une les pages publiques de 14 comptes .* onglet en arrière-plan, avec votre propre session, puis le fermer ; cela devrait prendre environ \d+ s\./,
      );
    await screenshot(popup, 'refresh-confirm-fr');
    const startedAt = Date.now();
    await popup.getByRole('button', { name: 'Lancer' }).click();
    await popup.getByTestId('refresh-status').waitFor();
    expect(await popup.getByTestId('refresh-status').textContent()).toMatch(/^\d+ \/ 14 — .+…$/);
    expect(await popup.getByRole('progressbar').count()).toBe(1);
    await screenshot(popup, 'refresh-progress-fr');

    // Close the popup mid-run: the job goes on; a reopened popup shows where it is.
    await until(
      () => storedJob(b),
      (j) => (j?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0) >= 3,
    );
    await popup.close();
    const reopened = await reopenPopup(b, tabId);
    const status = await reopened.getByTestId('refresh-status').textContent();
    const position = Number(/^(\d+) \/ 14/.exec(status ?? '')?.[1]);
    expect(position).toBeGreaterThanOrEqual(4);

    const done = await until(
      () => storedJob(b),
      (j) => j?.status !== 'running',
    );
    const seconds = (Date.now() - startedAt) / 1000;
    expect(done?.status).toBe('done');
    expect(done?.peers.map((p) => [p.key, p.outcome?.kind])).toEqual(
      done?.peers.map((p) => [
        p.key,
        p.key === null
          ? 'no-account'
          : p.entity === REDIRECTED.entity
            ? 'other-account'
            : [LOGIN, SUSPENDED].some((x) => x.entity === p.entity)
              ? 'unreadable'
              : 'read',
      ]),
    );
    await reopened.getByTestId('refresh-summary').waitFor();
    expect(await reopened.getByTestId('refresh-summary').locator('p').first().textContent()).toContain(
      '11 chiffres relus, 2 pages illisibles (connexion demandée : 1, compte suspendu ou introuvable : 1), 1 page montrant un autre compte, 1 sans compte connu',
    );
    await reopened.locator('[data-testid="refresh"] details summary').click();
    await screenshot(reopened, 'refresh-done-fr');

    // One page at a time, each peer once, in one tab that is now closed.
    const peerPaths = requested.filter((p) => MINISTRIES.peers.some((peer) => `/${peer.handle}` === p));
    expect(peerPaths).toEqual(MINISTRIES.peers.map((p) => `/${p.handle}`));
    expect((await openTabs(b)).filter((u) => u.startsWith('https://x.com/'))).toEqual([MINISTRIES.self.url]);

    // Every readable peer: a refreshed observation of today with the job id; nothing for the others.
    const today = new Date().toISOString().slice(0, 10);
    const kept = await observations(b);
    const refreshed = kept.filter((o) => o.origin === 'refreshed');
    expect(refreshed.map((o) => o.entityId).sort()).toEqual(READABLE.map((p) => p.entity).sort());
    expect(refreshed.every((o) => o.jobId === done?.id && o.at.startsWith(today))).toBe(true);
    expect(kept.some((o) => o.key === 'nouveaunom' || o.entityId === REDIRECTED.entity)).toBe(false);

    // The popup ranks every readable peer with today's figure, labelled as re-read in this browser.
    const bars = await reopened.locator('[data-testid="cohort-bars"] li').evaluateAll((lis) =>
      lis.map((li) => ({
        entity: li.getAttribute('data-entity'),
        date: li.getAttribute('data-date'),
        origin: li.getAttribute('data-origin'),
        value: Number(li.getAttribute('data-value')),
      })),
    );
    for (const [i, p] of MINISTRIES.peers.entries()) {
      if (!READABLE.includes(p)) continue;
      expect(bars.find((bar) => bar.entity === p.entity)).toEqual({
        entity: p.entity,
        date: today,
        origin: 'refreshed',
        value: followersOf(i),
      });
    }
    await reopened.locator(`[data-entity="${READABLE[0]?.entity}"] button`).hover();
    expect(await reopened.getByTestId('bar-details').textContent()).toContain('relu dans ce navigateur le');

    // The badge ranks the page among the same figures as the popup.
    const expected = compareAccount({
      dataset: BUNDLED,
      entityId: MINISTRIES.self.entity,
      platform: 'x',
      accountKey: MINISTRIES.self.key,
      live: { value: SELF_FOLLOWERS, metric: 'followers', precision: 'exact', readAt: new Date().toISOString() },
      observations: kept,
      cohort: 'all',
      now: new Date().toISOString(),
    });
    expect(await badgeText(b, tabId, `#${expected.rank}`)).toBe(`#${expected.rank}`);
    expect(await reopened.getByTestId('headline-rank').textContent()).toContain(String(expected.rank));
    console.log(`refresh of ${MINISTRIES.peers.length} pages with a 1 s delay: ${seconds.toFixed(1)} s`);
  });

  it('cancel mid-run closes the tab, keeps what was read, and says so', async () => {
    const { b, popup } = await setUp(1.5);
    // Consent was given before: the click starts at once.
    await b.worker.evaluate(() => chrome.storage.local.set({ 'refresh-consent': true }));
    await popup.getByRole('button', { name: 'Actualiser le groupe' }).click();
    await popup.getByTestId('refresh-status').waitFor();
    expect(await popup.getByTestId('refresh-confirm').count()).toBe(0);
    await until(
      () => storedJob(b),
      (j) => (j?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0) >= 2,
    );
    await popup.getByRole('button', { name: 'Annuler' }).click();
    const stopped = await until(
      () => storedJob(b),
      (j) => j?.status !== 'running',
      10_000,
    );
    expect(stopped?.stop).toBe('cancelled');
    await popup.getByTestId('refresh-stop').waitFor();
    expect(await popup.getByTestId('refresh-stop').textContent()).toBe(
      'Actualisation annulée ; les chiffres déjà relus sont gardés.',
    );
    const read = stopped?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0;
    expect(read).toBeGreaterThanOrEqual(2);
    expect(read).toBeLessThan(READABLE.length);
    expect((await observations(b)).filter((o) => o.origin === 'refreshed')).toHaveLength(read);
    await until(
      () => openTabs(b),
      (tabs) => tabs.filter((u) => u.startsWith('https://x.com/')).length === 1,
      5_000,
    );
    expect((await openTabs(b)).filter((u) => u.startsWith('https://x.com/'))).toEqual([MINISTRIES.self.url]);
    await screenshot(popup, 'refresh-cancelled-fr');
  });

  it('the user closing the refresh tab stops the job, keeps what was read and says so', async () => {
    const { b, popup } = await setUp(1.5);
    await b.worker.evaluate(() => chrome.storage.local.set({ 'refresh-consent': true }));
    await popup.getByRole('button', { name: 'Actualiser le groupe' }).click();
    const running = await until(
      () => storedJob(b),
      (j) => (j?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0) >= 2,
    );
    await b.worker.evaluate((id) => chrome.tabs.remove(id), running?.tabId as number);
    const stopped = await until(
      () => storedJob(b),
      (j) => j?.status !== 'running',
      10_000,
    );
    expect(stopped?.stop).toBe('tab-closed');
    await popup.getByTestId('refresh-stop').waitFor();
    expect(await popup.getByTestId('refresh-stop').textContent()).toBe(
      'L’onglet d’actualisation a été fermé : actualisation arrêtée ; les chiffres déjà relus sont gardés.',
    );
    const read = stopped?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0;
    expect(read).toBeGreaterThanOrEqual(2);
    expect((await observations(b)).filter((o) => o.origin === 'refreshed')).toHaveLength(read);
  });
});
