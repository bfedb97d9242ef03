import { missing } from './page-utils';
import type { AccountRef, AudienceReading, GatheringReader, PlatformId } from './types';
import { youtubeReader } from './youtube/reader';

/**
 * The platforms whose reader gathers in the page and is interpreted in the background (see
 * `GatheringReader`): those whose figure sits in embedded data too large to parse in the page.
 */
const GATHERING: Partial<Record<PlatformId, GatheringReader<unknown>>> = { youtube: youtubeReader };

export const gatheringReader = (platform: PlatformId): GatheringReader<unknown> | undefined => GATHERING[platform];

/** The reading of what an account's page gathered; never throws (the page's data is untrusted). */
export function interpretGathered(account: AccountRef, gathered: unknown): AudienceReading {
  const reader = GATHERING[account.platform];
  if (!reader) return missing('this page gave data its platform does not gather');
  try {
    return reader.interpret(gathered, account);
  } catch (error) {
    return missing(`reader failed: ${(error as Error).message}`);
  }
}
