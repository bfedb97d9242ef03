/// <reference types="chrome" />
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import { formatDate } from '@/lib/i18n/format';
import type { PeerOutcome } from '@/lib/refresh/types';
import { type Browser, launch, observations, openTabs, screenshot, storedJob, until } from './harness';
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
 * The group refresh started from the dashboard, which has no account on screen: the whole group is
 * re-read, on the same routed x.com pages as the popup's refresh (tests/e2e/refresh.e2e.ts).
 */

/** Every ministry with an X account, with the figure its page shows (null: the page shows none of its own). */
const MEMBERS = [MINISTRIES.self, ...MINISTRIES.peers].map((p) => ({
  ...p,
  followers:
    p === MINISTRIES.self ? SELF_FOLLOWERS : READABLE.includes(p) ? followersOf(MINISTRIES.peers.indexOf(p)) : null,
}));

const expectedOutcome = (entity: string): PeerOutcome['kind'] =>
  MINISTRIES.withoutAccount.includes(entity)
    ? 'no-account'
    : entity === REDIRECTED.entity
      ? 'other-account'
      : entity === LOGIN.entity || entity === SUSPENDED.entity
        ? 'unreadable'
        : 'read';

/** The ministry the dashboard builds the cohort around: the group's first with an X account (components/dashboard/GroupActions.tsx). */
const ANCHOR = BUNDLED.entities.find((e) => e.group === 'ministry' && e.accounts.some((a) => a.platform === 'x'))?.id;

describe('group refresh from the dashboard in Chromium', () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('re-reads every ministry on X, the table shows today’s figures, and the summary agrees', async () => {
    // The anchor's page is readable: the one account a refresh from the dashboard used to leave unread.
    expect(MEMBERS.find((m) => m.entity === ANCHOR)?.followers).toEqual(expect.any(Number));
    const b = await launch('fr-FR');
    browser = b;
    const requested = await routeX(b.context, ministryPages());
    await b.worker.evaluate(() => chrome.storage.local.set({ refreshDelay: 1 }));
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.getByTestId('group-ministry').click();
    await page.waitForSelector('[data-testid="group-table"][data-group="ministry"] tbody tr');

    const actions = page.getByTestId('gap-actions');
    expect(await actions.getByLabel('Plateforme à actualiser').inputValue()).toBe('x');
    await actions.getByRole('button', { name: 'Actualiser le groupe' }).click();
    // No account is on screen here: every ministry's page is to be loaded, none taken as "self".
    expect(await page.getByTestId('refresh-confirm').textContent()).toContain(
      `ouvrir une à une les pages publiques de ${MEMBERS.length} comptes du groupe sur X`,
    );
    await page.getByRole('button', { name: 'Lancer' }).click();

    const done = await until(
      () => storedJob(b),
      (j) => j !== undefined && j.status !== 'running',
    );
    expect(done?.status).toBe('done');
    // The whole cohort: the ministries with an X account, the anchor among them, and those without one.
    expect(done?.peers.map((p) => p.entity).sort()).toEqual(
      [...MEMBERS.map((m) => m.entity), ...MINISTRIES.withoutAccount].sort(),
    );
    expect(done?.peers.map((p) => [p.entity, p.outcome?.kind])).toEqual(
      done?.peers.map((p) => [p.entity, expectedOutcome(p.entity)]),
    );

    // Each ministry's page once, one at a time, in one tab that is now closed.
    const memberPaths = requested.filter((path) => MEMBERS.some((m) => `/${m.handle}` === path));
    expect([...memberPaths].sort()).toEqual(MEMBERS.map((m) => `/${m.handle}`).sort());
    expect(memberPaths).toEqual(
      done?.peers.filter((p) => p.url !== null).map((p) => new URL(p.url as string).pathname),
    );
    expect((await openTabs(b)).filter((u) => u.startsWith('https://x.com/'))).toEqual([]);

    const summary = page.getByTestId('refresh-summary');
    await summary.waitFor();
    const read = MEMBERS.filter((m) => m.followers !== null).length;
    expect(await summary.locator('p').first().textContent()).toContain(
      `${read} chiffres relus, 2 pages illisibles (connexion demandée : 1, compte suspendu ou introuvable : 1), 1 page montrant un autre compte, 1 sans compte connu`,
    );

    // Storage: a refreshed reading of today for every readable ministry, with the job's id.
    const today = new Date().toISOString().slice(0, 10);
    const refreshed = (await observations(b)).filter((o) => o.origin === 'refreshed');
    expect(refreshed.map((o) => [o.entityId, o.value]).sort()).toEqual(
      MEMBERS.filter((m) => m.followers !== null)
        .map((m) => [m.entity, m.followers])
        .sort(),
    );
    expect(refreshed.every((o) => o.jobId === done?.id && o.at.startsWith(today))).toBe(true);

    // The table, reloaded at the end of the job: each readable ministry's X figure is today's, re-read here.
    const cell = (entity: string) => page.locator(`tr[data-entity="${entity}"] td[data-platform="x"]`);
    const digits = (s: string | null) => Number((s ?? '').split('—')[0]?.replace(/\D/g, ''));
    for (const m of MEMBERS) {
      if (m.followers === null) continue;
      const figure = cell(m.entity).getByTestId('figure');
      await expect.poll(async () => digits(await figure.textContent())).toBe(m.followers);
      // The details are hidden until hover or focus; their text is there all along.
      const tip = await cell(m.entity).locator('[role="tooltip"]').textContent();
      expect(tip).toContain(formatDate(today, 'fr'));
      expect(tip).toContain('actualisé dans ce navigateur');
    }
    await screenshot(page, 'dashboard-refresh-done-fr');
  });
});
