import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PageKind, PlatformGrammar } from '../types';
import {
  accountPathSegments,
  accountRef,
  classifyRest,
  hostMatches,
  hostName,
  isEmbedSegment,
  isHostName,
  isNumericId,
} from '../url-utils';
import { MASTODON_INSTANCES } from './instances';

const HOSTS = new Set(MASTODON_INSTANCES);

// Remote accounts get a canonical URL on this instance, since their own server may not be listed.
const VIEWING_INSTANCE = 'mastodon.social';

const PAGE_RULES = {
  tabs: new Set(['with_replies', 'media', 'featured', 'tagged', 'followers', 'following']),
  // /users/{u}/statuses/{id} is the ActivityPub spelling of /@{u}/{id}.
  posts: new Set(['statuses']),
};

// Mastodon's own user-name rule; other servers of the fediverse use the same charset in practice.
const USER = /^[a-z0-9_](?:[a-z0-9_.-]{0,62}[a-z0-9_])?$/;
// `/accounts/{id}` names an account by its id on that instance only, so the key keeps the host.
const ID_KEY = /^id:[1-9]\d{0,19}@(.+)$/;

function isValidKey(key: string): boolean {
  const id = ID_KEY.exec(key);
  if (id) return HOSTS.has(id[1] ?? '');
  const at = key.indexOf('@');
  return at > 0 && USER.test(key.slice(0, at)) && isHostName(key.slice(at + 1));
}

/** `user` or `user@domain` (as written after `/@` or `/users/`) → `user@domain`. */
function acctKey(acct: string, host: string): string {
  const lower = acct.toLowerCase();
  return lower.includes('@') ? lower : `${lower}@${host}`;
}

function pageOf(rest: readonly string[]): PageKind | undefined {
  // Statuses are /@{acct}/{numeric id}; /@{acct}/{id}/embed is the embed view (not ours).
  if (rest.some(isEmbedSegment)) return undefined;
  if (isNumericId(rest[0])) return 'post';
  return classifyRest(rest, PAGE_RULES);
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  const host = hostName(url);
  if (!HOSTS.has(host)) return undefined;
  let segs = accountPathSegments(url);
  // The web app's older prefix (/web/@u) and the advanced interface (/deck/@u) show the same pages.
  if (segs?.[0] === 'web' || segs?.[0] === 'deck') segs = segs.slice(1);
  const [first, second] = segs ?? [];
  if (!segs || first === undefined) return undefined;
  let acct: string;
  let rest: string[];
  if (first.startsWith('@')) {
    acct = first.slice(1);
    rest = segs.slice(1);
  } else if (first === 'users' && second !== undefined) {
    acct = second;
    rest = segs.slice(2);
  } else if (first === 'accounts' && segs.length === 2 && isNumericId(second)) {
    return accountRef('mastodon', 'profile', `id:${second}@${host}`);
  } else {
    return undefined;
  }
  // /@user.rss and /users/user.json are feeds and ActivityPub documents, not the profile page.
  if (/\.(?:rss|atom|json)$/i.test(acct)) return undefined;
  const key = acctKey(acct, host);
  if (!isValidKey(key)) return undefined;
  const page = pageOf(rest);
  return page && accountRef('mastodon', page, key);
}

function accountUrl(key: string): string {
  const id = ID_KEY.exec(key);
  if (id) return `https://${id[1]}/accounts/${key.slice(3, key.indexOf('@'))}`;
  const at = key.indexOf('@');
  const domain = key.slice(at + 1);
  return HOSTS.has(domain) ? `https://${domain}/@${key.slice(0, at)}` : `https://${VIEWING_INSTANCE}/@${key}`;
}

export const mastodon: PlatformGrammar = {
  id: 'mastodon',
  label: PLATFORM_LABELS.mastodon,
  matches: hostMatches(HOSTS),
  parseAccountUrl,
  accountUrl,
  isValidKey,
};
