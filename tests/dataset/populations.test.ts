import communesJson from '@etalab/decoupage-administratif/data/communes.json';
import { describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import {
  type Commune,
  comparePopulations,
  describePopulationDifference,
  largeCities,
  regionPopulations,
} from '@/lib/dataset/populations';

const communes = communesJson as Commune[];
const pop = (id: string) => BUNDLED.entities.find((e) => e.id === id)?.population?.value;

describe('populations agree with @etalab/decoupage-administratif', () => {
  it('has no difference with the package (run: npx tsx scripts/populations.ts)', () => {
    const diffs = comparePopulations(BUNDLED.entities, communes).map(describePopulationDifference);
    expect(diffs).toEqual([]);
  });

  it.each([
    ['city-75056', 2_103_778],
    ['city-59350', 238_246],
    ['city-31555', 514_819],
    ['region-11', 12_463_067],
    ['region-06', 256_518],
  ])('%s = %i', (id, value) => expect(pop(id)).toBe(value));

  it('lists every commune of 100,000 or more, and only those', () => {
    const expected = largeCities(communes)
      .map((c) => `city-${c.code}`)
      .sort();
    const actual = BUNDLED.entities
      .filter((e) => e.group === 'city')
      .map((e) => e.id)
      .sort();
    expect(actual).toEqual(expected);
    expect(expected.length).toBe(42);
  });

  it('sums the 18 regions to the research total', () => {
    const total = [...regionPopulations(communes).values()].reduce((a, b) => a + b, 0);
    expect(regionPopulations(communes).size).toBe(18);
    expect(total).toBe(68_350_798);
  });

  it('reports a missing, an extra and a wrong population', () => {
    const entities = BUNDLED.entities
      .filter((e) => e.id !== 'city-59350')
      .map((e) => (e.id === 'city-75056' ? { ...e, population: { value: 1, vintage: '2023', source: 'x' } } : e));
    entities.push({ id: 'city-99999', group: 'city', name: { fr: 'Nowhere' }, accounts: [] });
    expect(comparePopulations(entities, communes).map(describePopulationDifference)).toEqual([
      'city-59350: missing from the dataset (package: 238246)',
      'city-75056: dataset 1, package 2103778',
      'city-99999: not a city ≥ 100,000 or a region in the package',
    ]);
  });
});
