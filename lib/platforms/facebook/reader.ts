import {
  canonicalUrl,
  dig,
  findWithKey,
  followActionCount,
  found,
  linkList,
  meta,
  missing,
  type Obj,
  parseJson,
  readJsonLd,
  str,
  textOf,
  webLink,
} from '../page-utils';
import { parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Inline Relay data of the logged-in/guest app (2022+), PLATFORMS.md [V] (facebook-scraper).
  data: 'script[data-sjs]',
  // Header link "12 k followers" / "12 k abonnés" to the followers tab. [V]
  followersLink: 'a[href*="/followers"], a[href*="sk=followers"]',
  // Old mobile site: JSON-LD interactionStatistic; meta "N likes · M talking about this". [V]
  // Website links in the intro box go through l.facebook.com/l.php?u=. [I]
  links: 'a[href*="l.facebook.com/l.php"]',
  // Page name in the header. [I]
  name: 'h1',
};

/** The keys of the embedded data the reader looks for (written as-is in the data, never escaped). */
const DATA_KEYS = ['follower_count', 'profile_social_context', 'page_likers'];

/** The account keys a Facebook URL can stand for: `vanity` and/or `id:N`. */
function keysOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url, 'https://www.facebook.com');
    const id = u.searchParams.get('id');
    const seg = u.pathname.split('/').filter(Boolean);
    const first = (seg[0] === 'people' ? seg[2] : seg[0])?.toLowerCase();
    return [id ? `id:${id}` : /^\d+$/.test(first ?? '') ? `id:${first}` : first].filter((k): k is string => !!k);
  } catch {
    return [];
  }
}

/** Identities an embedded page object carries (`id`, `url`, `vanity`, `username`). */
function keysOfObj(o: Obj): string[] {
  const out = keysOf(str(o.url));
  for (const k of ['vanity', 'username']) if (str(o[k])) out.push(String(o[k]).toLowerCase());
  if (/^\d+$/.test(String(o.id ?? ''))) out.push(`id:${o.id}`);
  return out;
}

/** Whether a JSON-LD object names no account, or names this one (url, identifier, names). */
function oursLd(ld: Obj, key: string): boolean {
  const ids = keysOfObj(ld);
  const identifier = str(ld.identifier);
  if (identifier) ids.push(/^\d+$/.test(identifier) ? `id:${identifier}` : identifier.toLowerCase());
  for (const k of ['alternateName', 'additionalName']) {
    const name = str(ld[k]);
    if (name) ids.push(name.replace(/^@/, '').toLowerCase());
  }
  return ids.length === 0 || ids.includes(key);
}

/**
 * Facebook page. Likes and followers are two metrics: followers is returned when the page shows it
 * (it is the figure Facebook now puts first), page likes only when no follower count is found.
 */
export function readFacebook(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const extra = {
    displayName: str(meta(doc, 'og:title')) ?? str(textOf(doc.querySelector(SEL.name))),
    links: linkList([...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href')))),
  };
  const pageKeys = keysOf(canonicalUrl(doc));
  if (pageKeys.length && !pageKeys.includes(key))
    return missing(`page data describes ${pageKeys[0]}, not ${key}`, extra);

  // Embedded objects count only if they name this page, or carry no identity on a page that is ours.
  // Only the blobs that mention a key read below are parsed (a page carries megabytes of others).
  const blobs = [...doc.querySelectorAll(SEL.data)]
    .map((s) => s.textContent ?? '')
    .filter((text) => DATA_KEYS.some((k) => text.includes(`"${k}"`)))
    .map(parseJson);
  const ours = (o: Obj) => {
    const ks = keysOfObj(o);
    return ks.length ? ks.includes(key) : pageKeys.includes(key);
  };
  const num = (v: unknown) => (Number.isSafeInteger(v) ? (v as number) : undefined);
  for (const o of findWithKey(blobs, 'follower_count')) {
    const n = num(o.follower_count);
    if (n !== undefined && ours(o)) return found('followers', n, 'exact', 'embedded-json', extra);
  }
  for (const o of findWithKey(blobs, 'profile_social_context')) {
    if (!ours(o)) continue;
    const items = dig(o, 'profile_social_context', 'content');
    for (const item of Array.isArray(items) ? items : []) {
      if (!String(dig(item, 'uri') ?? '').includes('followers')) continue;
      const c = parseCountNear(String(dig(item, 'text', 'text') ?? ''), 'followers');
      if (c) return found('followers', c.value, c.precision, 'embedded-json', extra);
    }
  }
  for (const a of doc.querySelectorAll(SEL.followersLink)) {
    if (!keysOf(a.getAttribute('href') ?? '').includes(key)) continue;
    const c = parseCountNear(textOf(a), 'followers');
    if (c) return found('followers', c.value, c.precision, 'text', extra);
  }
  for (const ld of readJsonLd(doc)) {
    const n = followActionCount(ld.interactionStatistic);
    // A JSON-LD object that names another account (found by tests/fuzz/page-readers) is not ours.
    if (n !== undefined && pageKeys.includes(key) && oursLd(ld, key)) {
      return found('followers', n, 'exact', 'json-ld', extra);
    }
  }
  for (const o of findWithKey(blobs, 'page_likers')) {
    const n = num(dig(o, 'page_likers', 'global_likers_count'));
    if (n !== undefined && ours(o)) return found('page-likes', n, 'exact', 'embedded-json', extra);
  }
  const c = pageKeys.includes(key)
    ? parseCountNear(meta(doc, 'description', 'og:description') ?? '', 'page-likes')
    : undefined;
  if (c) return found('page-likes', c.value, c.precision, 'meta', extra);
  return missing(pageKeys.length ? 'follower and like counts not found' : 'cannot confirm which page this is', extra);
}
