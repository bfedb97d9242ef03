import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { YourDataSection, type YourDataSectionProps } from '@/components/dashboard/YourDataSection';
import { removeOverlayAbsence, removeOverlayParticipation } from '@/lib/dashboard/your-data';
import { BUNDLED } from '@/lib/dataset/bundled';
import type { Observation } from '@/lib/history/observation';
import { type Lang, translator } from '@/lib/i18n';
import { loadOverlay, overlayItem } from '@/lib/overlay/store';
import type { Overlay, OverlayAbsence } from '@/lib/overlay/types';
import { type AppliedImport, exportUserData } from '@/lib/userdata';
import { LILLE_PARTICIPEZ, RENNES_FABRIQUE } from '../helpers/participation';

const NOW = new Date('2026-12-01T06:00:00.000Z');
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s/g, ' ');

const overlay: Overlay = {
  version: 1,
  absences: [],
  accounts: [
    {
      entityId: 'city-59350',
      platform: 'facebook',
      key: 'villedelille',
      url: 'https://www.facebook.com/villedelille',
      confidence: 'confirmed',
      source: { kind: 'official-site', url: 'https://www.lille.fr/', readAt: '2026-11-30T10:11:12.000Z' },
    },
  ],
};
// Two platforms checked absent, on two sites: a home page and an inner page.
const lilleTikTok: OverlayAbsence = {
  entityId: 'city-59350',
  platform: 'tiktok',
  url: 'https://www.lille.fr/',
  checkedAt: '2026-11-29T09:00:00.000Z',
};
const nantesBluesky: OverlayAbsence = {
  entityId: 'city-44109',
  platform: 'bluesky',
  url: 'https://metropole.nantes.fr/reseaux-sociaux',
  checkedAt: '2026-11-20T08:30:00.000Z',
};
const withAbsences: Overlay = { ...overlay, absences: [lilleTikTok, nantesBluesky] };
// Participatory platforms found on official sites (the export leaves Lille's to the bundled record).
const withParticipation: Overlay = { ...overlay, participation: [RENNES_FABRIQUE, LILLE_PARTICIPEZ] };
const reading = (over: Partial<Observation> = {}): Observation => ({
  entityId: 'city-59350',
  platform: 'facebook',
  key: 'villedelille',
  metric: 'followers',
  value: 250000,
  precision: 'exact',
  at: '2026-11-30T10:15:00.000Z',
  url: 'https://www.facebook.com/villedelille',
  ...over,
});
const observations = [reading(), reading({ at: '2026-11-10T07:00:00.000Z', value: 249000, precision: 'rounded' })];

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

function setup(lang: Lang, over: Partial<YourDataSectionProps> = {}) {
  const props = {
    dataset: BUNDLED,
    overlay,
    observations,
    lang,
    t: translator(lang),
    now: NOW,
    onRemoveAccount: vi.fn(),
    onRemoveAbsence: vi.fn(),
    onRemoveParticipation: vi.fn(),
    onRemoveObservation: vi.fn(),
    onImport: vi.fn(),
    onEraseAll: vi.fn(),
    save: vi.fn(async () => undefined),
    ...over,
  };
  render(<YourDataSection {...props} />);
  return props;
}

function chooseFile(file: { name: string; size: number; text: () => Promise<string> }) {
  const input = screen.getByTestId('your-data-import') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}
const fileOf = (name: string, content: string) => ({
  name,
  size: new TextEncoder().encode(content).length,
  text: async () => content,
});

describe.each<Lang>(['fr', 'en'])('YourDataSection (%s)', (lang) => {
  const t = translator(lang);

  it('shows counts and sizes, each account with where it comes from, each reading removable', () => {
    const props = setup(lang);
    const counts = text(screen.getByTestId('your-data-counts'));
    expect(counts).toContain(lang === 'fr' ? 'Comptes ajoutés ou trouvés : 1' : 'Accounts added or found: 1');
    expect(counts).toMatch(
      lang === 'fr'
        ? /Chiffres lus dans ce navigateur : 2, sur 1 compte \(\d+ o\)/
        : /Figures read in this browser: 2, on 1 account \(\d+ B\)/,
    );
    expect(text(screen.getByTestId('your-accounts'))).toContain(
      lang === 'fr' ? 'trouvé sur lille.fr le 2026-11-30' : 'found on lille.fr on 2026-11-30',
    );
    fireEvent.click(
      screen.getByRole('button', { name: t('userdata.removeAccount', { account: 'Lille — Facebook villedelille' }) }),
    );
    expect(props.onRemoveAccount).toHaveBeenCalledWith(overlay.accounts[0]);
    fireEvent.click(
      screen.getByRole('button', {
        name: t('userdata.removeReading', { date: '2026-11-10', account: 'Lille — Facebook villedelille' }),
      }),
    );
    expect(props.onRemoveObservation).toHaveBeenCalledWith(observations[1]);
  });

  it('says when there is nothing yet', () => {
    setup(lang, { overlay: { version: 1, accounts: [], absences: [] }, observations: [] });
    expect(screen.getByText(t('userdata.accounts.none'))).toBeTruthy();
    expect(screen.getByText(t('userdata.readings.none'))).toBeTruthy();
    // Like their count, platforms checked absent are shown only when there are some.
    expect(screen.queryByTestId('your-absences')).toBeNull();
    expect(text(screen.getByTestId('your-data-counts'))).not.toContain(t('userdata.absences.title'));
  });

  it.each([
    { absence: lilleTikTok, row: ['Lille', 'TikTok', 'lille.fr', '2026-11-29'] },
    { absence: nantesBluesky, row: ['Nantes', 'Bluesky', 'metropole.nantes.fr/reseaux-sociaux', '2026-11-20'] },
  ])('lists $row.0 checked absent on $row.1 with the page read and the date', ({ absence, row }) => {
    setup(lang, { overlay: withAbsences });
    expect(text(screen.getByTestId('your-data-counts'))).toContain(
      lang === 'fr' ? 'Plateformes vérifiées absentes : 2' : 'Platforms checked absent: 2',
    );
    const rows = [...screen.getByTestId('your-absences').querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    const tr = rows.find((r) => r.querySelector('td')?.textContent === row[0]) as HTMLTableRowElement;
    expect([...tr.querySelectorAll('td')].slice(0, 4).map((td) => text(td))).toEqual(row);
    expect(tr.querySelector('a')?.getAttribute('href')).toBe(absence.url);
  });

  // The section as the dashboard wires it: the overlay's removal, then the overlay read again.
  function Wired({ initial }: { initial: Overlay }) {
    const [current, setCurrent] = useState(initial);
    return (
      <YourDataSection
        dataset={BUNDLED}
        overlay={current}
        observations={observations}
        lang={lang}
        t={t}
        now={NOW}
        onRemoveAccount={vi.fn()}
        onRemoveAbsence={async (absence) => {
          await removeOverlayAbsence(absence);
          setCurrent((await loadOverlay()).overlay);
        }}
        onRemoveParticipation={async (found) => {
          await removeOverlayParticipation(found);
          setCurrent((await loadOverlay()).overlay);
        }}
        onRemoveObservation={vi.fn()}
        onImport={vi.fn()}
        onEraseAll={vi.fn()}
      />
    );
  }

  it.each([
    {
      removed: lilleTikTok,
      kept: nantesBluesky,
      label: { date: '2026-11-29', platform: 'TikTok', institution: 'Lille' },
    },
    {
      removed: nantesBluesky,
      kept: lilleTikTok,
      label: { date: '2026-11-20', platform: 'Bluesky', institution: 'Nantes' },
    },
  ])('removing the check of $label.date stores the overlay with only the other', async ({ removed, kept, label }) => {
    await overlayItem.setValue(withAbsences);
    render(<Wired initial={withAbsences} />);
    fireEvent.click(screen.getByRole('button', { name: t('userdata.removeAbsence', label) }));
    await waitFor(() => expect(screen.getByTestId('your-absences').querySelectorAll('tbody tr')).toHaveLength(1));
    expect((await loadOverlay()).overlay).toEqual({ ...overlay, absences: [kept] });
    expect(text(screen.getByTestId('your-absences'))).not.toContain(removed.checkedAt.slice(0, 10));
    expect(text(screen.getByTestId('your-absences'))).toContain(kept.checkedAt.slice(0, 10));
    expect(text(screen.getByTestId('your-data-counts'))).toContain(
      lang === 'fr' ? 'Plateformes vérifiées absentes : 1' : 'Platforms checked absent: 1',
    );
    // The accounts are untouched.
    expect(screen.getByTestId('your-accounts').querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it.each([
    {
      found: RENNES_FABRIQUE,
      row: ['Rennes', 'fabriquecitoyenne.rennes.fr', 'metropole.rennes.fr', '2026-11-28'] as const,
    },
    { found: LILLE_PARTICIPEZ, row: ['Lille', 'participez.lille.fr', 'lille.fr', '2026-11-30'] as const },
  ])('lists $row.1 found on $row.2 for $row.0, with the date, each removable', ({ found, row }) => {
    const props = setup(lang, { overlay: withParticipation });
    expect(text(screen.getByTestId('your-data-counts'))).toContain(
      lang === 'fr' ? 'Plateformes participatives trouvées : 2' : 'Participatory platforms found: 2',
    );
    const rows = [...screen.getByTestId('your-participation').querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    const tr = rows.find((r) => r.querySelector('td')?.textContent === row[0]) as HTMLTableRowElement;
    expect([...tr.querySelectorAll('td')].slice(0, 4).map((td) => text(td))).toEqual([...row]);
    expect([...tr.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([found.url, found.source.url]);
    fireEvent.click(
      screen.getByRole('button', { name: t('userdata.removeParticipation', { url: row[1], institution: row[0] }) }),
    );
    expect(props.onRemoveParticipation).toHaveBeenCalledWith(found);
  });

  it('shows no participation table nor count without any', () => {
    setup(lang);
    expect(screen.queryByTestId('your-participation')).toBeNull();
    expect(text(screen.getByTestId('your-data-counts'))).not.toContain(t('userdata.participation.count', { n: 0 }));
  });

  it('removing a platform stores the overlay without it, the other kept', async () => {
    await overlayItem.setValue(withParticipation);
    render(<Wired initial={withParticipation} />);
    fireEvent.click(
      screen.getByRole('button', {
        name: t('userdata.removeParticipation', { url: 'participez.lille.fr', institution: 'Lille' }),
      }),
    );
    await waitFor(() => expect(screen.getByTestId('your-participation').querySelectorAll('tbody tr')).toHaveLength(1));
    expect((await loadOverlay()).overlay).toEqual({ ...overlay, participation: [RENNES_FABRIQUE] });
    expect(text(screen.getByTestId('your-data-counts'))).toContain(
      lang === 'fr' ? 'Plateformes participatives trouvées : 1' : 'Participatory platforms found: 1',
    );
  });

  it('the export says which platforms it left to the dataset', async () => {
    const props = setup(lang, { overlay: withParticipation });
    fireEvent.click(screen.getByTestId('your-data-export'));
    await waitFor(() => expect(props.save).toHaveBeenCalledOnce());
    await waitFor(() =>
      expect(text(screen.getByTestId('your-data-status'))).toContain(
        t('userdata.export.participationLeftOut', { n: 1 }),
      ),
    );
  });

  it('exports one file in the dataset format', async () => {
    const props = setup(lang);
    fireEvent.click(screen.getByTestId('your-data-export'));
    await waitFor(() => expect(props.save).toHaveBeenCalledOnce());
    const [name, blob] = (props.save as ReturnType<typeof vi.fn>).mock.calls[0] as [string, Blob];
    expect(name).toBe('civiscope_my-data_2026-12-01.json');
    expect(await blob.text()).toBe(exportUserData(BUNDLED, overlay, observations, NOW.toISOString()).text);
    await waitFor(() => expect(text(screen.getByTestId('your-data-status'))).toContain(name));
  });

  it('a hostile file lists its problems and merges nothing', async () => {
    const props = setup(lang);
    chooseFile(fileOf('bad.json', '{"sources": {"__proto__": {}}}'));
    await waitFor(() => expect(screen.getByTestId('your-data-import-problems')).toBeTruthy());
    expect(text(screen.getByTestId('your-data-import-problems'))).toContain('sources.__proto__');
    expect(props.onImport).not.toHaveBeenCalled();
  });

  it('a file above the limit is refused without being read', async () => {
    const read = vi.fn(async () => '{}');
    setup(lang);
    chooseFile({ name: 'huge.json', size: 50 * 1024 * 1024, text: read });
    await waitFor(() => expect(text(screen.getByTestId('your-data-import-problems'))).toMatch(/50 MB/));
    expect(read).not.toHaveBeenCalled();
  });

  it('shows conflicts before merging and applies the user’s choice', async () => {
    // A colleague's file: a different figure for the same day.
    const theirs = exportUserData(BUNDLED, overlay, [reading({ value: 260000 })], NOW.toISOString()).text;
    const props = setup(lang);
    chooseFile(fileOf('colleague.json', theirs));
    await waitFor(() => expect(screen.getByTestId('your-data-import-plan')).toBeTruthy());
    expect(text(screen.getByTestId('your-data-import-plan'))).toContain(t('userdata.import.conflicts'));
    const conflict = screen.getByTestId('conflict-reading:facebook:villedelille:followers:2026-11-30');
    expect(text(conflict)).toMatch(/250[  ,]000.*260[  ,]000/);
    expect(props.onImport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText(t('userdata.import.replace')));
    fireEvent.click(screen.getByTestId('your-data-import-apply'));
    await waitFor(() => expect(props.onImport).toHaveBeenCalledOnce());
    const result = (props.onImport as ReturnType<typeof vi.fn>).mock.calls[0]?.[0] as AppliedImport;
    expect(result.replaced).toBe(1);
    expect(result.observations.find((o) => o.at.startsWith('2026-11-30'))?.value).toBe(260000);
  });

  it('importing one’s own export: nothing new, the merge button is off', async () => {
    const own = exportUserData(BUNDLED, overlay, observations, NOW.toISOString()).text;
    setup(lang);
    chooseFile(fileOf('mine.json', own));
    await waitFor(() => expect(screen.getByText(t('userdata.import.nothing'))).toBeTruthy());
    expect((screen.getByTestId('your-data-import-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('erases everything only after confirmation', async () => {
    const props = setup(lang);
    fireEvent.click(screen.getByTestId('your-data-erase'));
    expect(props.onEraseAll).not.toHaveBeenCalled();
    expect(text(screen.getByTestId('your-data-erase-confirm'))).toContain(t('userdata.erase.confirm'));
    fireEvent.click(screen.getByTestId('your-data-erase-yes'));
    await waitFor(() => expect(props.onEraseAll).toHaveBeenCalledOnce());
    await waitFor(() => expect(text(screen.getByTestId('your-data-status'))).toContain(t('userdata.erase.done')));
  });
});
