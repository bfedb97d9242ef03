import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { YourDataSection, type YourDataSectionProps } from '@/components/dashboard/YourDataSection';
import { BUNDLED } from '@/lib/dataset/bundled';
import type { Observation } from '@/lib/history/observation';
import { type Lang, translator } from '@/lib/i18n';
import type { Overlay } from '@/lib/overlay/types';
import { type AppliedImport, exportUserData } from '@/lib/userdata';

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
        ? /Chiffres lus dans ce navigateur : 2, sur 1 comptes \(\d+ o\)/
        : /Figures read in this browser: 2, on 1 accounts \(\d+ B\)/,
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
