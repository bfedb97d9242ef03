import cities from './data/cities.json';
import edition from './data/edition.json';
import executive from './data/executive.json';
import ministers from './data/ministers.json';
import ministries from './data/ministries.json';
import regions from './data/regions.json';
import sources from './data/sources.json';
import study from './data/study.json';
import { type DatasetIndex, indexDataset } from './index';
import type { Dataset, Entity } from './schema';

/** The data files, by name, in the order `dataset export` assembles them. */
export const DATA_FILES = {
  'edition.json': edition,
  'sources.json': sources,
  'study.json': study,
  'cities.json': cities,
  'regions.json': regions,
  'ministries.json': ministries,
  'ministers.json': ministers,
  'executive.json': executive,
} as const;

const entities = [...cities, ...regions, ...ministries, ...ministers, ...executive] as Entity[];

/**
 * The dataset shipped with the extension, assembled from the files in ./data. It is validated by the
 * test suite (tests/dataset/*.test.ts), so the extension does not pay for validation at start-up.
 */
export const BUNDLED = {
  edition,
  sources,
  study,
  entities: entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
} as Dataset;

let cached: DatasetIndex | undefined;
export function bundledIndex(): DatasetIndex {
  cached ??= indexDataset(BUNDLED);
  return cached;
}
