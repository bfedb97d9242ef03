import { canonicalUrl, found, linkList, meta, missing, pathOf, textOf, webLink } from '../page-utils';
import { parseCount, parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Logged in: header link to the followers list; its span's `title` holds the exact number. [V]
  // Never `header span[title]` alone: the first one is the post count.
  followers: 'a[href$="/followers/"] span[title], a[href$="/followers"] span[title]',
  // Logged out: "2,362 Followers, 136 Following, 224 Posts - … (@user)". [F]
  description: ['og:description', 'description'],
  // Bio link, wrapped by l.instagram.com/?u=. [V]
  links: 'header a[href*="l.instagram.com"]',
  // "This account is private" heading (en/fr/es/de/it). [I]
  privateText:
    /this account is private|ce compte est privé|esta cuenta es privada|dieses konto ist privat|questo account è privato/i,
};

const userOf = (path: string | undefined) => path?.split('/')[1]?.toLowerCase();

/** Instagram profile: exact `title` of the followers link, else the logged-out meta description. */
export function readInstagram(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const title = meta(doc, 'og:title') ?? '';
  const extra = {
    displayName: /^(.+?) \(@/.exec(title)?.[1],
    links: linkList([...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href'), textOf(a)))),
  };
  const heading = [...doc.querySelectorAll('h2, span')].find((el) => SEL.privateText.test(textOf(el)));
  if (heading) return missing('account is private', extra);

  for (const span of doc.querySelectorAll(SEL.followers)) {
    if (userOf(pathOf(span.closest('a')?.getAttribute('href'))) !== key) continue;
    const c = parseCount(span.getAttribute('title') ?? '');
    if (c) return found('followers', c.value, c.precision, 'attribute', extra);
  }

  const desc = meta(doc, ...SEL.description) ?? '';
  // The description names the account as "(@user)"; og:url is the fallback identity.
  const named = /\(@([\w.]+)\)/.exec(desc)?.[1]?.toLowerCase() ?? userOf(pathOf(canonicalUrl(doc)));
  if (!named) return missing('follower count not found', extra);
  if (named !== key) return missing(`page data describes ${named}, not ${key}`, extra);
  const c = parseCountNear(desc, 'followers');
  if (c) return found('followers', c.value, c.precision, 'meta', extra);
  return missing('follower count not found', extra);
}
