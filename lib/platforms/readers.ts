import { readBluesky } from './bluesky/reader';
import { readDailymotion } from './dailymotion/reader';
import { readFacebook } from './facebook/reader';
import { readFlickr } from './flickr/reader';
import { readInstagram } from './instagram/reader';
import { readLinkedIn } from './linkedin/reader';
import { readMastodon } from './mastodon/reader';
import { readThreads } from './threads/reader';
import { readTikTok } from './tiktok/reader';
import type { PageReader, PlatformId } from './types';
import { readX } from './x/reader';
import { readYouTube } from './youtube/reader';

/** Page readers per platform. */
const READERS: Record<PlatformId, PageReader> = {
  x: readX,
  facebook: readFacebook,
  youtube: readYouTube,
  dailymotion: readDailymotion,
  instagram: readInstagram,
  linkedin: readLinkedIn,
  tiktok: readTikTok,
  threads: readThreads,
  bluesky: readBluesky,
  mastodon: readMastodon,
  flickr: readFlickr,
};

export function getReader(platform: PlatformId): PageReader | undefined {
  return READERS[platform];
}
