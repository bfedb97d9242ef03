import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard, type DashboardSlots } from '@/components/dashboard/Dashboard';
import { FindAccountsAction, RefreshGroupAction } from '@/components/dashboard/GroupActions';
import type { DashboardData } from '@/lib/dashboard/load';
import { bundledIndex } from '@/lib/dataset/bundled';
import type { Lang } from '@/lib/i18n';
import type { GroupSearchBrowser } from '@/lib/overlay/group-search';
import { EMPTY_OVERLAY } from '@/lib/overlay/overlay';

vi.setConfig({ testTimeout: 30_000 });
const NOW = new Date('2026-11-28T14:32:00Z');

const data = (): DashboardData => ({
  index: bundledIndex(),
  bundled: bundledIndex().dataset,
  overlay: EMPTY_OVERLAY,
  observations: [],
  skippedObservations: 0,
  settings: { language: 'auto', badge: true, historyLimit: 400, refreshDelay: 2.5 },
  now: NOW,
});

// The permission is refused: nothing is fetched, and the search says so.
const env: GroupSearchBrowser = {
  requestOrigins: () => Promise.resolve(false),
  fetch: () => Promise.reject(new Error('no fetch in this test')),
  parse: () => {
    throw new Error('no parse in this test');
  },
};

const slots: DashboardSlots = {
  findAccountsAction: (group, ctx) => <FindAccountsAction group={group} ctx={ctx} env={env} />,
  refreshGroupAction: (group, ctx) => <RefreshGroupAction group={group} ctx={ctx} />,
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe.each<[Lang, string, string, string, string]>([
  [
    'fr',
    'fr-FR',
    'Chercher les comptes sur les sites officiels',
    'Actualiser le groupe',
    'les pages publiques de 15 comptes du groupe sur X',
  ],
  ['en', 'en-GB', 'Find accounts on official websites', 'Refresh the group', 'the public pages of 15 accounts'],
])('dashboard group actions (%s)', (_lang, locale, findName, refreshName, fifteenPages) => {
  it('offers the group search and the group refresh, by their accessible names', async () => {
    render(<Dashboard data={data()} uiLocale={locale} slots={slots} />);
    expect(screen.getByRole('button', { name: findName })).toBeTruthy();
    const refresh = screen.getByRole('button', { name: refreshName }) as HTMLButtonElement;
    expect(refresh.disabled).toBe(false);
    // The search asks for the sites' permission; refused, it says so and reads nothing.
    fireEvent.click(screen.getByTestId('group-search-start'));
    await waitFor(() => expect(screen.getByTestId('group-search-refused')).toBeTruthy());
  });

  it('starts the refresh of the chosen platform around the group’s first account there, after consent', async () => {
    await fakeBrowser.storage.local.set({ 'refresh-consent': true });
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation((() => Promise.resolve({ ok: false, error: 'unknown-account' })) as never);
    render(<Dashboard data={data()} uiLocale={locale} slots={slots} />);
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    expect(select.value).toBe('x');
    fireEvent.change(select, { target: { value: 'facebook' } });
    fireEvent.click(screen.getByRole('button', { name: refreshName }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    const message = send.mock.calls[0]?.[0] as unknown as {
      type: string;
      platform: string;
      entityId: string;
      cohort: string;
      withSelf?: boolean;
    };
    expect(message.type).toBe('civiscope:refresh-start');
    expect(message.platform).toBe('facebook');
    expect(message.cohort).toBe('study');
    const anchor = bundledIndex().dataset.entities.find(
      (e) => e.group === 'city' && e.accounts.some((a) => a.platform === 'facebook'),
    );
    expect(message.entityId).toBe(anchor?.id);
    // No page of that account is open here: the job re-reads it with the others.
    expect(message.withSelf).toBe(true);
  });

  it('asks to load every ministry’s X page, the one the cohort is built around included', async () => {
    render(<Dashboard data={data()} uiLocale={locale} slots={slots} />);
    fireEvent.click(screen.getByTestId('group-ministry'));
    fireEvent.click(await screen.findByRole('button', { name: refreshName }));
    // 16 current ministries, one without an X account: 15 pages, agriculture's (the anchor) among them.
    await waitFor(() => expect(screen.getByTestId('refresh-confirm').textContent).toContain(fifteenPages));
  });
});

describe('group refresh progress', () => {
  it('names in full the institution whose page is being read: « 1 / 2 — Ministère de la Culture… »', async () => {
    const culture = bundledIndex().dataset.entities.find((e) => e.id === 'ministry-culture');
    expect(culture?.name.fr).toBe('Ministère de la Culture');
    await fakeBrowser.storage.session.set({
      'refresh-job': {
        version: 1,
        id: 'job-1',
        platform: 'x',
        from: 'ministry-agriculture',
        cohort: 'all',
        startedAt: NOW.toISOString(),
        finishedAt: null,
        status: 'running',
        stop: null,
        peers: [
          { entity: 'ministry-culture', key: 'ministere_c', url: 'https://x.com/ministere_c', outcome: null },
          { entity: 'ministry-agriculture', key: 'agri_gouv', url: 'https://x.com/Agri_Gouv', outcome: null },
        ],
        current: 0,
        phase: 'loading',
        deadline: null,
        timer: 1,
        tabId: 9,
        windowId: null,
        delayMs: 2500,
        loadsLeft: 300,
        loads: 1,
        strikes: 0,
      },
    });
    render(<Dashboard data={data()} uiLocale="fr-FR" slots={slots} />);
    await waitFor(() =>
      expect(screen.getByTestId('refresh-status').textContent).toBe('1 / 2 — Ministère de la Culture…'),
    );
  });
});
