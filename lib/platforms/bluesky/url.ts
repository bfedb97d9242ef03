import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostMatches, hostName, isHostName } from '../url-utils';

// main.bsky.dev is the official preview deployment of the same app. Mirrors (fxbsky.app) are not profiles.
const HOSTS = new Set(['bsky.app', 'www.bsky.app', 'main.bsky.dev']);

const PAGE_RULES = {
  tabs: new Set([
    'posts',
    'replies',
    'media',
    'video',
    'likes',
    'feeds',
    'lists',
    'starter-packs',
    // Follower lists.
    'follows',
    'followers',
    'known-followers',
  ]),
  // A feed or a list is content published by the account.
  posts: new Set(['post', 'feed', 'lists']),
};

// did:plc ids are 24 base32 characters; did:web ids are a host name.
const DID_PLC = /^did:plc:[a-z2-7]{24}$/;

function isValidKey(key: string): boolean {
  if (DID_PLC.test(key)) return true;
  if (key.startsWith('did:web:')) return isHostName(key.slice('did:web:'.length));
  return isHostName(key);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOSTS.has(hostName(url))) return undefined;
  const segs = accountPathSegments(url);
  if (segs?.[0] !== 'profile' || segs[1] === undefined) return undefined;
  // Handles are case-insensitive host names; a leading @ is not part of them.
  const key = segs[1].toLowerCase();
  if (!isValidKey(key)) return undefined;
  const page = classifyRest(segs.slice(2), PAGE_RULES);
  return page && accountRef('bluesky', page, key);
}

export const bluesky: PlatformGrammar = {
  id: 'bluesky',
  label: PLATFORM_LABELS.bluesky,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl: (key) => `https://bsky.app/profile/${key}`,
  isValidKey,
};
