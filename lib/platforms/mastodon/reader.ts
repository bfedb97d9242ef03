import { canonicalUrl, found, linkList, meta, missing, textOf, webLink } from '../page-utils';
import { parseCount, parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Web app header: the followers link's `title` is the exact, locale-formatted count. [V]
  followers: '.account__header__extra__links a[href$="/followers"]',
  // "12 Posts, 3 Following, 456 Followers · note"; followers omitted when hidden. [V]
  description: ['og:description', 'description'],
  // "user@instance" of the profile. [I]
  username: 'profile:username',
  // Profile fields (verified rel=me links and others). [V]
  links: '.account__header__fields a[href^="http"]',
};

/** "user@host" (or "user" when the host is not written) from "/@user", "/@user@host", "/users/user". */
function acctOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, 'https://invalid.example');
    const m = /^\/(?:@|users\/)([\w.-]+)(?:@([\w.-]+))?/.exec(u.pathname);
    if (!m) return undefined;
    const host = m[2] ?? (u.hostname === 'invalid.example' ? '' : u.hostname);
    return `${m[1]}${host ? `@${host}` : ''}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Same account when users match and, where both hosts are known, hosts match. */
const sameAcct = (a: string, key: string) => a === key || (!a.includes('@') && key.startsWith(`${a}@`));

/** Mastodon profile: exact `title` of the header link, else the meta description. */
export function readMastodon(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase().replace(/^@/, '');
  const extra = {
    displayName: /^(.+?) \(@/.exec(meta(doc, 'og:title') ?? '')?.[1],
    links: linkList([...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href'), textOf(a)))),
  };
  for (const a of doc.querySelectorAll(SEL.followers)) {
    const who = acctOf(a.getAttribute('href'));
    if (!who || !sameAcct(who, key))
      return missing(`page data describes ${who ?? 'another account'}, not ${key}`, extra);
    const c = parseCount(a.getAttribute('title') ?? '') ?? parseCountNear(textOf(a), 'followers');
    if (c) return found('followers', c.value, c.precision, a.hasAttribute('title') ? 'attribute' : 'text', extra);
  }
  const who = meta(doc, SEL.username)?.toLowerCase() ?? acctOf(canonicalUrl(doc));
  if (!who) return missing('cannot confirm which account this is', extra);
  if (!sameAcct(who, key)) return missing(`page data describes ${who}, not ${key}`, extra);
  const desc = meta(doc, ...SEL.description) ?? '';
  const c = parseCountNear(desc, 'followers');
  if (c) return found('followers', c.value, c.precision, 'meta', extra);
  return missing(
    /following|abonnements/i.test(desc) ? 'follower count hidden by the account' : 'follower count not found',
    extra,
  );
}
