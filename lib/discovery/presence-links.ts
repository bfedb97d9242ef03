import { linkLabel } from './label';
import { resolveWebUrl } from './link-url';
import { deaccent, type PageContext, whereOf } from './page-context';
import type { DiscoveredLink } from './types';

/** Participatory software recognised from the host (hosted offers and self-hosted names). */
const SOFTWARE: readonly [RegExp, string][] = [
  [/(?:^|\.)decidim\.|(?:^|[.-])decidim(?:[.-]|$)/, 'decidim'],
  [/(?:^|\.)(?:citizenlab\.co|govocal\.com)$/, 'citizenlab'],
  [/(?:^|\.)cap-collectif\.com$/, 'cap-collectif'],
];

/** Words of a participation link: in its label, or in its host or path. */
const PARTICIPATION_LABEL =
  /\b(?:budgets? participatifs?|je participe|participez|participer|plateforme (?:de )?participation|democratie participative|concertations?|consultations? citoyennes?)\b/;
const PARTICIPATION_URL =
  /(?:budget-?participatif|jeparticipe|je-participe|participez|participer\.|participons|participation\.|concertation\.|decidim)/;

/** Blogs: hosted blog services, a `blog.` host or a `/blog` path, or a link called "blog". */
const BLOG_HOST =
  /(?:^blogs?\.|\.(?:blogspot\.[a-z.]+|wordpress\.com|over-blog\.com|over-blog\.fr|hypotheses\.org|canalblog\.com|typepad\.com)$|^medium\.com$)/;
const BLOG_PATH = /^\/blogs?(?:\/|$)/;
const BLOG_LABEL = /\bblogs?\b/;

const MAX_EACH = 50;

/** A loose first test on the raw href and text (case and accents as written), before the exact ones. */
const MAYBE_HREF = /particip|concertation|decidim|citizenlab|govocal|cap-collectif|blog|medium\.com|hypotheses/i;
const MAYBE_TEXT = /particip|concertation|consultation|blog/i;

/**
 * Participatory-platform and blog links among the page's non-social links, one per URL (fragment
 * dropped), in page order. The presence table counts both (the 2012 study did).
 */
export function collectOtherLinks(
  elements: readonly (readonly [Element, string])[],
  base: URL | undefined,
  context: PageContext,
): { participation: DiscoveredLink[]; blogs: DiscoveredLink[] } {
  const participation: DiscoveredLink[] = [];
  const blogs: DiscoveredLink[] = [];
  const seen = new Set<string>();
  for (const [el, raw] of elements) {
    if (participation.length >= MAX_EACH && blogs.length >= MAX_EACH) break;
    // Cheap tests first: most links of a homepage are neither, and labels cost a DOM walk. An
    // icon-only link has no text: its aria-label or title names it.
    if (!MAYBE_HREF.test(raw)) {
      const text = el.textContent ?? '';
      const words = /\S/.test(text) ? text : `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
      if (!MAYBE_TEXT.test(words)) continue;
    }
    const url = resolveWebUrl(raw, base);
    if (!url) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    const host = url.hostname;
    const label = linkLabel(el);
    const labelWords = deaccent(label ?? '');
    const software = SOFTWARE.find(([re]) => re.test(host))?.[1];
    const link = (): DiscoveredLink => {
      const out: DiscoveredLink = { url: url.href, where: whereOf(context.of(el)) };
      if (label !== undefined) out.label = label;
      if (software !== undefined) out.software = software;
      return out;
    };
    if (software || PARTICIPATION_URL.test(deaccent(host + url.pathname)) || PARTICIPATION_LABEL.test(labelWords)) {
      seen.add(url.href);
      if (participation.length < MAX_EACH) participation.push(link());
    } else if (BLOG_HOST.test(host) || BLOG_PATH.test(url.pathname) || BLOG_LABEL.test(labelWords)) {
      seen.add(url.href);
      if (blogs.length < MAX_EACH) blogs.push(link());
    }
  }
  return { participation, blogs };
}
