import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledIndex } from '@/lib/dataset/bundled';
import type { Dataset } from '@/lib/dataset/schema';
import { applyOverlay } from '@/lib/overlay/apply';
import { participationOnSite } from '@/lib/overlay/make';
import { addParticipation, EMPTY_OVERLAY, removeParticipation, sanitizeOverlay } from '@/lib/overlay/overlay';
import { participationKey } from '@/lib/overlay/participation';
import { deleteParticipation, loadOverlay, overlayItem, storeParticipation } from '@/lib/overlay/store';
import type { Overlay, OverlayParticipation } from '@/lib/overlay/types';
import { studyToday } from '@/lib/study/study';
import type { ParticipationEntry } from '@/lib/study/types';

/** What reading www.lille.fr gives: its "Participez" link to the city's Decidim platform. */
const LILLE: OverlayParticipation = {
  entityId: 'city-59350',
  url: 'https://participez.lille.fr/',
  source: { kind: 'official-site', url: 'https://www.lille.fr/', readAt: '2026-11-30T10:00:00.000Z' },
};
const overlayWith = (participation: OverlayParticipation[]): Overlay => ({ ...EMPTY_OVERLAY, participation });

beforeEach(() => fakeBrowser.reset());

describe('participation in the stored overlay', () => {
  it.each<[string, unknown, number, number]>([
    ['an overlay stored before the field existed', { version: 1, accounts: [], absences: [] }, 0, 0],
    ['a good entry', { accounts: [], absences: [], participation: [LILLE] }, 1, 0],
    [
      'a good entry with its software',
      { participation: [{ ...LILLE, software: 'decidim', url: 'https://lille.decidim.fr/' }] },
      1,
      0,
    ],
    ['participation that is not a list', { participation: { 0: LILLE } }, 0, 1],
    [
      'one good, one with a javascript: URL, one with a bad entity id',
      { participation: [LILLE, { ...LILLE, url: 'javascript:alert(1)' }, { ...LILLE, entityId: 'Lille' }] },
      1,
      2,
    ],
    ['a source read on no date', { participation: [{ ...LILLE, source: { ...LILLE.source, readAt: 'hier' } }] }, 0, 1],
    [
      'a source other than the official site',
      { participation: [{ ...LILLE, source: { kind: 'user', addedAt: '2026-11-30T10:00:00.000Z' } }] },
      0,
      1,
    ],
    ['an empty software name', { participation: [{ ...LILLE, software: '' }] }, 0, 1],
    ['null', { participation: [null] }, 0, 1],
  ])('%s', (_what, raw, kept, skipped) => {
    const result = sanitizeOverlay(raw);
    expect(result.overlay.participation ?? []).toHaveLength(kept);
    expect(result.skipped).toBe(skipped);
  });

  it('a corrupted entry does not take the accounts, absences or good entries with it', () => {
    const absence = {
      entityId: 'city-59350',
      platform: 'tiktok',
      url: 'https://www.lille.fr/',
      checkedAt: '2026-11-30T10:00:00Z',
    };
    const { overlay, skipped } = sanitizeOverlay({
      accounts: [],
      absences: [absence],
      participation: [{ ...LILLE, url: 42 }, LILLE],
    });
    expect(overlay).toEqual({ version: 1, accounts: [], absences: [absence], participation: [LILLE] });
    expect(skipped).toBe(1);
  });

  it('participationOnSite records the link and the page read, like an account found there', () => {
    expect(
      participationOnSite(
        'city-33063',
        { url: 'https://participation.bordeaux.fr/', software: 'decidim' },
        { url: 'https://www.bordeaux.fr/', readAt: '2026-11-30T10:00:00.000Z' },
      ),
    ).toEqual({
      entityId: 'city-33063',
      url: 'https://participation.bordeaux.fr/',
      software: 'decidim',
      source: { kind: 'official-site', url: 'https://www.bordeaux.fr/', readAt: '2026-11-30T10:00:00.000Z' },
    });
  });

  it.each([
    ['https://jeparticipe.nice.fr', 'https://jeparticipe.nice.fr/', true],
    ['https://budgetparticipatif.paris.fr/bp/', 'https://budgetparticipatif.paris.fr/bp', true],
    ['http://www.participer.lyon.fr/', 'https://participer.lyon.fr/?utm_source=home#top', true],
    ['https://participer.montpellier.fr', 'https://participer.montpellier.fr/budget', false],
    ['https://participez.lille.fr', 'https://participez.lille.fr.example.com', false],
  ])('%s and %s name the same platform: %s', (a, b, same) => {
    expect(participationKey(a) === participationKey(b)).toBe(same);
  });

  it('adding one the overlay has replaces it (newest reading); removing it leaves the overlay as before', () => {
    const later = {
      ...LILLE,
      url: 'https://participez.lille.fr',
      source: { ...LILLE.source, readAt: '2026-12-01T09:00:00.000Z' },
    };
    const once = addParticipation(EMPTY_OVERLAY, [LILLE]);
    expect(addParticipation(once, [later]).participation).toEqual([later]);
    expect(removeParticipation(once, { entityId: 'city-59350', url: 'https://participez.lille.fr' })).toEqual(
      EMPTY_OVERLAY,
    );
    // Another institution linking the same platform is its own entry.
    expect(addParticipation(once, [{ ...LILLE, entityId: 'city-59009' }]).participation).toHaveLength(2);
  });

  it('storeParticipation and deleteParticipation go through local:overlay, beside the accounts', async () => {
    await overlayItem.setValue({ version: 1, accounts: [], absences: [] });
    await storeParticipation([LILLE]);
    expect((await loadOverlay()).overlay.participation).toEqual([LILLE]);
    await deleteParticipation(LILLE);
    expect(await loadOverlay()).toEqual({ overlay: EMPTY_OVERLAY, skipped: 0 });
  });
});

describe('applyOverlay: participation', () => {
  const bundled = () => bundledIndex().dataset;
  const entity = (d: Dataset, id: string) => d.entities.find((e) => e.id === id);
  /** The bundled dataset without Lille's platform: the overlay is then the only one to know it. */
  const withoutLille = (): Dataset => ({
    ...bundled(),
    entities: bundled().entities.map(({ participation, ...e }) =>
      e.id === 'city-59350' ? e : { ...e, ...(participation ? { participation } : {}) },
    ),
  });

  it('adds the platform to the entity, confirmed, citing the page read on its day', () => {
    const { dataset, orphans } = applyOverlay(withoutLille(), overlayWith([LILLE]), 'fr');
    expect(entity(dataset, 'city-59350')?.participation).toEqual([
      {
        url: 'https://participez.lille.fr/',
        confidence: 'confirmed',
        sources: ['overlay-participation-participez-lille-fr'],
      },
    ]);
    expect(dataset.sources['overlay-participation-participez-lille-fr']).toEqual({
      title: 'trouvé sur le site officiel lille.fr',
      url: 'https://www.lille.fr/',
      date: '2026-11-30',
      kind: 'official',
    });
    expect(orphans).toBe(0);
    // The bundled dataset itself is left as it was.
    expect(entity(withoutLille(), 'city-59350')?.participation).toBeUndefined();
  });

  it('does not double a platform the bundled dataset lists (trailing slash aside)', () => {
    const nice: OverlayParticipation = {
      entityId: 'city-06088',
      url: 'https://jeparticipe.nice.fr/',
      source: { kind: 'official-site', url: 'https://www.nice.fr/', readAt: '2026-11-30T10:00:00.000Z' },
    };
    const { dataset } = applyOverlay(bundled(), overlayWith([nice]), 'en');
    expect(entity(dataset, 'city-06088')?.participation?.map((p) => p.url)).toEqual(['https://jeparticipe.nice.fr']);
    expect(Object.keys(dataset.sources).filter((s) => s.startsWith('overlay-participation'))).toEqual([]);
  });

  it('counts an entry about an institution the edition does not have as an orphan', () => {
    const { orphans } = applyOverlay(bundled(), overlayWith([{ ...LILLE, entityId: 'city-99999' }]));
    expect(orphans).toBe(1);
  });

  it('the 2012 study re-run counts a city whose only platform comes from the overlay', () => {
    const participation = (d: Dataset) =>
      studyToday(d, [], '2026-11-30T12:00:00.000Z').entries.find(
        (e): e is ParticipationEntry => e.id === 'participation',
      );
    const before = participation(withoutLille());
    const after = participation(applyOverlay(withoutLille(), overlayWith([LILLE])).dataset);
    expect(before?.now.count).toBe(9);
    expect(before?.now.cities.map((c) => c.entity)).not.toContain('city-59350');
    expect(after?.now.count).toBe(10);
    expect(after?.now.cities.find((c) => c.entity === 'city-59350')?.urls).toEqual(['https://participez.lille.fr/']);
    expect(after?.sources).toContain('overlay-participation-participez-lille-fr');
  });
});
