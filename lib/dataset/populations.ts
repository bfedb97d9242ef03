import type { Entity } from './schema';

/**
 * Populations from the INSEE data shipped in `@etalab/decoupage-administratif` (data/communes.json).
 * The package is passed in by scripts and tests; the extension never imports it (8.6 MB).
 */

/** The fields of a communes.json entry that matter here. */
export interface Commune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  population?: number;
}

/** Communes with at least this population municipale are in the city group. */
export const CITY_THRESHOLD = 100_000;
/** The 18 regions: 5 overseas (01–06) and 13 metropolitan. */
export const REGION_CODES = [
  '01',
  '02',
  '03',
  '04',
  '06',
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
];
export const POPULATION_VINTAGE = '2023';
export const POPULATION_SOURCE = 'decoupage-administratif';

// Only current communes: delegated/associated communes and municipal arrondissements would count twice.
const current = (communes: readonly Commune[]) =>
  communes.filter((c) => c.type === 'commune-actuelle' && typeof c.population === 'number');

/** Current communes with ≥ 100,000 inhabitants, largest first. */
export function largeCities(communes: readonly Commune[]): Commune[] {
  return current(communes)
    .filter((c) => (c.population ?? 0) >= CITY_THRESHOLD)
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code));
}

/** Region code → sum of its current communes' population municipale. */
export function regionPopulations(communes: readonly Commune[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of current(communes)) {
    if (c.region && REGION_CODES.includes(c.region))
      sums.set(c.region, (sums.get(c.region) ?? 0) + (c.population ?? 0));
  }
  return sums;
}

/** entity id → population the package gives, for every city ≥ 100k and every region. */
export function expectedPopulations(communes: readonly Commune[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of largeCities(communes)) out.set(`city-${c.code}`, c.population ?? 0);
  for (const [code, value] of regionPopulations(communes)) out.set(`region-${code}`, value);
  return out;
}

export interface PopulationDifference {
  id: string;
  problem: 'missing' | 'extra' | 'differs';
  expected?: number;
  actual?: number;
}

/** Compares the dataset's city and region populations with the package's. */
export function comparePopulations(entities: readonly Entity[], communes: readonly Commune[]): PopulationDifference[] {
  const expected = expectedPopulations(communes);
  const out: PopulationDifference[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (e.group !== 'city' && e.group !== 'region') continue;
    seen.add(e.id);
    const want = expected.get(e.id);
    if (want === undefined) out.push({ id: e.id, problem: 'extra', actual: e.population?.value });
    else if (e.population?.value !== want)
      out.push({ id: e.id, problem: 'differs', expected: want, actual: e.population?.value });
  }
  for (const [id, want] of expected) if (!seen.has(id)) out.push({ id, problem: 'missing', expected: want });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export function describePopulationDifference(d: PopulationDifference): string {
  if (d.problem === 'missing') return `${d.id}: missing from the dataset (package: ${d.expected})`;
  if (d.problem === 'extra') return `${d.id}: not a city ≥ 100,000 or a region in the package`;
  return `${d.id}: dataset ${d.actual ?? '(none)'}, package ${d.expected}`;
}
