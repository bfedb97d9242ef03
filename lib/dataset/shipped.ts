import { browser } from 'wxt/browser';
import { type DatasetIndex, indexDataset } from './lookup';
import type { Dataset } from './schema';

/** Path of the dataset inside the built extension (written by the build, see wxt.config.ts). */
export const SHIPPED_DATASET_PATH = '/dataset.json';

let loading: Promise<DatasetIndex> | undefined;

/**
 * The dataset as the extension ships it: a JSON file beside the code, read once per page.
 * Keeping the data out of the JavaScript makes the popup's script small and quick to start,
 * and JSON.parse is faster than evaluating the same data as code. The build validated it.
 */
export function loadShippedIndex(): Promise<DatasetIndex> {
  // WXT types getURL's argument from public/; this file is generated at build time instead.
  const getURL = browser.runtime.getURL as (path: string) => string;
  loading ??= fetch(getURL(SHIPPED_DATASET_PATH))
    .then((response) => response.json() as Promise<Dataset>)
    .then(indexDataset);
  return loading;
}
