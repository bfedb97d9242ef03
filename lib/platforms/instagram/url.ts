import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostMatches, hostName } from '../url-utils';

const HOSTS = new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com']);

/** First path segments that are Instagram features, not user names (PLATFORMS.md, "Instagram"). */
const RESERVED = new Set([
  'explore',
  'accounts',
  'direct',
  'reels',
  'stories',
  'p',
  'tv',
  'reel',
  's',
  'share',
  // /dm/p/{code} is a post link variant (gallery-dl), not user "dm".
  'dm',
  // The app-link prefix /_u/{user}/ is handled before; /_u alone is nothing.
  '_u',
  // Site pages (inference from instagram.com's footer and menus).
  'about',
  'developer',
  'legal',
  'web',
  'challenge',
  'emails',
  'api',
  'graphql',
  'oauth',
  'session',
  'static',
  'create',
  'me',
]);

const PAGE_RULES = {
  tabs: new Set(['posts', 'reels', 'tagged', 'saved', 'channel', 'feed', 'igtv', 'followers', 'following']),
  posts: new Set(['p', 'reel', 'reels', 'tv', 'guide', 'guides']),
};

// In /stories/{x}/, these are not users: highlights are addressed by id, "me" is whoever is logged in.
const STORIES_NOT_USERS = new Set(['highlights', 'me']);

const USER = /^[a-z0-9._]{1,30}$/;

function isValidKey(key: string): boolean {
  // At least one non-dot: `/...` is not a name, and `.`/`..` would be eaten by URL normalisation.
  return USER.test(key) && /[a-z0-9_]/.test(key) && !RESERVED.has(key);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  let segs = accountPathSegments(url);
  // The app link /_u/{user}/ opens the same profile.
  if (segs?.[0] === '_u') segs = segs.slice(1);
  if (!segs || segs[0] === undefined) return undefined;
  const first = segs[0].toLowerCase();
  if (first === 'stories') {
    const user = segs[1]?.toLowerCase();
    return user && !STORIES_NOT_USERS.has(user) && isValidKey(user) ? accountRef('instagram', 'post', user) : undefined;
  }
  if (!isValidKey(first)) return undefined;
  const page = classifyRest(segs.slice(1), PAGE_RULES);
  return page && accountRef('instagram', page, first);
}

export const instagram: PlatformGrammar = {
  id: 'instagram',
  label: PLATFORM_LABELS.instagram,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl: (key) => `https://www.instagram.com/${key}/`,
  isValidKey,
};
