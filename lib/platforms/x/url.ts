import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostMatches, hostName, isNumericId } from '../url-utils';

const HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

/**
 * First path segments that are X product pages, not handles. From X's own navigation and the
 * lists kept by Control Panel for Twitter and OldTwitter (PLATFORMS.md, "X / Twitter").
 */
const RESERVED = new Set([
  'home',
  'explore',
  'notifications',
  'messages',
  'settings',
  'search',
  'search-advanced',
  'hashtag',
  'i',
  'compose',
  'intent',
  'share',
  'login',
  'logout',
  'register',
  'signup',
  'tos',
  'privacy',
  'account',
  'direct_messages',
  // Seen in X's menus; inference, none of these can be registered as handles.
  'bookmarks',
  'jobs',
  'download',
]);

const PAGE_RULES = {
  tabs: new Set([
    'with_replies',
    'media',
    'likes',
    'highlights',
    'articles',
    'affiliates',
    'superfollows',
    'lists',
    'communities',
    // The avatar and banner viewers open over the profile.
    'photo',
    'header_photo',
    // Follower lists.
    'followers',
    'verified_followers',
    'following',
    'followers_you_follow',
  ]),
  // `statuses` is the pre-2013 spelling, still redirected.
  posts: new Set(['status', 'statuses']),
};

const HANDLE = /^[a-z0-9_]{1,15}$/;
const ID_KEY = /^id:[1-9]\d{0,19}$/;

function isValidKey(key: string): boolean {
  return ID_KEY.test(key) || (HANDLE.test(key) && !RESERVED.has(key));
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  const segs = accountPathSegments(url);
  if (!segs || segs[0] === undefined) return undefined;
  const first = segs[0].toLowerCase();
  // Accounts addressed by numeric id: /i/user/N and the intent page /intent/user?user_id=N.
  if (first === 'i' && segs.length === 3 && segs[1] === 'user' && isNumericId(segs[2])) {
    return accountRef('x', 'profile', `id:${segs[2]}`);
  }
  if (first === 'intent' && segs.length === 2 && (segs[1] === 'user' || segs[1] === 'follow')) {
    const userId = url.searchParams.get('user_id');
    if (isNumericId(userId)) return accountRef('x', 'profile', `id:${userId}`);
    const name = url.searchParams.get('screen_name')?.toLowerCase();
    return name && isValidKey(name) ? accountRef('x', 'profile', name) : undefined;
  }
  if (!isValidKey(first) || first.startsWith('id:')) return undefined;
  const page = classifyRest(segs.slice(1), PAGE_RULES);
  return page && accountRef('x', page, first);
}

function accountUrl(key: string): string {
  return key.startsWith('id:') ? `https://x.com/i/user/${key.slice(3)}` : `https://x.com/${key}`;
}

export const x: PlatformGrammar = {
  id: 'x',
  label: PLATFORM_LABELS.x,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl,
  isValidKey,
};
