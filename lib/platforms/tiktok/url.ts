import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountRef, classifyRest, hostMatches, hostName, pathSegments } from '../url-utils';

// vm.tiktok.com and vt.tiktok.com are short links; tiktokv.com shares videos without their author.
const HOSTS = new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com']);

const PAGE_RULES = {
  tabs: new Set(['posts', 'liked', 'reposts', 'favorites', 'playlists', 'live']),
  posts: new Set(['video', 'photo', 'collection', 'playlist']),
};

// Only /@{user} is an account: a bare /{name} is not (tiktok.com/gouvernementfr does not exist),
// so TikTok needs no reserved-word list. Numeric user ids also work after the @.
const USER = /^[a-z0-9_.-]{1,32}$/;

function isValidKey(key: string): boolean {
  return USER.test(key) && /[a-z0-9_]/.test(key);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  const segs = pathSegments(url);
  if (!segs?.[0]?.startsWith('@')) return undefined;
  const key = segs[0].slice(1).toLowerCase();
  if (!isValidKey(key)) return undefined;
  const page = classifyRest(segs.slice(1), PAGE_RULES);
  return page && accountRef('tiktok', page, key);
}

export const tiktok: PlatformGrammar = {
  id: 'tiktok',
  label: PLATFORM_LABELS.tiktok,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl: (key) => `https://www.tiktok.com/@${key}`,
  isValidKey,
};
