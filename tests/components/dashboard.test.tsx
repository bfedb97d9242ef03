import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { DashboardData } from '@/lib/dashboard/load';
import { bundledIndex } from '@/lib/dataset/bundled';
import type { Observation } from '@/lib/history/observation';
import type { Lang } from '@/lib/i18n';
import { EMPTY_OVERLAY } from '@/lib/overlay/overlay';
import { loadOverlay, overlayItem } from '@/lib/overlay/store';
import type { Overlay } from '@/lib/overlay/types';

const NOW = new Date('2026-11-28T14:32:00Z');
// 42 cities × 11 platforms in happy-dom take a while on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

function data(observations: Observation[] = []): DashboardData {
  return {
    index: bundledIndex(),
    bundled: bundledIndex().dataset,
    overlay: EMPTY_OVERLAY,
    observations,
    skippedObservations: 0,
    settings: { language: 'auto', badge: true, historyLimit: 400, refreshDelay: 2.5 },
    now: NOW,
  };
}

const reading = (at: string, value: number, origin?: 'visit' | 'refreshed'): Observation => ({
  entityId: 'city-31555',
  platform: 'x',
  key: 'toulouse',
  metric: 'followers',
  value,
  precision: 'exact',
  at,
  url: 'https://x.com/Toulouse',
  ...(origin ? { origin } : {}),
});

const rowIds = () =>
  [...screen.getByTestId('group-table').querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-entity'));

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe.each<[Lang, string]>([
  ['fr', 'fr-FR'],
  ['en', 'en-GB'],
])('dashboard (%s)', (lang, locale) => {
  it('shows the 42 cities, sorts by a column with aria-sort, and filters by name ignoring accents', () => {
    render(<Dashboard data={data()} uiLocale={locale} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(lang === 'fr' ? 'Tableau de bord' : 'Dashboard');
    expect(rowIds()).toHaveLength(42);
    const header = screen.getByTestId('sort-population').closest('th') as HTMLElement;
    expect(header.getAttribute('aria-sort')).toBeNull();
    fireEvent.click(screen.getByTestId('sort-population'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(rowIds()[0]).toBe('city-75056');
    fireEvent.click(screen.getByTestId('sort-population'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(rowIds()[0]).not.toBe('city-75056');
    fireEvent.input(screen.getByTestId('table-filter'), { target: { value: 'SAINT ETIENNE' } });
    expect(rowIds()).toEqual(['city-42218']);
    fireEvent.input(screen.getByTestId('table-filter'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('study-only'));
    expect(rowIds()).toHaveLength(10);
  });

  it('shows every group, with a presence view whose shares are over the institutions known', () => {
    render(<Dashboard data={data()} uiLocale={locale} />);
    fireEvent.click(screen.getByTestId('group-minister'));
    expect(screen.getByTestId('group-table').getAttribute('data-group')).toBe('minister');
    expect(screen.queryByTestId('study-only')).toBeNull();
    fireEvent.click(screen.getByTestId('group-city'));
    const rows = screen.getByTestId('presence-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(42);
    const known = [...rows].filter(
      (r) => r.querySelector('td:nth-of-type(1)')?.getAttribute('data-state') !== 'unknown',
    );
    // Holding an account, active or unused, is being present (as in the popup's comparison).
    const holding = [...rows].filter((r) =>
      ['present', 'inactive'].includes(r.querySelector('td:nth-of-type(1)')?.getAttribute('data-state') ?? ''),
    );
    expect(screen.getByTestId('share-x').textContent).toContain(
      lang === 'fr' ? `${holding.length} sur ${known.length} connus` : `${holding.length} of ${known.length} known`,
    );
  });

  it('opens the history of an account from its figure, with origins and growth per month', async () => {
    const observations = [
      reading('2026-09-01T09:00:00Z', 190_000),
      reading('2026-10-15T09:00:00Z', 192_500, 'refreshed'),
    ];
    render(<Dashboard data={data(observations)} uiLocale={locale} />);
    expect(screen.getByTestId('history-empty')).toBeTruthy();
    const cell = screen.getByTestId('group-table').querySelector('tr[data-entity="city-31555"] [data-platform="x"]');
    fireEvent.click(cell?.querySelector('[data-testid="figure"]') as Element);
    expect(screen.getByTestId('history-chart').querySelectorAll('[data-testid="chart-point"]')).toHaveLength(4);
    const rows = [...screen.getByTestId('history-table').querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-origin'))).toEqual(['dataset', 'dataset', 'visit', 'refreshed']);
    expect(rows[3]?.querySelector('[data-testid="growth"]')?.textContent?.replace(/\s/g, '')).toBe(
      lang === 'fr' ? '+1729parmois' : '+1,729amonth',
    );
    // The rounded 2016 figure is marked.
    expect(rows[1]?.textContent).toContain('≈');
  });

  it('prints the history section alone', () => {
    const print = vi.fn(() => {
      // The stylesheet hides the other sections while printing.
      expect(document.documentElement.classList.contains('print-one')).toBe(true);
      expect(document.getElementById('history')?.classList.contains('print-target')).toBe(true);
    });
    // happy-dom has no print dialog.
    window.print = print;
    render(<Dashboard data={data()} uiLocale={locale} />);
    fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'toulouse x' } });
    fireEvent.click(screen.getByTestId('history-results').querySelector('button') as HTMLButtonElement);
    fireEvent.click(screen.getByTestId('print-history'));
    expect(print).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.classList.contains('print-one')).toBe(false);
  });

  it('finds an account by search', () => {
    render(<Dashboard data={data()} uiLocale={locale} />);
    fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'toulouse x' } });
    // One result: the singular, in both languages.
    expect(screen.getByTestId('history-results').children).toHaveLength(1);
    expect(screen.getByText(lang === 'fr' ? '1 compte trouvé' : '1 account found')).toBeTruthy();
    const button = screen.getByTestId('history-results').querySelector('button') as HTMLButtonElement;
    fireEvent.click(button);
    expect(screen.getByTestId('history-chart')).toBeTruthy();
  });

  it('refuses a history limit out of bounds and saves a good one', async () => {
    render(<Dashboard data={data()} uiLocale={locale} />);
    const input = screen.getByTestId('history-limit') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '3' } });
    fireEvent.change(input);
    await screen.findByRole('alert');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await fakeBrowser.storage.local.get('historyLimit')).historyLimit).toBeUndefined();
    fireEvent.input(input, { target: { value: '120' } });
    fireEvent.change(input);
    await waitFor(async () => expect((await fakeBrowser.storage.local.get('historyLimit')).historyLimit).toBe(120));
    expect(screen.queryByRole('alert')).toBeNull();
    const delay = screen.getByTestId('refresh-delay') as HTMLInputElement;
    fireEvent.input(delay, { target: { value: '4,5' } });
    fireEvent.change(delay);
    await waitFor(async () => expect((await fakeBrowser.storage.local.get('refreshDelay')).refreshDelay).toBe(4.5));
  });

  it('switches language when the setting changes, and stores it', async () => {
    render(<Dashboard data={data()} uiLocale={locale} />);
    const other = lang === 'fr' ? 'en' : 'fr';
    fireEvent.click(screen.getByTestId(`language-${other}`));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        other === 'fr' ? 'Tableau de bord' : 'Dashboard',
      ),
    );
    expect((await fakeBrowser.storage.local.get('language')).language).toBe(other);
    await waitFor(() => expect(document.documentElement.lang).toBe(other));
  });
});

describe('dashboard slots', () => {
  it('renders the gap-filling actions only when the features that provide them are wired', () => {
    const { unmount } = render(<Dashboard data={data()} uiLocale="fr" />);
    expect(screen.queryByTestId('gap-actions')).toBeNull();
    unmount();
    render(
      <Dashboard
        data={data()}
        uiLocale="fr"
        slots={{
          findAccountsAction: (group) => <button type="button">find {group}</button>,
          refreshGroupAction: (group) => <button type="button">refresh {group}</button>,
        }}
      />,
    );
    expect(screen.getByTestId('gap-actions').textContent).toBe('find cityrefresh city');
  });
});

describe('your data in the dashboard', () => {
  it('removes a platform checked absent from storage, then shows the overlay as stored', async () => {
    const overlay: Overlay = {
      ...EMPTY_OVERLAY,
      absences: [
        { entityId: 'city-59350', platform: 'tiktok', url: 'https://www.lille.fr/', checkedAt: '2026-11-29T09:00:00Z' },
        {
          entityId: 'city-44109',
          platform: 'bluesky',
          url: 'https://www.nantes.fr/',
          checkedAt: '2026-11-20T08:30:00Z',
        },
      ],
    };
    await overlayItem.setValue(overlay);
    // The page's reload, reduced to what this checks: the overlay as storage now holds it.
    const reload = async () => ({ ...data(), overlay: (await loadOverlay()).overlay });
    render(<Dashboard data={{ ...data(), overlay }} reload={reload} uiLocale="fr" />);
    fireEvent.click(
      screen.getByRole('button', { name: 'Retirer la vérification du 2026-11-29 : aucun compte TikTok pour Lille' }),
    );
    await waitFor(() => expect(screen.getByTestId('your-absences').querySelectorAll('tbody tr')).toHaveLength(1));
    expect((await loadOverlay()).overlay.absences).toEqual([overlay.absences[1]]);
    expect(screen.getByTestId('your-data-counts').textContent).toContain('Plateformes vérifiées absentes : 1');
  });
});

describe('popup link to the dashboard', () => {
  it('opens the options page', () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    render(
      <App
        data={{
          index: bundledIndex(),
          model: { kind: 'other' },
          observations: [],
          skippedObservations: 0,
          cohort: 'study',
          now: NOW,
        }}
        lang="fr"
      />,
    );
    fireEvent.click(screen.getByTestId('open-dashboard'));
    expect(open).toHaveBeenCalledTimes(1);
  });
});
