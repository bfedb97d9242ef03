/**
 * Regenerates the population of every city ≥ 100,000 and every region from
 * @etalab/decoupage-administratif (data/communes.json). `--check` only compares, and exits 1
 * listing the differences. Cities that crossed the threshold must be added by hand (name, code).
 *
 *   npx tsx scripts/populations.ts [--check]
 */
import fs from 'node:fs';
import path from 'node:path';
import communesJson from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { formatDataFile, shapeForFile } from '../lib/dataset/format';
import {
  type Commune,
  comparePopulations,
  describePopulationDifference,
  expectedPopulations,
} from '../lib/dataset/populations';
import type { Entity } from '../lib/dataset/schema';

const DATA = path.resolve(import.meta.dirname, '../lib/dataset/data');
const FILES = ['cities.json', 'regions.json'];
const communes = communesJson as Commune[];
const check = process.argv.includes('--check');

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8')) as Entity[];
const entities = FILES.flatMap(read);
const diffs = comparePopulations(entities, communes);

if (check) {
  for (const d of diffs) console.log(describePopulationDifference(d));
  console.log(diffs.length ? `${diffs.length} difference(s)` : 'Populations agree with the package.');
  process.exit(diffs.length ? 1 : 0);
}

const expected = expectedPopulations(communes);
for (const name of FILES) {
  const list = read(name).map((e) => {
    const value = expected.get(e.id);
    return value === undefined || !e.population ? e : { ...e, population: { ...e.population, value } };
  });
  fs.writeFileSync(path.join(DATA, name), formatDataFile(list, shapeForFile(name)));
}
const left = comparePopulations(FILES.flatMap(read), communes);
for (const d of left) console.log(describePopulationDifference(d));
console.log(left.length ? `${left.length} difference(s) need a hand edit` : 'Populations updated.');
process.exit(left.length ? 1 : 0);
