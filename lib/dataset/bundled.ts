import data from './data/dataset.json';
import { type DatasetIndex, indexDataset } from './index';
import type { Dataset } from './schema';

/**
 * The dataset shipped with the extension. It is validated by the test suite (tests/dataset*.test.ts),
 * so the extension does not pay for validation at start-up.
 */
export const BUNDLED = data as Dataset;

let cached: DatasetIndex | undefined;
export function bundledIndex(): DatasetIndex {
  cached ??= indexDataset(BUNDLED);
  return cached;
}
