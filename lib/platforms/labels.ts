import type { PlatformId } from './types';

/**
 * Brand names, the same in every language. Kept apart from the grammars so that the popup can
 * name a platform without loading every platform's URL rules.
 */
export const PLATFORM_LABELS: Record<PlatformId, string> = {
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
  dailymotion: 'Dailymotion',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  flickr: 'Flickr',
};

export function platformLabel(platform: PlatformId): string {
  return PLATFORM_LABELS[platform] ?? platform;
}
