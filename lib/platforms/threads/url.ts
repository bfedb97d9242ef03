import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountRef, classifyRest, hostMatches, hostName, pathSegments } from '../url-utils';

// threads.net moved to threads.com in 2025; both still serve profiles. l.threads.com is a link redirector.
const HOSTS = new Set(['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net']);

const PAGE_RULES = {
  tabs: new Set(['replies', 'reposts', 'media']),
  posts: new Set(['post']),
};

// Threads names are Instagram names: letters, digits, `.` and `_`, 30 at most. Only /@{user} is an account.
const USER = /^[a-z0-9._]{1,30}$/;

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
  return page && accountRef('threads', page, key);
}

export const threads: PlatformGrammar = {
  id: 'threads',
  label: PLATFORM_LABELS.threads,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl: (key) => `https://www.threads.com/@${key}`,
  isValidKey,
};
