import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostMatches, hostName, isEmbedSegment } from '../url-utils';

// dailymotion.fr is the only country domain seen in a real URL (yt-dlp tests). dai.ly is a short
// link to a video, never to an account.
const HOSTS = new Set(
  ['dailymotion.com', 'dailymotion.fr'].flatMap((domain) => ['', 'www.', 'touch.', 'geo.'].map((sub) => sub + domain)),
);

/** First path segments that are Dailymotion features (yt-dlp's list, then menu pages seen on the site). */
const RESERVED = new Set([
  'embed',
  'player',
  'widget',
  'cdn',
  'swf',
  'video',
  'playlist',
  'search',
  'crawler',
  'user',
  'old',
  'library',
  'following',
  'signin',
  'signup',
  'settings',
  'upload',
  'explore',
  'live',
  'channel',
  'partner',
  'legal',
  'about',
]);

const PAGE_RULES = {
  tabs: new Set(['videos', 'playlists', 'about', 'followers', 'following', 'live', 'subscriptions', 'collections']),
};

// Three characters at least: two-letter paths (/fr, /us) are locale landing pages, not users.
const USER = /^[a-z0-9][a-z0-9_.-]{2,49}$/;

function isValidKey(key: string): boolean {
  // geo.dailymotion.com/player.html?video=… is the video player: a file name is never a user.
  return USER.test(key) && !RESERVED.has(key) && !isEmbedSegment(key);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  const segs = accountPathSegments(url);
  if (!segs || segs.length === 0) return undefined;
  const lower = segs.map((s) => s.toLowerCase());
  // /user/{u} and /old/user/{u} are older spellings of /{u}.
  let at = 0;
  if (lower[0] === 'user') at = 1;
  else if (lower[0] === 'old' && lower[1] === 'user') at = 2;
  const key = lower[at];
  if (key === undefined || !isValidKey(key)) return undefined;
  const page = classifyRest(segs.slice(at + 1), PAGE_RULES);
  return page && accountRef('dailymotion', page, key);
}

export const dailymotion: PlatformGrammar = {
  id: 'dailymotion',
  label: PLATFORM_LABELS.dailymotion,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl: (key) => `https://www.dailymotion.com/${key}`,
  isValidKey,
};
