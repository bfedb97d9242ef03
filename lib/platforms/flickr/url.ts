import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PageKind, PlatformGrammar } from '../types';
import {
  accountPathSegments,
  accountRef,
  classifyRest,
  hostMatches,
  hostName,
  isEmbedSegment,
  isNumericId,
} from '../url-utils';

// flic.kr is a short link to a photo; *.staticflickr.com serves images.
const HOSTS = new Set(['flickr.com', 'www.flickr.com', 'secure.flickr.com', 'm.flickr.com']);

/** Segments after /photos/ that are site pages, not a user (an inference from flickr.com's menus). */
const RESERVED = new Set(['tags', 'upload', 'organize', 'friends', 'me', 'explore', 'search']);

const PAGE_RULES = {
  tabs: new Set([
    'albums',
    'sets',
    'favorites',
    'galleries',
    'with',
    'map',
    'archives',
    'tags',
    'popular',
    'page',
    // Follower lists (on /people/{u}/).
    'contacts',
  ]),
  posts: new Set(['albums', 'sets', 'galleries']),
};

// An alias, or an NSID such as 12345678@N00, lowercased like every key.
const ALIAS = /^[a-z0-9_][a-z0-9_.-]{0,63}$/;
const NSID = /^\d{1,20}@n\d{2}$/;

function isValidKey(key: string): boolean {
  return NSID.test(key) || (ALIAS.test(key) && !RESERVED.has(key));
}

function pageOf(rest: readonly string[]): PageKind | undefined {
  // /photos/{u}/{photo id}/ is one photo; /page2/ is a page of the photostream; …/player is an embed.
  if (rest.some(isEmbedSegment)) return undefined;
  if (isNumericId(rest[0])) return 'post';
  if (rest[0] && /^page\d{1,6}$/.test(rest[0])) return 'profile';
  return classifyRest(rest, PAGE_RULES);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  const segs = accountPathSegments(url);
  if (!segs || (segs[0] !== 'photos' && segs[0] !== 'people') || segs[1] === undefined) return undefined;
  const key = segs[1].toLowerCase();
  if (!isValidKey(key)) return undefined;
  const page = pageOf(segs.slice(2));
  return page && accountRef('flickr', page, key);
}

// Flickr writes NSIDs with a capital N; the key is lowercase so that comparisons are simple.
function accountUrl(key: string): string {
  return `https://www.flickr.com/photos/${key.replace(/@n(\d{2})$/, '@N$1')}/`;
}

export const flickr: PlatformGrammar = {
  id: 'flickr',
  label: PLATFORM_LABELS.flickr,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl,
  isValidKey,
};
