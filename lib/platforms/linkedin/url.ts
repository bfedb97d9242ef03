import { PLATFORM_LABELS } from '../labels';
import type { AccountRef, PlatformGrammar } from '../types';
import { accountPathSegments, accountRef, classifyRest, hostName, unicodeTest } from '../url-utils';

// linkedin.com, www. and the two-letter country subdomains (fr., de., uk.…) serve the same pages.
// Other subdomains (business., learning., developer.…) are separate sites.
const HOST = /^(?:(?:www|[a-z]{2})\.)?linkedin\.com$/;

/** Path prefixes that name an organisation or a person; everything else (feed, pulse, jobs…) is not an account. */
const KINDS = new Set(['company', 'showcase', 'school', 'in']);

const ORG_RULES = {
  tabs: new Set([
    'about',
    'posts',
    'jobs',
    'life',
    'videos',
    'people',
    'events',
    'insights',
    'products',
    'services',
    'mycompany',
  ]),
};

const PERSON_RULES = {
  tabs: new Set(['recent-activity', 'details', 'overlay', 'detail', 'followers']),
};

// Slugs are percent-encoded in URLs and may hold letters of any script (`regroupement-des-éco-quartiers`).
// Tested by its ASCII form on ASCII keys (see unicodeTest).
export const KEY_PATTERN = {
  ascii: /^(?:company|showcase|school|in)\/[A-Za-z0-9_.'-]{1,100}$/,
  unicode: String.raw`^(?:company|showcase|school|in)\/[\p{L}\p{M}\p{N}_.'-]{1,100}$`,
};
const KEY = unicodeTest(KEY_PATTERN);

function isValidKey(key: string): boolean {
  return KEY(key) && key === key.toLowerCase();
}

function parseAccountUrl(url: URL): AccountRef | undefined {
  if (!HOST.test(hostName(url))) return undefined;
  const all = accountPathSegments(url);
  // The lightweight mobile site serves the same accounts under /mwlite/ (`/mwlite/in/{slug}`).
  const segs = all?.[0]?.toLowerCase() === 'mwlite' ? all.slice(1) : all;
  if (!segs || segs[0] === undefined || segs[1] === undefined) return undefined;
  const kind = segs[0].toLowerCase();
  if (!KINDS.has(kind)) return undefined;
  const key = `${kind}/${segs[1].toLowerCase()}`;
  if (!isValidKey(key)) return undefined;
  const rest = segs.slice(2);
  // A person's profile in another language: /in/{slug}/en.
  if (kind === 'in' && rest.length === 1 && /^[a-z]{2}$/.test(rest[0] ?? ''))
    return accountRef('linkedin', 'profile', key);
  const page = classifyRest(rest, kind === 'in' ? PERSON_RULES : ORG_RULES);
  return page && accountRef('linkedin', page, key);
}

export const linkedin: PlatformGrammar = {
  id: 'linkedin',
  label: PLATFORM_LABELS.linkedin,
  matches: ['*://*.linkedin.com/*'],
  parseAccountUrl,
  accountUrl: (key) => `https://www.linkedin.com/${key}/`,
  isValidKey,
};
