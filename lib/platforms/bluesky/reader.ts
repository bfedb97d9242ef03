import {
  dig,
  followActionCount,
  found,
  linkList,
  missing,
  pathOf,
  readJsonLd,
  str,
  textOf,
  webLink,
} from '../page-utils';
import { parseCount } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Live header button; aria-label "1101177 followers" holds the raw integer (one version used title). [F]
  followers: 'a[data-testid="profileHeaderFollowersButton"]',
  // Server-rendered ProfilePage JSON-LD (first load). interactionStatistic FollowAction = followers;
  // agentInteractionStatistic FollowAction = accounts this one follows (trap). [F]
  jsonLd: 'script[type="application/ld+json"]',
  name: '[data-testid="profileHeaderDisplayName"]',
  // Links in the bio (Bluesky has no profile fields). [I]
  links: '[data-testid="profileHeaderDescription"] a[href^="http"]',
};

/** Bluesky profile: JSON-LD followers, else the header button's exact aria-label. */
export function readBluesky(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const person = readJsonLd(doc, SEL.jsonLd)
    .map((o) => dig(o, 'mainEntity'))
    .find(Boolean);
  const ldIds = [str(dig(person, 'identifier')), str(dig(person, 'alternateName'))?.replace(/^@/, '')]
    .filter((s): s is string => !!s)
    .map((s) => s.toLowerCase());
  const extra = {
    displayName: str(textOf(doc.querySelector(SEL.name))) ?? str(dig(person, 'name')),
    links: linkList([...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href'), textOf(a)))),
  };
  if (ldIds.includes(key)) {
    const n = followActionCount(dig(person, 'interactionStatistic'));
    if (n !== undefined) return found('followers', n, 'exact', 'json-ld', extra);
  }
  // The button's href names the account by handle; a did key matches through the JSON-LD pair.
  const aliases = ldIds.includes(key) ? ldIds : [key];
  for (const a of doc.querySelectorAll(SEL.followers)) {
    const who = pathOf(a.getAttribute('href'))?.split('/')[2]?.toLowerCase();
    if (!who || !aliases.includes(who)) {
      return missing(who ? `page data describes ${who}, not ${key}` : 'cannot confirm which account this is', extra);
    }
    const c = parseCount(a.getAttribute('aria-label') ?? a.getAttribute('title') ?? '');
    if (c) return found('followers', c.value, c.precision, 'attribute', extra);
  }
  if (ldIds.length && !ldIds.includes(key)) return missing(`page data describes ${ldIds[0]}, not ${key}`, extra);
  return missing('follower count not found', extra);
}
