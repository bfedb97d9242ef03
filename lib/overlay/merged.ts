import { type DatasetIndex, indexDataset } from '../dataset/lookup';
import { loadShippedIndex } from '../dataset/shipped';
import type { Lang } from '../i18n';
import { type AppliedOverlay, applyOverlay } from './apply';
import { loadOverlay, watchOverlay } from './store';
import type { Overlay } from './types';

/** The dataset the extension uses: bundled + the user's overlay, with what could not be merged. */
export interface MergedIndex {
  index: DatasetIndex;
  overlay: Overlay;
  /** Corrupted overlay entries skipped on reading. */
  skipped: number;
  conflicts: AppliedOverlay['conflicts'];
}

/** Reads the shipped dataset and the overlay, and merges them. */
export async function loadMergedIndex(
  lang: Lang,
  loadBase: () => Promise<DatasetIndex> = loadShippedIndex,
): Promise<MergedIndex> {
  const [shipped, { overlay, skipped }] = await Promise.all([loadBase(), loadOverlay()]);
  const applied = applyOverlay(shipped.dataset, overlay, lang);
  return { index: indexDataset(applied.dataset), overlay, skipped, conflicts: applied.conflicts };
}

/**
 * For the background: the merged index, built once and rebuilt after the overlay changes.
 * `onChange` listeners run after the cache is dropped, so they see the new index.
 */
export function overlayIndexLoader(
  lang: Lang,
  loadBase: () => Promise<DatasetIndex> = loadShippedIndex,
): {
  load: () => Promise<DatasetIndex>;
  onChange: (listener: () => void) => void;
} {
  let cached: Promise<DatasetIndex> | undefined;
  const listeners: (() => void)[] = [];
  let watching = false;
  const ensureWatch = () => {
    if (watching) return;
    watching = true;
    watchOverlay(() => {
      cached = undefined;
      for (const listener of listeners) listener();
    });
  };
  return {
    load() {
      ensureWatch();
      cached ??= loadMergedIndex(lang, loadBase).then((m) => m.index);
      // A failed read is not cached: the next report tries again.
      cached.catch(() => {
        cached = undefined;
      });
      return cached;
    },
    onChange(listener) {
      ensureWatch();
      listeners.push(listener);
    },
  };
}
