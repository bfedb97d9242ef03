import { describe, expect, it } from 'vitest';
import { accountFigures } from '@/lib/compare';
import { buildGroupTable, coverageOf, filterRows, type SortKey, sortRows } from '@/lib/dashboard/group-table';
import { foldText } from '@/lib/dashboard/text';
import type { Dataset, Entity } from '@/lib/dataset';
import { BUNDLED } from '@/lib/dataset/bundled';
import type { Observation } from '@/lib/history/observation';
import { tinyDataset } from '../helpers/tiny-dataset';

const TODAY = '2026-11-28';

function city(id: string, name: string, population: number, xFollowers?: number, cohort2012 = false): Entity {
  return {
    id,
    group: 'city',
    name: { fr: name },
    population: { value: population, vintage: '2023', source: 'src-official' },
    ...(cohort2012 ? { cohort2012 } : {}),
    accounts:
      xFollowers === undefined
        ? []
        : [
            {
              platform: 'x',
              key: id,
              url: `https://x.com/${id}`,
              status: 'active',
              confidence: 'confirmed',
              sources: ['src-official'],
              figures: [
                { metric: 'followers', value: xFollowers, date: '2025-06-01', precision: 'exact', source: 'src-press' },
              ],
            },
          ],
  };
}

function dataset(): Dataset {
  const d = tinyDataset();
  d.entities.push(
    city('city-42218', 'Saint-Étienne', 170_000, 50_000),
    city('city-13055', 'Marseille', 870_000, 300_000, true),
    city('city-06088', 'Nice', 340_000),
    city('city-59350', 'Lille', 236_000, 100_000, true),
    {
      id: 'minister-former',
      group: 'minister',
      name: { fr: 'Ancien ministre' },
      validTo: '2025-10-12',
      accounts: [],
    },
    { id: 'minister-current', group: 'minister', name: { fr: 'Ministre' }, validFrom: '2025-10-12', accounts: [] },
  );
  return d;
}

const ids = (rows: { entity: { id: string } }[]) => rows.map((r) => r.entity.id);

describe('group table', () => {
  const table = buildGroupTable(dataset(), 'city', [], TODAY);

  it('has a row per current institution of the group, and cells only where an account is listed', () => {
    expect(ids(table.rows)).toEqual(['city-75056', 'city-42218', 'city-13055', 'city-06088', 'city-59350']);
    expect(Object.keys(table.rows[0]?.cells ?? {})).toEqual(['x']);
    expect(table.rows[3]?.cells).toEqual({});
    expect(table.hasStudyCohort).toBe(true);
    expect(table.hasPopulation).toBe(true);
    const ministers = buildGroupTable(dataset(), 'minister', [], TODAY);
    expect(ids(ministers.rows)).toEqual(['minister-current']);
    expect(ministers.notCurrent).toBe(1);
  });

  it('computes the figure per 1,000 inhabitants where a population exists', () => {
    const lille = table.rows.find((r) => r.entity.id === 'city-59350');
    expect(lille?.cells.x?.perThousand).toBeCloseTo((100_000 * 1000) / 236_000, 9);
  });

  it.each<[SortKey, 'ascending' | 'descending', string[]]>([
    ['name', 'ascending', ['city-59350', 'city-13055', 'city-06088', 'city-75056', 'city-42218']],
    ['name', 'descending', ['city-42218', 'city-75056', 'city-06088', 'city-13055', 'city-59350']],
    ['population', 'descending', ['city-75056', 'city-13055', 'city-06088', 'city-59350', 'city-42218']],
    ['population', 'ascending', ['city-42218', 'city-59350', 'city-06088', 'city-13055', 'city-75056']],
    // Nice has no X account: last in both directions.
    ['x', 'descending', ['city-75056', 'city-13055', 'city-59350', 'city-42218', 'city-06088']],
    ['x', 'ascending', ['city-42218', 'city-59350', 'city-13055', 'city-75056', 'city-06088']],
    // Per 1,000 inhabitants Lille (423) passes Marseille (345).
    ['x:perThousand', 'descending', ['city-75056', 'city-59350', 'city-13055', 'city-42218', 'city-06088']],
    // Nobody has Facebook: by name.
    ['facebook', 'descending', ['city-59350', 'city-13055', 'city-06088', 'city-75056', 'city-42218']],
  ])('sorts by %s %s', (key, direction, expected) => {
    expect(ids(sortRows(table.rows, { key, direction }, 'fr'))).toEqual(expected);
  });

  it.each([
    ['', false, 5],
    ['saint etienne', false, 1],
    ['SAINT-ÉTIENNE', false, 1],
    ['étienne', false, 1],
    ['lil', false, 1],
    ['', true, 3],
    ['mars', true, 1],
    ['nice', true, 0],
    ['zzz', false, 0],
  ])('filters "%s" (study only: %s) → %d rows', (query, studyOnly, n) => {
    expect(filterRows(table.rows, query, studyOnly)).toHaveLength(n);
  });

  it('counts coverage: institutions with an account, with a figure', () => {
    expect(coverageOf(table.rows)).toEqual({ institutions: 5, withAccount: 4, withFigure: 4 });
    expect(coverageOf([])).toEqual({ institutions: 0, withAccount: 0, withFigure: 0 });
  });

  it('takes the newest figure as the comparison does, and says whether it was visited or refreshed', () => {
    const reading = (at: string, value: number, origin?: 'visit' | 'refreshed'): Observation => ({
      entityId: 'city-59350',
      platform: 'x',
      key: 'city-59350',
      metric: 'followers',
      value,
      precision: 'exact',
      at,
      url: 'https://x.com/city-59350',
      ...(origin ? { origin } : {}),
    });
    const refreshed = buildGroupTable(
      dataset(),
      'city',
      [reading('2026-11-01T10:00:00Z', 120_000, 'refreshed')],
      TODAY,
    );
    const lille = refreshed.rows.find((r) => r.entity.id === 'city-59350')?.cells.x;
    expect(lille?.figure?.value).toBe(120_000);
    expect(lille?.origin).toBe('refreshed');
    const visited = buildGroupTable(dataset(), 'city', [reading('2026-11-01T10:00:00Z', 110_000)], TODAY);
    expect(visited.rows.find((r) => r.entity.id === 'city-59350')?.cells.x?.origin).toBe('visit');
    // An older reading loses to the newer dataset figure.
    const old = buildGroupTable(dataset(), 'city', [reading('2024-01-01T10:00:00Z', 90_000)], TODAY);
    const oldCell = old.rows.find((r) => r.entity.id === 'city-59350')?.cells.x;
    expect([oldCell?.figure?.value, oldCell?.origin]).toEqual([100_000, 'dataset']);
  });

  it('matches lib/compare’s choice of figure for every account of the bundled cities', () => {
    const cities = buildGroupTable(BUNDLED, 'city', [], TODAY);
    expect(cities.rows).toHaveLength(42);
    for (const row of cities.rows) {
      for (const cell of Object.values(row.cells)) {
        expect(cell.figure).toEqual(accountFigures(row.entity, cell.account)[0] ?? null);
      }
    }
  });

  it('marks accounts that come from the user’s overlay', () => {
    const d = dataset();
    const nice = d.entities.find((e) => e.id === 'city-06088') as Entity;
    nice.accounts.push({
      platform: 'x',
      key: 'nice',
      url: 'https://x.com/nice',
      status: 'active',
      confidence: 'user',
      sources: ['overlay-x-nice'],
    });
    const rows = buildGroupTable(d, 'city', [], TODAY).rows;
    expect(rows.find((r) => r.entity.id === 'city-06088')?.cells.x?.fromOverlay).toBe(true);
    expect(rows.find((r) => r.entity.id === 'city-59350')?.cells.x?.fromOverlay).toBe(false);
  });

  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ['Île-de-France', 'ile de france'],
    ['Provence-Alpes-Côte d’Azur', 'provence alpes cote d azur'],
  ])('folds %s → %s', (name, folded) => {
    expect(foldText(name)).toBe(folded);
  });
});
