import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostMatches, hostName, unicodeTest } from '../url-utils';

// music.youtube.com is another product with its own artist pages; not a channel page.
const HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com']);

/**
 * First path segments that are YouTube features, so a bare `/{name}` there is not a legacy custom
 * channel URL. yt-dlp's list plus the feature pages /news, /course and a few menu pages.
 */
const RESERVED = new Set([
  'channel',
  'c',
  'user',
  'playlist',
  'watch',
  'w',
  'v',
  'embed',
  'e',
  'player',
  'live',
  'watch_popup',
  'clip',
  'shorts',
  'movies',
  'results',
  'search',
  'shared',
  'hashtag',
  'trending',
  'explore',
  'feed',
  'feeds',
  'browse',
  'oembed',
  'get_video_info',
  'iframe_api',
  's',
  'source',
  'storefront',
  'oops',
  'index',
  'account',
  't',
  'about',
  'upload',
  'signin',
  'logout',
  'news',
  'course',
  // Menu pages (inference from youtube.com's navigation).
  'gaming',
  'premium',
  'kids',
  'redirect',
  'attribution_link',
  'howyoutubeworks',
  'creators',
  'ads',
]);

const PAGE_RULES = {
  tabs: new Set([
    'featured',
    'videos',
    'shorts',
    'streams',
    'live',
    'playlists',
    'posts',
    'community',
    'about',
    'podcasts',
    'releases',
    'channels',
    'home',
    'search',
    'store',
    'courses',
    'join',
  ]),
};

// Handles: 3–30 characters, letters of any script, digits, `_ - . ·`; may end with a dot.
// (Each with its ASCII form, tested instead on ASCII keys: see unicodeTest.)
export const HANDLE_PATTERN = { ascii: /^@[A-Za-z0-9_.-]{3,30}$/, unicode: String.raw`^@[\p{L}\p{M}\p{N}_.·-]{3,30}$` };
const HANDLE = unicodeTest(HANDLE_PATTERN);
const CHANNEL_ID = /^UC[\w-]{22}$/;
export const NAME_PATTERN = { ascii: /^[A-Za-z0-9_.-]{1,100}$/, unicode: String.raw`^[\p{L}\p{M}\p{N}_.-]{1,100}$` };
const NAME = unicodeTest(NAME_PATTERN);
// Bare legacy names are letters and digits only; a dot there is a file (/robots.txt, /favicon.ico).
export const LEGACY_NAME_PATTERN = {
  ascii: /^[A-Za-z0-9_-]{1,100}$/,
  unicode: String.raw`^[\p{L}\p{M}\p{N}_-]{1,100}$`,
};
const LEGACY_NAME = unicodeTest(LEGACY_NAME_PATTERN);

function isValidKey(key: string): boolean {
  if (CHANNEL_ID.test(key)) return true;
  if (key !== key.toLowerCase()) return false;
  if (key.startsWith('@')) return HANDLE(key);
  if (key.startsWith('c/') || key.startsWith('user/')) return NAME(key.slice(key.indexOf('/') + 1));
  if (key.startsWith('legacy:')) {
    const name = key.slice('legacy:'.length);
    return !RESERVED.has(name) && LEGACY_NAME(name);
  }
  return false;
}

/** The candidate account key and the segments after it. */
function splitChannel(first: string, segs: readonly string[]): [string, string[]] {
  if (first.startsWith('@')) return [first.toLowerCase(), segs.slice(1)];
  const lower = first.toLowerCase();
  const second = segs[1];
  if (lower === 'channel' && second !== undefined) return [second, segs.slice(2)];
  if ((lower === 'c' || lower === 'user') && second !== undefined)
    return [`${lower}/${second.toLowerCase()}`, segs.slice(2)];
  return [`legacy:${lower}`, segs.slice(1)];
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  const segs = accountPathSegments(url);
  if (!segs || segs[0] === undefined) return undefined;
  const split = splitChannel(segs[0], segs);
  if (!isValidKey(split[0])) return undefined;
  // Videos live under /watch, /shorts… without the channel: a channel URL is always a profile page.
  const page = classifyRest(split[1], PAGE_RULES);
  return page && accountRef('youtube', page, split[0]);
}

function accountUrl(key: string): string {
  if (CHANNEL_ID.test(key)) return `https://www.youtube.com/channel/${key}`;
  if (key.startsWith('legacy:')) return `https://www.youtube.com/${key.slice('legacy:'.length)}`;
  return `https://www.youtube.com/${key}`;
}

export const youtube: PlatformGrammar = {
  id: 'youtube',
  label: PLATFORM_LABELS.youtube,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl,
  isValidKey,
};
