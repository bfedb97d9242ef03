/** Hand-made datasets for the export tests, built with the comparison tests' builders. */
import { compareAccount } from '@/lib/compare';
import type { Comparison } from '@/lib/compare/types';
import type { Dataset } from '@/lib/dataset';
import { acct, dataset, ent, fig, NOW } from '../compare/fixtures';

export { NOW };
export const EXPORTED_AT = '2026-06-15T09:30:00.000Z';

/**
 * Five study cities on X: Nantes 9,000 (rounded, month-precise), Lille 5,000 (the account on
 * screen), Rennes 2,500 (seen on or before its date), Brest without an account, Tours with a
 * closed account. Per 1,000 inhabitants: Nantes 30, Lille 25, Rennes 10.
 */
export function citiesDataset(): Dataset {
  const d = dataset([
    {
      ...ent('city-lille', {
        study: true,
        pop: 200_000,
        accounts: [acct('x', [fig(5000, '2026-06-01', { source: 'press-lille' })], { key: 'lille' })],
      }),
      code: { scheme: 'insee-commune', value: '59350' },
    },
    ent('city-nantes', {
      study: true,
      pop: 300_000,
      accounts: [acct('x', [fig(9000, '2026-05', { precision: 'rounded' })], { key: 'nantesfr' })],
    }),
    ent('city-rennes', {
      study: true,
      pop: 250_000,
      accounts: [acct('x', [fig(2500, '2026-06-10', { onOrBefore: true })], { key: 'rennes' })],
    }),
    ent('city-brest', { study: true, pop: 150_000 }),
    ent('city-tours', {
      study: true,
      pop: 130_000,
      accounts: [acct('x', [fig(100, '2025-01-01')], { key: 'tours', status: 'closed', statusSince: '2025-02-01' })],
    }),
  ]);
  d.sources['press-lille'] = {
    title: 'La Voix du Nord | article',
    url: 'https://www.example.org/lille (x)',
    date: '2026-06-02',
    kind: 'press',
  };
  return d;
}

export function compareLille(
  d: Dataset = citiesDataset(),
  extra: Partial<Parameters<typeof compareAccount>[0]> = {},
): Comparison {
  return compareAccount({ dataset: d, entityId: 'city-lille', platform: 'x', now: NOW, ...extra });
}

/** Names a spreadsheet or a CSV reader could trip on. */
export const HOSTILE_NAMES = [
  'Ville "dite" du Nord',
  'Saint-Denis; Réunion',
  'Aix, Marseille',
  'Ligne\nsuivante',
  'Retour\r\nchariot',
  '=HYPERLINK("http://evil.example","clic")',
  '+33 ville',
  '-1 ville',
  '@SUM(A1)',
  '\tTabulée',
  '\rRetour',
  'Pipe | et *gras* _souligné_ [lien](x) <b>',
] as const;

/** One study city per hostile name, each with an X figure so that every row is filled. */
export function hostileDataset(): Dataset {
  const d = dataset(
    HOSTILE_NAMES.map((name, i) => {
      const e = ent(`city-h${i}`, {
        study: true,
        pop: 1000 + i,
        accounts: [acct('x', [fig(100 * (i + 1), '2026-06-01', { source: 'hostile-source' })], { key: `h${i}` })],
      });
      e.name = { fr: name, en: name };
      return e;
    }),
  );
  d.sources['hostile-source'] = { title: '=cmd|" /C calc"!A0', url: 'https://example.org/a,b;c', kind: 'press' };
  return d;
}
