import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PresenceTable } from '@/components/PresenceTable';
import { compareAccount } from '@/lib/compare';
import { type Lang, translator } from '@/lib/i18n';
import { acct, dataset, ent, fig, NOW } from '../compare/fixtures';

afterEach(() => cleanup());

const cities = [
  // Self: X listed, YouTube checked absent on its site, Instagram closed, the rest unknown.
  ent('city-self', {
    study: true,
    accounts: [acct('x', [fig(10)]), acct('instagram', [], { status: 'closed' })],
    checkedAbsent: ['youtube'],
  }),
  ent('city-p1', { study: true, accounts: [acct('x'), acct('youtube')] }),
  ent('city-p2', { study: true, accounts: [acct('x')], checkedAbsent: ['youtube'] }),
  ent('city-p3', { study: true }),
];
const comparison = compareAccount({ dataset: dataset(cities), entityId: 'city-self', platform: 'x', now: NOW });

const EXPECTED: Record<Lang, Record<string, [string, string]>> = {
  fr: {
    x: ['oui', '2 sur 2 pairs connus · inconnus : 1'],
    youtube: ['non, d’après son site lu le 1 mai 2026', '1 sur 2 pairs connus · inconnus : 1'],
    instagram: ['compte fermé', 'aucun pair connu'],
    tiktok: ['inconnu', 'aucun pair connu'],
  },
  en: {
    x: ['yes', '2 of 2 known peers · unknown: 1'],
    youtube: ['no, per its site read on 1 May 2026', '1 of 2 known peers · unknown: 1'],
    instagram: ['account closed', 'no known peer'],
    tiktok: ['unknown', 'no known peer'],
  },
};

describe.each<Lang>(['fr', 'en'])('PresenceTable (%s)', (lang) => {
  it('shows present, absent as of a date, closed and unknown, with shares over known peers', () => {
    render(<PresenceTable comparison={comparison} lang={lang} t={translator(lang)} />);
    const rows = [...screen.getByTestId('presence').querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(11);
    const cells = (platform: string) => {
      const row = rows[comparison.presence.platforms.findIndex((p) => p.platform === platform)];
      return [...(row?.querySelectorAll('td') ?? [])].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim());
    };
    for (const [platform, expected] of Object.entries(EXPECTED[lang])) expect(cells(platform)).toEqual(expected);
    // The absence links to the page that was read.
    const youtube = rows[2]?.querySelector('a');
    expect(youtube?.getAttribute('href')).toBe('https://www.self.example.fr/');
    expect(rows.map((r) => r.getAttribute('data-state')).filter((s) => s === 'unknown')).toHaveLength(8);
  });

  it('says the median is unknown until members are known on every platform, and over how many', () => {
    render(<PresenceTable comparison={comparison} lang={lang} t={translator(lang)} />);
    const summary = (document.querySelector('.presence summary')?.textContent ?? '').replace(/\s+/g, ' ');
    expect(summary).toContain(
      lang === 'fr'
        ? 'Plateformes utilisées : 1 sur 3 connues. Médiane du groupe : — (0 sur 4 membres connus sur toutes les plateformes).'
        : 'Platforms used: 1 of 3 known. Group median: — (0 of 4 members known on every platform).',
    );
  });
});
