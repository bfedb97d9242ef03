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
    // A count beside a link to another profile belongs to that profile (suggested accounts);
    // found by tests/fuzz/page-readers.
    const near = el.parentElement?.querySelector('a[href^="/@"]')?.getAttribute('href');
    if (near && near.slice(2).split('/')[0]?.toLowerCase() !== key) continue;
    const t = textOf(el);
    const n = t.length < 40 ? parseCountNear(t, 'followers') : undefined;
    if (n) return found('followers', n.value, n.precision, 'text', extra);
  }
  return missing('follower count not found', extra);
}
