import { bluesky } from './bluesky/url';
import { dailymotion } from './dailymotion/url';
import { facebook } from './facebook/url';
import { flickr } from './flickr/url';
import { instagram } from './instagram/url';
import { linkedin } from './linkedin/url';
import { mastodon } from './mastodon/url';
import { threads } from './threads/url';
import { tiktok } from './tiktok/url';
import type { AccountRef, PlatformGrammar, PlatformId } from './types';
import { x } from './x/url';
import { youtube } from './youtube/url';

/**
 * The single source of truth for supported platforms: the manifest's host permissions (the hosts
 * whose tab URLs the background sees and whose account pages it may read) and URL recognition
 * both come from this list.
 */
export const PLATFORMS: readonly PlatformGrammar[] = [
  x,
  facebook,
  youtube,
  dailymotion,
  instagram,
  linkedin,
  tiktok,
  threads,
  bluesky,
  mastodon,
  flickr,
];

const byId = new Map<PlatformId, PlatformGrammar>(PLATFORMS.map((p) => [p.id, p]));

export function getPlatform(id: PlatformId): PlatformGrammar | undefined {
  return byId.get(id);
}

/** The platforms' hosts: the manifest's host permissions. */
export function hostPermissions(): string[] {
  return [...new Set(PLATFORMS.flatMap((p) => p.matches))];
}

/** URL (string or URL) → account, or undefined. Never throws, whatever the input. */
export function detectAccount(input: string | URL): AccountRef | undefined {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const platform of PLATFORMS) {
    try {
      const found = platform.parseAccountUrl(url);
      if (found) return found;
    } catch {
      // A grammar bug on one platform must not break recognition on the others.
    }
  }
  return undefined;
}
