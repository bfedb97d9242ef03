import { getPlatform } from '../platforms/registry';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import { readSameAs } from './json-ld';
import { cardTitle, linkLabel, namesPartner, siteName } from './label';
import { accountOfLink, maybeSocial, resolveWebUrl } from './link-url';
import { PageContext, whereOf } from './page-context';
import { collectOtherLinks } from './presence-links';
import type { DiscoveredAccount, DiscoveryResult, Evidence, Where } from './types';

/** Links read at most: beyond this a page is hostile or not a homepage. */
const MAX_LINKS = 50_000;
/** Social links weighed at most (context and label cost a little each). */
const MAX_SOCIAL = 2_000;

/**
 * Tiers, best first: the site's own JSON-LD `sameAs`; `rel="me"`; links in the page's own chrome
 * (footer, header, follow block outside the main content); follow blocks inside the content; any
 * other link (including a partner's JSON-LD).
 */
function tierOf(evidence: Evidence, where: Where, own: boolean): number {
  if (evidence === 'same-as') return own ? 0 : 4;
  if (evidence === 'rel-me') return 1;
  if (where === 'header' || where === 'footer' || where === 'follow' || where === 'head') return 2;
  if (where === 'content-follow') return 3;
  return 4;
}

interface Occurrence {
  platform: PlatformId;
  key: string;
  href: string;
  evidence: Evidence;
  where: Where;
  tier: number;
  partner: boolean;
  label?: string;
  order: number;
}

interface Merged {
  best: Occurrence;
  occurrences: number;
  /** Some link names the profile itself, not only a post. */
  profile: boolean;
}

function better(a: Occurrence, b: Occurrence): boolean {
  // A profile link beats a post link; then a link not labelled as a partner's; then the tier.
  const ap = a.evidence === 'post' ? 1 : 0;
  const bp = b.evidence === 'post' ? 1 : 0;
  if (ap !== bp) return ap < bp;
  if (a.partner !== b.partner) return !a.partner;
  if (a.tier !== b.tier) return a.tier < b.tier;
  return a.order < b.order;
}

/**
 * Every account of the 11 platforms that a page links, ranked per platform, with the page's
 * participatory-platform and blog links. Pure: reads `doc`, never fetches, never throws — a page
 * it cannot read yields empty lists and a problem.
 */
export function discoverAccounts(doc: Document, pageUrl: string): DiscoveryResult {
  const problems: string[] = [];
  try {
    return discover(doc, pageUrl, problems);
  } catch (error) {
    problems.push(`the page could not be read: ${(error as Error)?.message ?? String(error)}`);
    return { candidates: [], participation: [], blogs: [], problems };
  }
}

function discover(doc: Document, pageUrl: string, problems: string[]): DiscoveryResult {
  const page = resolveWebUrl(pageUrl, undefined);
  if (!page) problems.push(`${pageUrl} is not an http(s) URL: relative links were not resolved`);
  // <base href> changes what relative links mean, as in the browser.
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && resolveWebUrl(baseHref, page)) || page;
  const host = page?.hostname;
  const socialBase = base !== undefined && maybeSocial(base.hostname);
  const name = siteName(doc, host);
  const context = new PageContext();
  const merged = new Map<string, Merged>();
  let order = 0;
  let social = 0;

  const add = (o: Omit<Occurrence, 'order'>) => {
    const id = `${o.platform} ${o.key}`;
    const occ = { ...o, order: order++ };
    const prior = merged.get(id);
    if (!prior) merged.set(id, { best: occ, occurrences: 1, profile: o.evidence !== 'post' });
    else {
      prior.occurrences++;
      if (o.evidence !== 'post') prior.profile = true;
      if (better(occ, prior.best)) prior.best = occ;
    }
  };

  for (const entry of readSameAs(doc, host, problems)) {
    const found = accountOfLink(entry.url, base);
    if (!found) continue;
    const evidence: Evidence = found.account.page === 'post' ? 'post' : 'same-as';
    add({
      platform: found.account.platform,
      key: found.account.key,
      href: found.href,
      evidence,
      where: 'json-ld',
      tier: tierOf(evidence, 'json-ld', entry.own),
      partner: false,
    });
  }

  // rel="me" is rare: one selector finds them all, so the main loop reads one attribute per link.
  // <link> elements are stylesheets, preconnects, icons…: only rel="me" names an account there.
  const relMe = new Set(doc.querySelectorAll('a[rel~="me" i][href], area[rel~="me" i][href], link[rel~="me" i][href]'));
  const links = [...doc.querySelectorAll('a[href], area[href]'), ...[...relMe].filter((el) => el.tagName === 'LINK')];
  if (links.length > MAX_LINKS)
    problems.push(`the page has ${links.length} links; only the first ${MAX_LINKS} were read`);
  const others: [Element, string][] = [];
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const el = links[i] as Element;
    const isLinkTag = el.tagName === 'LINK';
    const href = el.getAttribute('href') ?? '';
    // Relative links can only be social when the page's base is on a platform (never, on a homepage).
    const maybe = socialBase || maybeSocial(href);
    if (maybe && social >= MAX_SOCIAL) {
      // A hostile page of 20,000 profile links: stop parsing them, say so.
      if (social++ === MAX_SOCIAL) problems.push(`more than ${MAX_SOCIAL} social links; the rest were not weighed`);
      continue;
    }
    const found = maybe ? accountOfLink(href, base) : undefined;
    if (!found) {
      if (!isLinkTag) others.push([el, href]);
      continue;
    }
    social++;
    const where: Where = isLinkTag ? 'head' : whereOf(context.of(el));
    const isPost = found.account.page === 'post';
    const evidence: Evidence = isPost ? 'post' : relMe.has(el) ? 'rel-me' : 'link';
    const label = isLinkTag ? undefined : linkLabel(el);
    // In the page's chrome only the link's own words count: a footer titled "la Ville et la
    // Métropole sur les réseaux" holds the site's own accounts too.
    const inContent = where === 'content' || where === 'content-follow';
    const title = isLinkTag ? null : el.getAttribute('title');
    const partner = namesPartner(
      title ? `${label ?? ''} ${title.slice(0, 200)}` : label,
      inContent ? cardTitle(el) : undefined,
      name,
    );
    add({
      platform: found.account.platform,
      key: found.account.key,
      href: found.href,
      evidence,
      where,
      tier: tierOf(evidence, where, false),
      partner,
      label,
    });
  }

  const twitterSite = twitterSiteKey(doc);
  const candidates = rank([...merged.values()], twitterSite);
  const { participation, blogs } = collectOtherLinks(others, base, context);
  return { candidates, participation, blogs, problems };
}

/** The X handle of the `twitter:site` meta (`@Foo` or `Foo`), lowercased like X keys. */
function twitterSiteKey(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[name="twitter:site" i], meta[property="twitter:site" i]');
  const value = meta?.getAttribute('content')?.trim().replace(/^@/, '').toLowerCase();
  return value && /^[a-z0-9_]{1,15}$/.test(value) ? value : undefined;
}

function rank(all: Merged[], twitterSite: string | undefined): DiscoveredAccount[] {
  const confirmed = (m: Merged) => m.best.platform === 'x' && m.best.key === twitterSite;
  const eligible = (m: Merged) => m.profile && !m.best.partner;
  const sorted = all.sort((a, b) => {
    const pa = PLATFORM_IDS.indexOf(a.best.platform);
    const pb = PLATFORM_IDS.indexOf(b.best.platform);
    if (pa !== pb) return pa - pb;
    const ea = eligible(a) ? 0 : 1;
    const eb = eligible(b) ? 0 : 1;
    if (ea !== eb) return ea - eb;
    if (a.best.tier !== b.best.tier) return a.best.tier - b.best.tier;
    // twitter:site is the site's own word for its X account: it settles ties within a tier.
    const ca = confirmed(a) ? 0 : 1;
    const cb = confirmed(b) ? 0 : 1;
    if (ca !== cb) return ca - cb;
    if (a.occurrences !== b.occurrences) return b.occurrences - a.occurrences;
    return a.best.order - b.best.order;
  });
  const seen = new Set<PlatformId>();
  return sorted.map((m) => {
    const { platform, key, href, where, label, partner } = m.best;
    const primary = eligible(m) && !seen.has(platform);
    if (primary) seen.add(platform);
    const out: DiscoveredAccount = {
      platform,
      key,
      url: getPlatform(platform)?.accountUrl(key) ?? href,
      href,
      // `better` puts a profile link first, so `post` means the page only links posts.
      evidence: m.best.evidence,
      where,
      primary,
      occurrences: m.occurrences,
    };
    if (label !== undefined) out.label = label;
    if (partner) out.partner = true;
    if (confirmed(m)) out.confirmedBy = 'twitter:site';
    return out;
  });
}
