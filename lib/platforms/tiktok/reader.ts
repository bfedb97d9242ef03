import { jsonAt } from '../json-fields';
import {
  dig,
  findFirst,
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
  // Rehydration data of the first load (2023+). [F]
  data: 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__',
  // JSON-LD ProfilePage; interactionType is an object here. [F]
  jsonLd: 'script#ProfilePage, script[type="application/ld+json"]',
  // Live header: abbreviated counter ("783.4K") and the handle. [F]
  counter: ['strong[data-e2e="followers-count"]'],
  handle: ['[data-e2e="user-title"]', 'h1[data-e2e="user-title"]'],
  // Bio link. [I]
  links: 'a[data-e2e="user-link"]',
};

/** TikTok profile: `statsV2.followerCount` (exact string) first; `stats` and JSON-LD are rounded. */
export function readTikTok(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  // Only `userInfo` is parsed, not the whole rehydration data.
  const info = jsonAt(doc.querySelector(SEL.data)?.textContent ?? '', 0, [
    '__DEFAULT_SCOPE__',
    'webapp.user-detail',
    'userInfo',
  ]);
  const user = dig(info, 'user');
  const ld = readJsonLd(doc, SEL.jsonLd)
    .map((o) => dig(o, 'mainEntity'))
    .find(Boolean);
  const extra = {
    displayName: str(dig(user, 'nickname')) ?? str(dig(ld, 'name')),
    links: linkList([
      webLink(str(dig(user, 'bioLink', 'link'))),
      ...[...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href'), textOf(a))),
    ]),
  };
  const problems: string[] = [];
  const uid = str(dig(user, 'uniqueId'))?.toLowerCase();
  if (uid === key) {
    const exact = Number(dig(info, 'statsV2', 'followerCount'));
    if (Number.isSafeInteger(exact)) return found('followers', exact, 'exact', 'embedded-json', extra);
    const rounded = Number(dig(info, 'stats', 'followerCount'));
    if (Number.isSafeInteger(rounded)) return found('followers', rounded, 'rounded', 'embedded-json', extra);
  } else if (uid) problems.push(`page data describes ${uid}, not ${key}`);

  const ldUser = (str(dig(ld, 'alternateName')) ?? pathOf(str(dig(ld, 'url')))?.slice(2))?.toLowerCase();
  if (ldUser === key) {
    const n = followActionCount(dig(ld, 'interactionStatistic'));
    if (n !== undefined) return found('followers', n, 'rounded', 'json-ld', extra);
  } else if (ldUser) problems.push(`page data describes ${ldUser}, not ${key}`);
  if (problems.length) return missing(problems[0] ?? '', extra);

  // The live header is trusted only when it shows this account's handle.
  if (textOf(findFirst(doc, SEL.handle)).toLowerCase().replace(/^@/, '') === key) {
    const c = parseCount(textOf(findFirst(doc, SEL.counter)));
    if (c) return found('followers', c.value, c.precision, 'text', extra);
  }
  return missing('follower count not found', extra);
}
