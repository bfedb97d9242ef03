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
 * The single source of truth for supported platforms: the content script's `matches`, the
 * manifest's host permissions and URL recognition all come from this list.
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

export function contentScriptMatches(): string[] {
  return [...new Set(PLATFORMS.flatMap((p) => p.matches))];
}

/**
 * The manifest's content scripts: one per platform, on its hosts only, built from
 * entrypoints/content-<platform>.ts. Declared here rather than by WXT's content-script entrypoints,
 * whose wrapper touches the extension API and dispatches events in every page at load.
 */
export function contentScripts(): { matches: string[]; js: string[]; run_at: 'document_idle' }[] {
  return PLATFORMS.map((p) => ({ matches: [...p.matches], js: [`content-${p.id}.js`], run_at: 'document_idle' }));
}

export function hostPermissions(): string[] {
  return contentScriptMatches();
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
