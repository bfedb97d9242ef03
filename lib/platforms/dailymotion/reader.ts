import {
  canonicalUrl,
  dig,
  followActionCount,
  found,
  ldNamesOther,
  meta,
  missing,
  pathOf,
  readJsonLd,
  str,
} from '../page-utils';
import { parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

// Only the public API field `followers_total` is verified (PLATFORMS.md); the page markup is not.
// These sources are the generic ones (JSON-LD FollowAction, "N followers" in the description) and
// stay unverified [I] until a saved channel page exists.
const SEL = { description: ['og:description', 'description'] };

/** "/user" or "/user/user" or "/old/user/user" → "user". */
const userOf = (path: string | undefined) =>
  path
    ?.replace(/^\/(old\/)?(user\/)?/, '')
    .split('/')[0]
    ?.toLowerCase();

/** Dailymotion channel (unverified markup): JSON-LD FollowAction, else the meta description. */
export function readDailymotion(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const who = userOf(pathOf(canonicalUrl(doc)));
  const extra = { displayName: meta(doc, 'og:title') };
  if (!who) return missing('cannot confirm which channel this is', extra);
  if (who !== key) return missing(`page data describes ${who}, not ${key}`, extra);
  for (const o of readJsonLd(doc)) {
    // Found by tests/fuzz/page-readers: another account's JSON-LD on the page is not this one's.
    if (ldNamesOther(o, key)) continue;
    const n = followActionCount(dig(o, 'interactionStatistic') ?? dig(o, 'mainEntity', 'interactionStatistic'));
    if (n !== undefined)
      return found('followers', n, 'exact', 'json-ld', { ...extra, displayName: str(o.name) ?? extra.displayName });
  }
  const c = parseCountNear(meta(doc, ...SEL.description) ?? '', 'followers');
  if (c) return found('followers', c.value, c.precision, 'meta', extra);
  return missing('follower count not found', extra);
}
