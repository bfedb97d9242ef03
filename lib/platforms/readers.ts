import type { PageReader, PlatformId } from './types';

/** Page readers per platform. Filled in by the live-reading work (issue 4). */
const READERS: Partial<Record<PlatformId, PageReader>> = {};

export function getReader(platform: PlatformId): PageReader | undefined {
  return READERS[platform];
}
