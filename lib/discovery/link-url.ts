import { detectAccount, PLATFORMS } from '../platforms/registry';
import type { AccountRef } from '../platforms/types';

/**
 * Path segments that make a link a share button, an intent, an embed or a player, whatever the
 * host: such a link names a page to share or a video to play, never the site's own account.
 * Grammars reject most of them already (reserved paths); this list also covers the few a profile
 * grammar accepts by shape (`geo.dailymotion.com/player.html`, `facebook.com/sharer`, X's
 * `/intent/follow?screen_name=`, which is a button, not the profile).
 */
const NOT_A_PROFILE_SEGMENT =
  /^(?:share|sharer|sharer\.php|sharing|sharearticle|share-offsite|intent|embed|embeds|player|plugins|dialog|widgets?|oembed)$|^(?:player|embed)[.-]/;

/** A share/intent/embed/player path segment anywhere in a raw href (may also reject a query: fine). */
const SHARE_IN_RAW = /\/(?:share|sharer|sharing|sharearticle|intent|embeds?|player|plugins|dialog)(?![\w])/i;

/** Query parameters that carry the thing to share (`?u=`, `?url=`, `?text=`): a profile link has none of them. */
const SHARE_PARAMS = ['u', 'url', 'href', 'text', 'status', 'body', 'shareurl', 'mini', 'summary'];

/** Hosts whose links only ever share or redirect, even when a grammar could read their path. */
const SHARE_HOSTS = /^(?:(?:api|web|wa)\.whatsapp\.com|wa\.me|t\.me|(?:www\.)?addtoany\.com|(?:www\.)?sharethis\.com)$/;

/**
 * The registrable parts of every platform host (`facebook.com`, `x.com`, Mastodon instances…),
 * from the registry's match patterns. A homepage has thousands of links and a handful of social
 * ones: a substring test on the raw href skips URL parsing for the rest.
 */
const SOCIAL_HOSTS = [
  ...new Set(
    PLATFORMS.flatMap((p) => p.matches).map((m) =>
      (/^\*:\/\/([^/]+)\/\*$/.exec(m)?.[1] ?? m)
        .replace(/^\*\./, '')
        .replace(/^(?:www|m|mobile|touch|geo|secure)\./, ''),
    ),
  ),
];
const MAYBE_SOCIAL = new RegExp(SOCIAL_HOSTS.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

/** Whether a raw href can name a social account at all: its text holds a platform host. */
export function maybeSocial(raw: string): boolean {
  return MAYBE_SOCIAL.test(raw);
}

/**
 * The account a link on a homepage names, with the link made absolute; undefined for anything
 * that is not a profile or post link on one of the 11 platforms, including share and intent
 * links, embeds, look-alike hosts, credentials in the URL and non-web schemes. Never throws.
 */
export function accountOfLink(raw: string, base: URL | undefined): { account: AccountRef; href: string } | undefined {
  // The same test as NOT_A_PROFILE_SEGMENT, on the raw text: a page with a share bar on every
  // news card has thousands of these, and URL parsing is the costly step.
  if (SHARE_IN_RAW.test(raw)) return undefined;
  const url = resolveWebUrl(raw, base);
  if (!url) return undefined;
  if (SHARE_HOSTS.test(url.hostname)) return undefined;
  // The old X web app addressed profiles as /#!/handle; the fragment is the path there.
  if (url.hash.startsWith('#!/') && /(?:^|\.)(?:twitter|x)\.com$/.test(url.hostname)) {
    const rewritten = resolveWebUrl(url.hash.slice(2), url);
    if (!rewritten) return undefined;
    return checked(rewritten);
  }
  return checked(url);
}

function checked(url: URL): { account: AccountRef; href: string } | undefined {
  for (const segment of url.pathname.toLowerCase().split('/')) {
    if (segment !== '' && NOT_A_PROFILE_SEGMENT.test(segment)) return undefined;
  }
  for (const name of SHARE_PARAMS) {
    if (url.searchParams.get(name)) return undefined;
  }
  const account = detectAccount(url);
  return account && { account, href: url.href };
}

/**
 * `raw` resolved against `base` when it is an http(s) URL without user name or password (a URL
 * like `https://twitter.com@evil.example/` names evil.example; one with credentials is never an
 * honest profile link); undefined otherwise (javascript:, data:, mailto:, malformed).
 */
export function resolveWebUrl(raw: string, base: URL | undefined): URL | undefined {
  const trimmed = raw.trim();
  // A link of several kilobytes is a data blob or an attack, not a profile.
  if (trimmed === '' || trimmed.length > 2048) return undefined;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}
