import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compareAccount } from '@/lib/compare';
import { parseDataset } from '@/lib/dataset';
import { indexDataset } from '@/lib/dataset/lookup';
import { applyOverlay } from '@/lib/overlay/apply';
import { addAbsences, addAccounts, EMPTY_OVERLAY, sanitizeOverlay } from '@/lib/overlay/overlay';
import { deleteAccount, loadOverlay, overlayItem, storeAbsences, storeAccounts, useMine } from '@/lib/overlay/store';
import type { Overlay, OverlayAccount } from '@/lib/overlay/types';
import { tinyDataset } from '../helpers/tiny-dataset';

const site = (over: Partial<OverlayAccount> = {}): OverlayAccount => ({
  entityId: 'city-75056',
  platform: 'instagram',
  key: 'parisjetaime',
  url: 'https://www.instagram.com/parisjetaime/',
  confidence: 'confirmed',
  source: { kind: 'official-site', url: 'https://www.paris.fr/', readAt: '2026-11-30T10:00:00.000Z' },
  ...over,
});
const byHand = (over: Partial<OverlayAccount> = {}): OverlayAccount =>
  site({ confidence: 'user', source: { kind: 'user', addedAt: '2026-11-30T11:00:00.000Z' }, ...over });
const overlayOf = (accounts: OverlayAccount[], absences: Overlay['absences'] = []): Overlay => ({
  ...EMPTY_OVERLAY,
  accounts,
  absences,
});

describe('sanitizeOverlay', () => {
  it.each<[string, unknown, number, number]>([
    ['nothing stored', undefined, 0, 0],
    ['an empty overlay', { version: 1, accounts: [], absences: [] }, 0, 0],
    ['a value that is not an overlay', 'garbage', 0, 1],
    ['an array instead of an object', [site()], 0, 1],
    ['accounts that are not a list', { version: 1, accounts: 7, absences: [] }, 0, 1],
    [
      'one good, one without key, one with a bad platform',
      { accounts: [site(), site({ key: '' }), site({ platform: 'myspace' as never })] },
      1,
      2,
    ],
    ['a bad source date', { accounts: [site({ source: { kind: 'user', addedAt: 'yesterday' } })] }, 0, 1],
    ['a javascript: URL', { accounts: [site({ url: 'javascript:alert(1)' })] }, 0, 1],
    ['a bad entity id', { accounts: [site({ entityId: 'Paris' })] }, 0, 1],
    ['a confidence the overlay never writes', { accounts: [site({ confidence: 'press' as never })] }, 0, 1],
    ['replaces that is not a list of keys', { accounts: [site({ replaces: 'paris' as never })] }, 0, 1],
  ])('%s', (_what, raw, kept, skipped) => {
    const result = sanitizeOverlay(raw);
    expect(result.overlay.accounts).toHaveLength(kept);
    expect(result.skipped).toBe(skipped);
  });
  it('keeps good absences beside corrupted ones', () => {
    const good = {
      entityId: 'city-75056',
      platform: 'tiktok',
      url: 'https://www.paris.fr/',
      checkedAt: '2026-11-30T10:00:00Z',
    };
    const { overlay, skipped } = sanitizeOverlay({ accounts: [], absences: [good, { ...good, checkedAt: 12 }, null] });
    expect(overlay.absences).toEqual([good]);
    expect(skipped).toBe(2);
  });
});

describe('overlay edits', () => {
  it('adding the same account twice keeps one (the newest); an account clears the absence it answers', () => {
    let o = addAbsences(EMPTY_OVERLAY, [
      {
        entityId: 'city-75056',
        platform: 'instagram',
        url: 'https://www.paris.fr/',
        checkedAt: '2026-11-29T10:00:00Z',
      },
    ]);
    o = addAccounts(o, [site()]);
    o = addAccounts(o, [byHand()]);
    expect(o.accounts).toEqual([byHand()]);
    expect(o.absences).toEqual([]);
  });
  it('never records an absence over an account the overlay holds', () => {
    const o = addAbsences(overlayOf([site()]), [
      {
        entityId: 'city-75056',
        platform: 'instagram',
        url: 'https://www.paris.fr/',
        checkedAt: '2026-11-30T10:00:00Z',
      },
      { entityId: 'city-75056', platform: 'tiktok', url: 'https://www.paris.fr/', checkedAt: '2026-11-30T10:00:00Z' },
    ]);
    expect(o.absences.map((a) => a.platform)).toEqual(['tiktok']);
  });
});

describe('overlay store (local:overlay)', () => {
  beforeEach(() => fakeBrowser.reset());
  it('skips and counts corrupted entries, keeps the others, and writes back only what is valid', async () => {
    await overlayItem.setValue({
      version: 1,
      accounts: [site(), { key: 3 }, byHand({ key: 'other' })],
      absences: ['x'],
    });
    const loaded = await loadOverlay();
    expect(loaded.skipped).toBe(2);
    expect(loaded.overlay.accounts.map((a) => a.key)).toEqual(['parisjetaime', 'other']);
    await storeAccounts([byHand({ platform: 'tiktok', key: 'paris', url: 'https://www.tiktok.com/@paris' })]);
    const after = await loadOverlay();
    expect(after.skipped).toBe(0);
    expect(after.overlay.accounts.map((a) => a.key)).toEqual(['parisjetaime', 'other', 'paris']);
  });
  it('storage that throws counts as one lost entry, not a crash', async () => {
    const original = overlayItem.getValue;
    overlayItem.getValue = () => Promise.reject(new Error('quota'));
    try {
      expect(await loadOverlay()).toMatchObject({ skipped: 1, overlay: { accounts: [] } });
    } finally {
      overlayItem.getValue = original;
    }
  });
  it('quick edits in a row lose nothing', async () => {
    await Promise.all([
      storeAccounts([site()]),
      storeAccounts([byHand({ platform: 'tiktok', key: 'paris', url: 'https://www.tiktok.com/@paris' })]),
      storeAbsences([
        { entityId: 'city-75056', platform: 'flickr', url: 'https://www.paris.fr/', checkedAt: '2026-11-30T10:00:00Z' },
      ]),
    ]);
    const { overlay } = await loadOverlay();
    expect(overlay.accounts).toHaveLength(2);
    expect(overlay.absences).toHaveLength(1);
    await deleteAccount({ platform: 'tiktok', key: 'paris' });
    expect((await loadOverlay()).overlay.accounts.map((a) => a.key)).toEqual(['parisjetaime']);
  });
  it('"use mine" records the bundled keys the account replaces', async () => {
    await storeAccounts([site({ platform: 'x', key: 'paris_officiel', url: 'https://x.com/paris_officiel' })]);
    await useMine({ platform: 'x', key: 'paris_officiel' }, ['paris']);
    expect((await loadOverlay()).overlay.accounts[0]?.replaces).toEqual(['paris']);
  });
});

describe('applyOverlay', () => {
  it('adds an account found on the official site as a confirmed account with its own source', () => {
    const { dataset, conflicts } = applyOverlay(tinyDataset(), overlayOf([site()]), 'fr');
    expect(conflicts).toEqual([]);
    const index = indexDataset(dataset);
    const match = index.account('instagram', 'parisjetaime');
    expect(match?.entity.id).toBe('city-75056');
    expect(match?.account).toMatchObject({ confidence: 'confirmed', status: 'active', url: site().url });
    const source = dataset.sources[match?.account.sources[0] ?? ''];
    expect(source).toEqual({
      title: 'trouvé sur le site officiel paris.fr',
      url: 'https://www.paris.fr/',
      date: '2026-11-30',
      kind: 'official',
    });
    // The merged dataset is still a valid dataset: exports and `dataset check` accept it.
    expect(parseDataset(dataset).problems).toEqual([]);
  });
  it('adds a hand addition with confidence "user" and an "added by you" source, in English too', () => {
    const { dataset } = applyOverlay(tinyDataset(), overlayOf([byHand()]), 'en');
    const match = indexDataset(dataset).account('instagram', 'parisjetaime');
    expect(match?.account.confidence).toBe('user');
    expect(dataset.sources[match?.account.sources[0] ?? '']).toEqual({
      title: 'added by you',
      date: '2026-11-30',
      kind: 'user',
    });
  });
  it('leaves the bundled dataset untouched (pure)', () => {
    const bundled = tinyDataset();
    const copy = structuredClone(bundled);
    applyOverlay(bundled, overlayOf([site()]));
    expect(bundled).toEqual(copy);
  });
  it('adds nothing for an account the bundled dataset already lists', () => {
    const { dataset, conflicts } = applyOverlay(
      tinyDataset(),
      overlayOf([site({ platform: 'x', key: 'paris', url: 'https://x.com/Paris' })]),
    );
    expect(conflicts).toEqual([]);
    expect(dataset.entities[0]?.accounts).toHaveLength(1);
    expect(dataset.entities[0]?.accounts[0]?.confidence).toBe('confirmed');
  });
  it('never replaces a bundled account silently: another key on the same platform is a conflict', () => {
    const mine = site({ platform: 'x', key: 'paris_officiel', url: 'https://x.com/paris_officiel' });
    const { dataset, conflicts } = applyOverlay(tinyDataset(), overlayOf([mine]));
    expect(conflicts).toEqual([
      { account: mine, bundled: [{ entityId: 'city-75056', key: 'paris', url: 'https://x.com/Paris' }] },
    ]);
    const index = indexDataset(dataset);
    expect(index.account('x', 'paris')?.entity.id).toBe('city-75056');
    expect(index.account('x', 'paris_officiel')).toBeUndefined();
  });
  it('the same key listed under another institution is a conflict too', () => {
    const mine = byHand({ platform: 'x', key: 'interieur_gouv', url: 'https://x.com/Interieur_Gouv' });
    const { conflicts, dataset } = applyOverlay(tinyDataset(), overlayOf([mine]));
    // Paris's own X account collides as well.
    expect(conflicts[0]?.bundled).toEqual([
      { entityId: 'city-75056', key: 'paris', url: 'https://x.com/Paris' },
      { entityId: 'ministry-interieur', key: 'interieur_gouv', url: 'https://x.com/Interieur_Gouv' },
    ]);
    expect(indexDataset(dataset).account('x', 'interieur_gouv')?.entity.id).toBe('ministry-interieur');
  });
  it('"use mine": the chosen account replaces the bundled one', () => {
    const mine = site({
      platform: 'x',
      key: 'paris_officiel',
      url: 'https://x.com/paris_officiel',
      replaces: ['paris'],
    });
    const { dataset, conflicts } = applyOverlay(tinyDataset(), overlayOf([mine]));
    expect(conflicts).toEqual([]);
    const index = indexDataset(dataset);
    expect(index.account('x', 'paris')).toBeUndefined();
    expect(index.account('x', 'paris_officiel')?.entity.id).toBe('city-75056');
    // Only the replaced key goes: the ministry's own X account stays.
    expect(index.account('x', 'interieur_gouv')?.entity.id).toBe('ministry-interieur');
  });
  it('counts entries about institutions the dataset does not have, and applies the rest', () => {
    const { dataset, orphans } = applyOverlay(
      tinyDataset(),
      overlayOf(
        [
          site({ entityId: 'city-99999' }),
          byHand({ platform: 'tiktok', key: 'paris', url: 'https://www.tiktok.com/@paris' }),
        ],
        [{ entityId: 'city-00000', platform: 'x', url: 'https://example.fr/', checkedAt: '2026-11-30T10:00:00Z' }],
      ),
    );
    expect(orphans).toBe(2);
    expect(indexDataset(dataset).account('tiktok', 'paris')?.entity.id).toBe('city-75056');
  });

  it('an absence becomes the entity’s checkedAbsent, with the page read as its source', () => {
    const absence = {
      entityId: 'city-75056',
      platform: 'tiktok' as const,
      url: 'https://www.paris.fr/',
      checkedAt: '2026-11-30T10:00:00.000Z',
    };
    const { dataset } = applyOverlay(tinyDataset(), overlayOf([], [absence]), 'fr');
    const paris = dataset.entities.find((e) => e.id === 'city-75056');
    expect(paris?.checkedAbsent).toEqual([
      {
        platform: 'tiktok',
        date: '2026-11-30',
        url: 'https://www.paris.fr/',
        source: 'overlay-absent-tiktok-city-75056',
      },
    ]);
    expect(dataset.sources['overlay-absent-tiktok-city-75056']).toEqual({
      title: 'trouvé sur le site officiel paris.fr',
      url: 'https://www.paris.fr/',
      date: '2026-11-30',
      kind: 'official',
    });
    expect(parseDataset(dataset).problems).toEqual([]);
    // Presence now knows the state: absent as of that date, with the page.
    const comparison = compareAccount({ dataset, entityId: 'city-75056', platform: 'x', now: '2026-11-30' });
    const tiktok = comparison.presence.platforms.find((p) => p.platform === 'tiktok');
    expect(tiktok).toMatchObject({
      state: 'absent',
      absence: { reason: 'checked', date: '2026-11-30', url: 'https://www.paris.fr/' },
    });
    expect(comparison.presence.platforms.find((p) => p.platform === 'flickr')?.state).toBe('unknown');
  });
  it('an absence is no answer where an account exists, and an older reading never replaces a newer bundled check', () => {
    const bundled = tinyDataset();
    const paris = bundled.entities[0];
    if (paris)
      paris.checkedAbsent = [
        { platform: 'flickr', date: '2026-11-29', url: 'https://www.paris.fr/', source: 'src-official' },
      ];
    const { dataset } = applyOverlay(
      bundled,
      overlayOf(
        [],
        [
          { entityId: 'city-75056', platform: 'x', url: 'https://www.paris.fr/', checkedAt: '2026-11-30T10:00:00Z' },
          {
            entityId: 'city-75056',
            platform: 'flickr',
            url: 'https://www.paris.fr/old',
            checkedAt: '2026-01-01T10:00:00Z',
          },
        ],
      ),
    );
    expect(dataset.entities[0]?.checkedAbsent).toEqual([
      { platform: 'flickr', date: '2026-11-29', url: 'https://www.paris.fr/', source: 'src-official' },
    ]);
  });
});
