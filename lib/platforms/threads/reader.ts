import { canonicalUrl, found, linkList, meta, missing, pathOf, textOf, webLink } from '../page-utils';
import { parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // "12,345 Followers • 678 Threads • bio" [V]; og:title "Name (@user) • Threads, Say more". [I]
  description: ['og:description', 'description'],
  // Live header: a short text holding "N followers". English verified only. [V]
  text: 'span',
  // Bio links go through l.threads.com / l.instagram.com with ?u=. [I]
  links: 'a[href*="l.threads."], a[href*="l.instagram.com"]',
};

/** Threads profile: the meta description, else the live header text. */
export function readThreads(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const title = meta(doc, 'og:title') ?? '';
  const extra = {
    displayName: /^(.+?) \(@/.exec(title)?.[1],
    links: linkList(
      [...doc.querySelectorAll(SEL.links)].map((a) => {
        const href = a.getAttribute('href') ?? '';
        // l.threads.* wraps like l.instagram.com: the destination is in ?u=.
        return webLink(href.replace(/^https?:\/\/l\.threads\.[a-z]+\//, 'https://l.instagram.com/'), textOf(a));
      }),
    ),
  };
  const named = (
    /\(@([\w.]+)\)/.exec(title)?.[1] ?? pathOf(canonicalUrl(doc))?.split('/')[1]?.replace(/^@/, '')
  )?.toLowerCase();
  if (named && named !== key) return missing(`page data describes ${named}, not ${key}`, extra);
  const c = named ? parseCountNear(meta(doc, ...SEL.description) ?? '', 'followers') : undefined;
  if (c) return found('followers', c.value, c.precision, 'meta', extra);
  for (const el of doc.querySelectorAll(SEL.text)) {
    // A count beside another profile belongs to that profile (suggested accounts); found by
    // tests/fuzz/page-readers.
    if (showsOther(el.parentElement, key)) continue;
    const t = textOf(el);
    const n = t.length < 40 ? parseCountNear(t, 'followers') : undefined;
    if (n) return found('followers', n.value, n.precision, 'text', extra);
  }
  return missing('follower count not found', extra);
}

/**
 * Whether a block names a profile other than `key`: a link to `/@user` (relative or absolute) or an
 * "@user" in its text.
 */
function showsOther(box: Element | null, key: string): boolean {
  if (!box) return false;
  for (const a of box.querySelectorAll('a[href*="/@"]')) {
    const user = pathOf(a.getAttribute('href'))?.split('/')[1];
    if (user?.startsWith('@') && user.slice(1).toLowerCase() !== key) return true;
  }
  for (const [, user] of textOf(box).matchAll(/(?:^|[\s(])@([\w.]+)/g))
    if (user?.replace(/\.+$/, '').toLowerCase() !== key) return true;
  return false;
}
