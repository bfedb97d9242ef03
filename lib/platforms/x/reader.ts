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
import { parseCount, parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // ProfilePage JSON-LD in the profile page, 2023+; older pages used `.author` for the entity. PLATFORMS.md [V] (Control Panel for Twitter)
  jsonLd: 'script[data-testid="UserProfileSchema-test"]',
  // Header counter links; verified_followers for verified accounts (2023+), followers otherwise. [V]
  followers: ['a[href$="/verified_followers"]', 'a[href$="/followers"]'],
  // Profile header name block: "Name" then "@handle". [V]
  name: ['[data-testid="UserName"] span'],
  header: ['[data-testid="UserName"]'],
  // Shown instead of the header for suspended or missing accounts. [V]
  empty: ['[data-testid="emptyState"]'],
  // Website in the header items (t.co href, display URL as text). [V]
  url: ['[data-testid="UserUrl"]'],
};
// Anything above the reader could use, in one selector: a page showing none of it is not read further.
const ANY = [SEL.jsonLd, ...SEL.followers, ...SEL.header, ...SEL.empty, ...SEL.url].join(', ');

/** X profile: JSON-LD FollowAction ("Follows", never "Friends" = following), then the header link. */
export function readX(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const byId = key.startsWith('id:');
  // One walk of the document instead of seven on a page that is still rendering (or a timeline):
  // the page reader reads again on every change, so this is the common case while it waits.
  if (!doc.querySelector(ANY)) {
    const none = { displayName: undefined, links: undefined };
    return missing(byId ? 'cannot confirm the account id from the page header' : 'follower count not found', none);
  }
  const urlEl = findFirst(doc, SEL.url);
  const extra = {
    displayName: str(findFirst(doc, SEL.name)?.textContent),
    links: linkList([webLink(urlEl?.getAttribute('href'), textOf(urlEl))]),
  };
  if (findFirst(doc, SEL.empty) && !extra.displayName) return missing('account suspended or does not exist', extra);

  // The live header's "@handle" wins over first-load JSON-LD (stale after in-app navigation).
  const shown = /@(\w{1,15})/.exec(textOf(findFirst(doc, SEL.header)))?.[1]?.toLowerCase();
  if (shown && !byId && shown !== key) return missing(`page shows @${shown}, not ${key}`, extra);

  const entities = readJsonLd(doc, SEL.jsonLd).map((b) => dig(b, 'mainEntity') ?? dig(b, 'author'));
  const ids = entities.map((e) => str(dig(e, byId ? 'identifier' : 'additionalName'))?.toLowerCase());
  const mine = entities[ids.findIndex((id) => (byId ? `id:${id}` : id) === key)];
  if (mine) {
    const n = followActionCount(dig(mine, 'interactionStatistic'));
    const name = str(dig(mine, 'givenName')) ?? str(dig(mine, 'name')) ?? extra.displayName;
    if (n !== undefined) return found('followers', n, 'exact', 'json-ld', { ...extra, displayName: name });
  } else if (ids.some(Boolean) && !shown) {
    return missing(`page data describes ${ids.find(Boolean)}, not ${key}`, extra);
  }

  if (byId) return missing('cannot confirm the account id from the page header', extra);
  for (const sel of SEL.followers) {
    for (const a of doc.querySelectorAll(sel)) {
      if (pathOf(a.getAttribute('href'))?.split('/')[1]?.toLowerCase() !== key) continue;
      const text = textOf(a);
      const c = parseCountNear(text, 'followers') ?? parseCount(text);
      if (c) return found('followers', c.value, c.precision, 'text', extra);
    }
  }
  return missing('follower count not found', extra);
}
