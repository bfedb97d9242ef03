import {
  canonicalUrl,
  dig,
  found,
  linkList,
  meta,
  missing,
  pathOf,
  readJsonLd,
  str,
  textOf,
  webLink,
} from '../page-utils';
import { parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Guest page: "Audiense | 5,750 followers on LinkedIn. …" (also og: and twitter:). [F]
  description: ['description', 'og:description', 'twitter:description'],
  // Guest top card "London, London · 5,750 followers" [F]; logged-in summary items "12 345 abonnés". [V]
  text: ['h3.top-card-layout__first-subline', '.org-top-card-summary-info-list__info-item'],
  // Guest "About" website link, through linkedin.com/redir/redirect?url=. [F]
  links: '[data-test-id="about-us__website"] a, a[data-tracking-control-name="about_website"]',
  // Name: guest h1 [F]; logged-in h1 [I].
  name: 'h1',
};

/** "company/slug" from a LinkedIn URL path ("/company/audiense/about" → "company/audiense"). */
const keyOf = (path: string | undefined) => path?.split('/').slice(1, 3).join('/').toLowerCase() || undefined;

/** LinkedIn organisation page: exact counts in the guest meta description, else the top card text. */
export function readLinkedIn(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const org = readJsonLd(doc).find((o) => o['@type'] === 'Organization');
  const extra = {
    displayName: str(dig(org, 'name')) ?? (textOf(doc.querySelector(SEL.name)) || undefined),
    links: linkList([
      ...[...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href'), textOf(a))),
      webLink(str(dig(org, 'sameAs'))),
    ]),
  };
  const page = keyOf(pathOf(canonicalUrl(doc))) ?? keyOf(pathOf(str(dig(org, 'url'))));
  if (page && page !== key) return missing(`page data describes ${page}, not ${key}`, extra);

  const c = page ? parseCountNear(meta(doc, ...SEL.description) ?? '', 'followers') : undefined;
  if (c) return found('followers', c.value, c.precision, 'meta', extra);
  // The top card is the live page; without a canonical URL it is trusted as the page shown.
  for (const sel of SEL.text) {
    for (const el of doc.querySelectorAll(sel)) {
      const t = parseCountNear(textOf(el), 'followers');
      if (t) return found('followers', t.value, t.precision, 'text', extra);
    }
  }
  return missing('follower count not found', extra);
}
