/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';
import type { Observation } from '@/lib/history/observation';
import type { RefreshJob } from '@/lib/refresh/types';
import { type Browser, badgeText, launch, openPopup, readingOf, screenshot, tabIdOf } from './harness';
import { type PageKind, routeX, xCohort } from './refresh-pages';

// The ministries on X: the cohort with the most listed accounts on one platform.
const COHORT = xCohort('ministry-culture');
const SELF_FOLLOWERS = 250_000;
const LOGIN = COHORT.peers[3] as (typeof COHORT.peers)[number];
const SUSPENDED = COHORT.peers[6] as (typeof COHORT.peers)[number];
const REDIRECTED = COHORT.peers[9] as (typeof COHORT.peers)[number];
const followersOf = (i: number) => 100_000 + i * 7_919;

/** Every peer with its own figure, and one login wall, one suspended account, one redirect to another account. */
function pages(): Record<string, PageKind> {
  const out: Record<string, PageKind> = { [`/${COHORT.self.handle}`]: { followers: SELF_FOLLOWERS } };
  COHORT.peers.forEach((p, i) => {
    out[`/${p.handle}`] =
      p === LOGIN
        ? 'login'
        : p === SUSPENDED
          ? 'suspended'
          : p === REDIRECTED
            ? { redirectTo: 'NouveauNom' }
            : { followers: followersOf(i) };
  });
  out['/NouveauNom'] = { followers: 42 };
  return out;
}
const READABLE = COHORT.peers.filter((p) => p !== LOGIN && p !== SUSPENDED && p !== REDIRECTED);

async function job(browser: Browser): Promise<RefreshJob | undefined> {
  return browser.worker.evaluate(async () => (await chrome.storage.session.get('refresh-job'))['refresh-job'] as never);
}

async function observations(browser: Browser): Promise<Observation[]> {
  return browser.worker.evaluate(async () => (await chrome.storage.local.get('observations')).observations as never);
}

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

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

async function openTabs(browser: Browser): Promise<string[]> {
  return browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? '?'));
}

describe('group refresh in Chromium', () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  /** The user's own tab on the ministry's page, read, and its popup. */
  async function setUp(delayMs: number): Promise<{ b: Browser; tabId: number; popup: Page; requested: string[] }> {
    const b = await launch('fr-FR');
    browser = b;
    const requested = await routeX(b.context, pages());
    // A short delay where only behaviour matters (the setting the user's storage would hold).
    await b.worker.evaluate((ms) => chrome.storage.local.set({ 'refresh-delay-ms': ms }), delayMs);
    const page = await b.context.newPage();
    await page.goto(COHORT.self.url);
    const tabId = await tabIdOf(b, page);
    expect(await readingOf(b, tabId)).toBe(SELF_FOLLOWERS);
    return { b, tabId, popup: await openPopup(b, tabId), requested };
  }

  it('asks once, shows progress across a closed popup, then ranks every readable peer with today’s figure; the badge agrees', async () => {
    const { b, tabId, popup, requested } = await setUp(300);
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
      () => job(b),
      (j) => (j?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0) >= 3,
    );
    await popup.close();
    const reopened = await reopenPopup(b, tabId);
    const status = await reopened.getByTestId('refresh-status').textContent();
    const position = Number(/^(\d+) \/ 14/.exec(status ?? '')?.[1]);
    expect(position).toBeGreaterThanOrEqual(4);

    const done = await until(
      () => job(b),
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
    const peerPaths = requested.filter((p) => COHORT.peers.some((peer) => `/${peer.handle}` === p));
    expect(peerPaths).toEqual(COHORT.peers.map((p) => `/${p.handle}`));
    expect((await openTabs(b)).filter((u) => u.startsWith('https://x.com/'))).toEqual([COHORT.self.url]);

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
    for (const [i, p] of COHORT.peers.entries()) {
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
      entityId: COHORT.self.entity,
      platform: 'x',
      accountKey: COHORT.self.key,
      live: { value: SELF_FOLLOWERS, metric: 'followers', precision: 'exact', readAt: new Date().toISOString() },
      observations: kept,
      cohort: 'all',
      now: new Date().toISOString(),
    });
    expect(await badgeText(b, tabId, `#${expected.rank}`)).toBe(`#${expected.rank}`);
    expect(await reopened.getByTestId('headline-rank').textContent()).toContain(String(expected.rank));
    console.log(`refresh of ${COHORT.peers.length} pages with a 300 ms delay: ${seconds.toFixed(1)} s`);
  });

  it('cancel mid-run closes the tab, keeps what was read, and says so', async () => {
    const { b, popup } = await setUp(1_500);
    // Consent was given before: the click starts at once.
    await b.worker.evaluate(() => chrome.storage.local.set({ 'refresh-consent': true }));
    await popup.getByRole('button', { name: 'Actualiser le groupe' }).click();
    await popup.getByTestId('refresh-status').waitFor();
    expect(await popup.getByTestId('refresh-confirm').count()).toBe(0);
    await until(
      () => job(b),
      (j) => (j?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0) >= 2,
    );
    await popup.getByRole('button', { name: 'Annuler' }).click();
    const stopped = await until(
      () => job(b),
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
    expect((await openTabs(b)).filter((u) => u.startsWith('https://x.com/'))).toEqual([COHORT.self.url]);
    await screenshot(popup, 'refresh-cancelled-fr');
  });

  it('the user closing the refresh tab stops the job, keeps what was read and says so', async () => {
    const { b, popup } = await setUp(1_500);
    await b.worker.evaluate(() => chrome.storage.local.set({ 'refresh-consent': true }));
    await popup.getByRole('button', { name: 'Actualiser le groupe' }).click();
    const running = await until(
      () => job(b),
      (j) => (j?.peers.filter((p) => p.outcome?.kind === 'read').length ?? 0) >= 2,
    );
    await b.worker.evaluate((id) => chrome.tabs.remove(id), running?.tabId as number);
    const stopped = await until(
      () => job(b),
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
