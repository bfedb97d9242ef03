import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostName, isEmbedSegment, isNumericId } from '../url-utils';

/**
 * Every subdomain of facebook.com serves profiles (www, m, web, mbasic, fr-fr…), except these,
 * which are tools or redirectors whose paths could look like a vanity name.
 */
const NON_PROFILE_SUBDOMAINS = new Set(['l', 'lm', 'developers', 'graph', 'business', 'upload']);

function isFacebookHost(host: string): boolean {
  if (host === 'facebook.com') return true;
  if (!host.endsWith('.facebook.com')) return false;
  const sub = host.slice(0, -'.facebook.com'.length);
  return !sub.includes('.') && !NON_PROFILE_SUBDOMAINS.has(sub);
}

/**
 * First path segments that are Facebook features, not vanity names (PLATFORMS.md, "Facebook").
 * Any `*.php` page is also reserved (see isValidKey); profile.php is handled before.
 */
const RESERVED = new Set([
  'friends',
  'groups',
  'marketplace',
  'watch',
  'events',
  'memories',
  'bookmarks',
  'saved',
  'pages',
  'jobs',
  'messages',
  'login',
  'games',
  'news',
  'fundraisers',
  'weather',
  'policies',
  'ads',
  'business',
  'privacy',
  'help',
  // Content without its author in the URL (/photo/?fbid=, /reel/N, /media/set/, /story.php…).
  'photo',
  'reel',
  'reels',
  'media',
  'stories',
  'share',
  'hashtag',
  'search',
  'notifications',
  'settings',
  'gaming',
  'people',
  // Old page URLs (/pg/name/posts): an inference, kept out rather than misread.
  'pg',
]);

const PAGE_RULES = {
  tabs: new Set([
    'about',
    'photos',
    'photos_by',
    'photos_of',
    'photos_albums',
    'info',
    'videos',
    'posts',
    'reels',
    'community',
    'reviews',
    'events',
    'mentions',
    'likes',
    'live_videos',
    'map',
    'music',
    'movies',
    'tv',
    'books',
    'sports',
    'groups',
    'shop',
    'services',
    // Follower lists.
    'followers',
    'following',
    'friends',
  ]),
  posts: new Set(['posts', 'videos', 'photos', 'permalink', 'notes']),
};

const VANITY = /^[a-z0-9][a-z0-9._-]{0,49}$/;
const ID_KEY = /^id:[1-9]\d{0,19}$/;

function isValidKey(key: string): boolean {
  if (ID_KEY.test(key)) return true;
  // An all-digit vanity is a numeric profile: its key is id:N.
  return VANITY.test(key) && !/^\d+$/.test(key) && !RESERVED.has(key) && !key.endsWith('.php');
}

function pageOf(rest: readonly string[]) {
  if (rest.some(isEmbedSegment)) return undefined;
  // The About tab has sub-pages: /about_contact_and_basic_info, /about_places…
  if (rest[0]?.toLowerCase().startsWith('about_')) return 'profile';
  return classifyRest(rest, PAGE_RULES);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!isFacebookHost(hostName(url))) return undefined;
  const segs = accountPathSegments(url);
  if (!segs || segs[0] === undefined) return undefined;
  const first = segs[0].toLowerCase();
  if (first === 'profile.php') {
    const id = url.searchParams.get('id');
    // The tab of a numeric profile is a query parameter (&sk=about), so the path has one segment.
    return segs.length === 1 && isNumericId(id) ? accountRef('facebook', 'profile', `id:${id}`) : undefined;
  }
  let key: string;
  let rest: string[];
  if (first === 'people' || first === 'pages') {
    // /people/Display-Name/100064860875397/, and the older page form /pages/Ville-de-Lyon/454423524626636
    // (seen in the official Ville de Lyon app, 2016).
    if (!isNumericId(segs[2])) return undefined;
    key = `id:${segs[2]}`;
    rest = segs.slice(3);
  } else {
    // Old page URLs put the page id after its name: /Région-Normandie-1517841968465016/. Usernames
    // cannot contain a hyphen, so a hyphen followed by a long number can only be that form.
    const named = /^[^/]+-(\d{8,20})$/.exec(segs[0]);
    key = isNumericId(first) ? `id:${first}` : named ? `id:${named[1]}` : first;
    rest = segs.slice(1);
  }
  if (!isValidKey(key)) return undefined;
  const page = pageOf(rest);
  return page && accountRef('facebook', page, key);
}

function accountUrl(key: string): string {
  return key.startsWith('id:')
    ? `https://www.facebook.com/profile.php?id=${key.slice(3)}`
    : `https://www.facebook.com/${key}`;
}

export const facebook: PlatformGrammar = {
  id: 'facebook',
  label: PLATFORM_LABELS.facebook,
  // `*.facebook.com` also matches facebook.com itself.
  matches: ['*://*.facebook.com/*'],
  parseAccountUrl,
  accountUrl,
  isValidKey,
};
