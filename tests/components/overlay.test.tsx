import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import { bundledIndex } from '@/lib/dataset/bundled';
import { indexDataset } from '@/lib/dataset/lookup';
import { type Lang, translator } from '@/lib/i18n';
import { applyOverlay } from '@/lib/overlay/apply';
import type { OverlayEnv } from '@/lib/overlay/browser-env';
import { EMPTY_OVERLAY } from '@/lib/overlay/overlay';
import type { SiteScan } from '@/lib/overlay/site-scan';
import { loadOverlay } from '@/lib/overlay/store';
import type { Overlay } from '@/lib/overlay/types';
import { detectAccount } from '@/lib/platforms/registry';
import type { PopupData } from '@/lib/popup/popup-data';
import { resolvePopupModel } from '@/lib/popup/popup-model';

const NOW = new Date('2026-11-30T10:00:00Z');
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ');

/** Popup data as loadPopupData builds it, from the bundled dataset merged with `overlay`. */
function data(url: string, overlay: Overlay = EMPTY_OVERLAY, lang: Lang = 'fr', skipped = 0): PopupData {
  const applied = applyOverlay(bundledIndex().dataset, overlay, lang);
  const index = indexDataset(applied.dataset);
  const model = resolvePopupModel(index, url, null, detectAccount);
  return {
    index,
    tabId: 7,
    model,
    observations: [],
    skippedObservations: 0,
    cohort: 'study',
    now: NOW,
    overlay: { overlay, skipped, conflicts: applied.conflicts },
    profileUrl: model.kind === 'unlisted' ? `https://x.com/${model.account.key}` : undefined,
  };
}

/** What reading www.paris.fr could give: Paris's listed X account, a new TikTok, and another Facebook page. */
const PARIS_SCAN: SiteScan = {
  pageUrl: 'https://www.paris.fr/',
  readAt: NOW.toISOString(),
  candidates: [
    { platform: 'x', key: 'paris', url: 'https://x.com/paris', primary: true },
    { platform: 'tiktok', key: 'paris', url: 'https://www.tiktok.com/@paris', primary: true },
    { platform: 'threads', key: 'paris', url: 'https://www.threads.net/@paris', primary: true },
    { platform: 'facebook', key: 'parisjetaime', url: 'https://www.facebook.com/parisjetaime', primary: true },
    { platform: 'youtube', key: '@office-tourisme', url: 'https://www.youtube.com/@office-tourisme', primary: false },
  ],
  absent: ['dailymotion', 'flickr', 'mastodon'],
  participation: [],
};
/**
 * The same page with participation links, as lib/discovery gives them: the participatory budget the
 * dataset lists (written without its trailing slash) and a platform it does not.
 */
const PARIS_PARTICIPATION: SiteScan['participation'] = [
  { url: 'https://budgetparticipatif.paris.fr/bp', label: 'Budget participatif', where: 'header' },
  { url: 'https://decider.paris.fr/decider/', label: 'Décider ensemble', where: 'footer' },
];

function env(
  over: Partial<OverlayEnv['groupSearch']> = {},
  scan: SiteScan = PARIS_SCAN,
): OverlayEnv & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    scanTab: async () => scan,
    groupSearch: {
      requestOrigins: (origins) => {
        asked.push(origins);
        return Promise.resolve(true);
      },
      fetch: (async () => new Response('')) as typeof fetch,
      parse: () => ({ candidates: [], participation: [] }),
      delayMs: 0,
      ...over,
    },
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe.each<Lang>(['fr', 'en'])('the user’s additions in the popup (%s)', (lang) => {
  const fr = lang === 'fr';

  it('on an official site: lists the accounts found with their status, adds one, adds all, records absences', async () => {
    render(<App data={data('https://www.paris.fr/', EMPTY_OVERLAY, lang)} lang={lang} env={env()} />);
    const list = await screen.findByTestId('found-accounts');
    expect(text(screen.getByTestId('site-accounts'))).toContain(
      fr ? 'Comptes trouvés sur ce site' : 'Accounts found on this site',
    );
    // Only primaries are listed: the tourist office's YouTube is not Paris's.
    expect(
      [...list.querySelectorAll('li')].map(
        (li) => `${li.getAttribute('data-testid')}:${li.getAttribute('data-status')}`,
      ),
    ).toEqual(['found-x:listed', 'found-tiktok:new', 'found-threads:new', 'found-facebook:conflict']);
    expect(text(screen.getByTestId('found-facebook'))).toContain(
      fr ? 'différent du référentiel (paris)' : 'differs from the benchmark (paris)',
    );
    expect(screen.queryByTestId('add-x')).toBeNull();

    fireEvent.click(screen.getByTestId('add-tiktok'));
    await waitFor(async () => expect((await loadOverlay()).overlay.accounts).toHaveLength(1));
    expect((await loadOverlay()).overlay.accounts[0]).toEqual({
      entityId: 'city-75056',
      platform: 'tiktok',
      key: 'paris',
      url: 'https://www.tiktok.com/@paris',
      confidence: 'confirmed',
      source: { kind: 'official-site', url: 'https://www.paris.fr/', readAt: NOW.toISOString() },
    });
    // "Add all" takes what is new and not added yet: Threads only (the conflict needs a choice of its own).
    await waitFor(() => expect(screen.queryByTestId('add-all')).toBeNull());
    fireEvent.click(screen.getByTestId('add-threads'));
    fireEvent.click(screen.getByTestId('record-absent'));
    await waitFor(async () => expect((await loadOverlay()).overlay.absences).toHaveLength(3));
    expect((await loadOverlay()).overlay.accounts.map((a) => a.platform)).toEqual(['tiktok', 'threads']);
  });

  it('"Add all" adds every new primary at once', async () => {
    render(<App data={data('https://www.paris.fr/', EMPTY_OVERLAY, lang)} lang={lang} env={env()} />);
    fireEvent.click(await screen.findByTestId('add-all'));
    await waitFor(async () =>
      expect((await loadOverlay()).overlay.accounts.map((a) => a.platform)).toEqual(['tiktok', 'threads']),
    );
  });

  it('lists the participatory platforms found, marks the one the dataset lists, adds the other', async () => {
    const t = translator(lang);
    render(
      <App
        data={data('https://www.paris.fr/', EMPTY_OVERLAY, lang)}
        lang={lang}
        env={env({}, { ...PARIS_SCAN, participation: PARIS_PARTICIPATION })}
      />,
    );
    const section = await screen.findByTestId('site-participation');
    expect(text(section)).toContain(
      fr ? 'Plateformes participatives trouvées sur ce site' : 'Participatory platforms found on this site',
    );
    const items = [...screen.getByTestId('found-participation').querySelectorAll('li')];
    expect(items.map((li) => [li.querySelector('a')?.getAttribute('href'), li.getAttribute('data-status')])).toEqual([
      ['https://budgetparticipatif.paris.fr/bp', 'listed'],
      ['https://decider.paris.fr/decider/', 'new'],
    ]);
    expect(text(items[0] ?? null)).toContain(fr ? 'déjà répertoriée' : 'already listed');
    expect(
      screen.queryByRole('button', { name: t('overlay.participation.add', { url: 'budgetparticipatif.paris.fr/bp' }) }),
    ).toBeNull();

    fireEvent.click(
      screen.getByRole('button', { name: t('overlay.participation.add', { url: 'decider.paris.fr/decider' }) }),
    );
    await waitFor(async () => expect((await loadOverlay()).overlay.participation).toHaveLength(1));
    expect((await loadOverlay()).overlay.participation).toEqual([
      {
        entityId: 'city-75056',
        url: 'https://decider.paris.fr/decider/',
        source: { kind: 'official-site', url: 'https://www.paris.fr/', readAt: NOW.toISOString() },
      },
    ]);
    await waitFor(() => expect(text(items[1] ?? null)).toContain(fr ? 'Ajouté' : 'Added'));
    // The accounts found are untouched by it.
    expect((await loadOverlay()).overlay.accounts).toEqual([]);
  });

  it('a platform already in the overlay is listed; a page with a platform and no account still shows it', async () => {
    const overlay: Overlay = {
      ...EMPTY_OVERLAY,
      participation: [
        {
          entityId: 'city-75056',
          url: 'https://decider.paris.fr/decider/',
          source: { kind: 'official-site', url: 'https://www.paris.fr/', readAt: '2026-11-29T09:00:00.000Z' },
        },
      ],
    };
    render(
      <App
        data={data('https://www.paris.fr/', overlay, lang)}
        lang={lang}
        env={env({}, { ...PARIS_SCAN, candidates: [], absent: [], participation: PARIS_PARTICIPATION })}
      />,
    );
    await screen.findByTestId('site-participation');
    expect(screen.getByTestId('site-none')).toBeTruthy();
    expect(
      [...screen.getByTestId('found-participation').querySelectorAll('li')].map((li) => li.getAttribute('data-status')),
    ).toEqual(['listed', 'listed']);
    expect(screen.queryAllByRole('button', { name: /decider|budgetparticipatif/ })).toEqual([]);
  });

  it('says so when the page could not be read, or names no account', async () => {
    const failing: OverlayEnv = {
      ...env(),
      scanTab: () => Promise.reject(new Error('Cannot access contents of the page')),
    };
    render(<App data={data('https://www.paris.fr/', EMPTY_OVERLAY, lang)} lang={lang} env={failing} />);
    expect(text(await screen.findByRole('alert'))).toContain('Cannot access contents of the page');
    cleanup();
    render(
      <App
        data={data('https://www.paris.fr/', EMPTY_OVERLAY, lang)}
        lang={lang}
        env={env({}, { ...PARIS_SCAN, candidates: [], absent: [] })}
      />,
    );
    expect(text(await screen.findByTestId('site-none'))).toContain(fr ? 'Aucun compte' : 'No social media account');
  });

  it('adds an unlisted account by hand: the look-alike hint pre-selects the institution; search finds others', async () => {
    // @Pariss resembles Paris's listed @Paris.
    render(<App data={data('https://x.com/Pariss', EMPTY_OVERLAY, lang)} lang={lang} env={env()} />);
    fireEvent.click(screen.getByTestId('hand-open'));
    expect((screen.getByTestId('hand-option-city-75056') as HTMLInputElement).checked).toBe(true);
    fireEvent.input(screen.getByTestId('hand-query'), { target: { value: 'SAINT etienne' } });
    fireEvent.click(screen.getByTestId('hand-option-city-42218'));
    fireEvent.click(screen.getByTestId('hand-confirm'));
    expect(text(await screen.findByTestId('hand-done'))).toContain('Saint-Étienne');
    const [added] = (await loadOverlay()).overlay.accounts;
    expect(added).toMatchObject({
      entityId: 'city-42218',
      platform: 'x',
      key: 'pariss',
      url: 'https://x.com/pariss',
      confidence: 'user',
      source: { kind: 'user' },
    });
  });

  it('shows each addition with its source, removes one, and counts unreadable entries', async () => {
    const overlay: Overlay = {
      ...EMPTY_OVERLAY,
      accounts: [
        {
          entityId: 'city-59350',
          platform: 'x',
          key: 'lille',
          url: 'https://x.com/lille',
          confidence: 'confirmed',
          source: { kind: 'official-site', url: 'https://www.lille.fr/', readAt: '2026-11-29T09:00:00Z' },
        },
        {
          entityId: 'city-59350',
          platform: 'tiktok',
          key: 'villedelille',
          url: 'https://www.tiktok.com/@villedelille',
          confidence: 'user',
          source: { kind: 'user', addedAt: '2026-11-30T09:00:00Z' },
        },
      ],
      absences: [
        { entityId: 'city-59350', platform: 'flickr', url: 'https://www.lille.fr/', checkedAt: '2026-11-29T09:00:00Z' },
      ],
    };
    const { overlayItem } = await import('@/lib/overlay/store');
    await overlayItem.setValue(overlay);
    render(<App data={data('https://www.lille.fr/', overlay, lang, 2)} lang={lang} env={env()} />);
    const rows = screen.getAllByTestId('overlay-account').map(text);
    expect(rows[0]).toContain(
      fr
        ? 'trouvé sur le site officiel lille.fr (29 novembre 2026)'
        : 'found on the official website lille.fr (29 November 2026)',
    );
    expect(rows[1]).toContain(fr ? 'ajouté par vous (30 novembre 2026)' : 'added by you (30 November 2026)');
    expect(text(screen.getByTestId('overlay-absence'))).toContain(
      fr ? 'Flickr : aucun compte sur lille.fr' : 'Flickr: no account on lille.fr',
    );
    expect(text(screen.getByTestId('overlay-skipped'))).toContain('2');
    fireEvent.click(screen.getAllByTestId('overlay-remove')[1] as HTMLElement);
    await waitFor(async () => expect((await loadOverlay()).overlay.accounts.map((a) => a.key)).toEqual(['lille']));
  });

  it('an added account is listed like a bundled one, with "added by you" as its confidence and source', async () => {
    const overlay: Overlay = {
      ...EMPTY_OVERLAY,
      accounts: [
        {
          entityId: 'city-59350',
          platform: 'x',
          key: 'lille',
          url: 'https://x.com/lille',
          confidence: 'user',
          source: { kind: 'user', addedAt: '2026-11-30T09:00:00Z' },
        },
      ],
    };
    render(<App data={data('https://x.com/lille', overlay, lang)} lang={lang} env={env()} />);
    expect(screen.getByTestId('state-listed')).toBeTruthy();
    expect(text(screen.getByTestId('entity-name'))).toContain('Lille');
    expect(text(screen.getByTestId('confidence'))).toBe(
      fr ? 'ajouté par vous dans ce navigateur' : 'added by you in this browser',
    );
    expect(text(screen.getByTestId('entity-name').closest('header'))).toContain(
      fr ? 'ajouté par vous' : 'added by you',
    );
  });

  it('a conflict is shown and the user chooses: keep the benchmark’s, or use mine', async () => {
    const mine = {
      entityId: 'city-75056',
      platform: 'x' as const,
      key: 'paris_officiel',
      url: 'https://x.com/paris_officiel',
      confidence: 'confirmed' as const,
      source: { kind: 'official-site' as const, url: 'https://www.paris.fr/', readAt: '2026-11-29T09:00:00Z' },
    };
    const overlay = { ...EMPTY_OVERLAY, accounts: [mine] };
    const { overlayItem } = await import('@/lib/overlay/store');
    await overlayItem.setValue(overlay);
    render(<App data={data('https://x.com/Paris', overlay, lang)} lang={lang} env={env()} />);
    // Until the user chooses, the benchmark's account stays what the popup shows.
    expect(screen.getByTestId('state-listed')).toBeTruthy();
    expect(text(screen.getByTestId('overlay-conflict'))).toContain(
      fr ? 'Conflit : X de Paris' : 'Conflict: X of Paris',
    );
    fireEvent.click(screen.getByTestId('conflict-mine'));
    await waitFor(async () => expect((await loadOverlay()).overlay.accounts[0]?.replaces).toEqual(['paris']));
    fireEvent.click(screen.getByTestId('conflict-keep'));
    await waitFor(async () => expect((await loadOverlay()).overlay.accounts).toEqual([]));
  });

  it('group search: asks for exactly the group’s sites, in the click; refused → says so, fetches nothing', async () => {
    let fetched = 0;
    const refusing = env({
      requestOrigins: (origins) => {
        refusing.asked.push(origins);
        return Promise.resolve(false);
      },
      fetch: (async () => {
        fetched++;
        return new Response('');
      }) as typeof fetch,
    });
    render(<App data={data('https://www.paris.fr/', EMPTY_OVERLAY, lang)} lang={lang} env={refusing} />);
    fireEvent.click(screen.getByTestId('group-search-start'));
    // Asked synchronously, inside the click.
    expect(refusing.asked).toHaveLength(1);
    expect(refusing.asked[0]).toContain('https://www.paris.fr/*');
    expect(refusing.asked[0]?.every((o) => /^https?:\/\/[^/*]+\/\*$/.test(o))).toBe(true);
    expect(refusing.asked[0]).not.toContain('https://www.iledefrance.fr/*');
    expect(text(await screen.findByTestId('group-search-refused'))).toContain(
      fr ? 'Permission refusée' : 'Permission refused',
    );
    expect(fetched).toBe(0);
    // And per institution, in words.
    expect(text(screen.getByTestId('outcome-city-75056'))).toContain(
      fr ? 'pas de permission pour ce site' : 'no permission for this site',
    );
  });

  it('group search: progress, results per institution in words, and "add all primaries"', async () => {
    const pages: Record<string, string> = {
      'www.toulouse.fr': 'tiktok:toulouse',
      'www.nice.fr': 'x:nice',
      // No account on Paris's page, but a participatory platform.
      'www.paris.fr': 'participation:https://decider.paris.fr/',
    };
    const web = env({
      fetch: (async (input: RequestInfo | URL) => {
        const url = String(input);
        const host = new URL(url).hostname;
        const r =
          host === 'www.lille.fr'
            ? new Response('', { status: 503 })
            : new Response(pages[host] ?? '', { headers: { 'content-type': 'text/html' } });
        Object.defineProperty(r, 'url', { value: url });
        return r;
      }) as typeof fetch,
      parse: (html) =>
        html.startsWith('participation:')
          ? { candidates: [], participation: [{ url: html.slice('participation:'.length), where: 'footer' }] }
          : {
              candidates: html
                ? [
                    {
                      platform: html.split(':')[0] as 'x',
                      key: html.split(':')[1] ?? '',
                      url: `https://example/${html}`,
                      primary: true,
                    },
                  ]
                : [],
              participation: [],
            },
    });
    render(<App data={data('https://x.com/Paris', EMPTY_OVERLAY, lang)} lang={lang} env={web} />);
    fireEvent.click(screen.getByTestId('group-search-start'));
    expect(screen.getByTestId('group-search-progress')).toBeTruthy();
    await screen.findByTestId('group-search-finished', {}, { timeout: 5000 });
    expect(screen.getByTestId('outcome-city-59350').getAttribute('data-kind')).toBe('http');
    expect(text(screen.getByTestId('outcome-city-59350'))).toContain('503');
    expect(text(screen.getByTestId('outcome-city-31555'))).toContain(fr ? 'comptes trouvés : 1' : 'accounts found: 1');
    expect(text(screen.getByTestId('outcome-city-75056'))).toContain(fr ? 'aucun compte trouvé' : 'no account found');
    // The participatory platform Paris's page links is listed under it, to add on its own.
    const paris = within(screen.getByTestId('outcome-city-75056'));
    fireEvent.click(
      paris.getByRole('button', {
        name: fr
          ? 'Ajouter la plateforme participative decider.paris.fr'
          : 'Add the participatory platform decider.paris.fr',
      }),
    );
    await waitFor(async () =>
      expect((await loadOverlay()).overlay.participation?.map((p) => `${p.entityId} ${p.url}`)).toEqual([
        'city-75056 https://decider.paris.fr/',
      ]),
    );
    fireEvent.click(screen.getByTestId('group-add-all'));
    await waitFor(async () =>
      expect((await loadOverlay()).overlay.accounts.map((a) => `${a.entityId} ${a.platform}:${a.key}`).sort()).toEqual([
        'city-06088 x:nice',
        'city-31555 tiktok:toulouse',
      ]),
    );
  });
});
