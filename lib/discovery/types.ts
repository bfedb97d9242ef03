import type { PlatformId } from '../platforms/types';

/**
 * How the page names the account:
 * - `same-as`: JSON-LD `sameAs` of an organisation or person;
 * - `rel-me`: a `rel="me"` link (the page says "this is me");
 * - `link`: an ordinary link to the profile;
 * - `post`: only links to posts by the account (weak: a news item may quote anyone).
 */
export type Evidence = 'same-as' | 'rel-me' | 'link' | 'post';

/**
 * Where on the page the best link sits:
 * - `json-ld`: structured data; `head`: a `<link>` in the document head;
 * - `header` / `footer`: the page's own banner and footer (not an article's);
 * - `follow`: a "follow us" block outside the main content (DSFR `fr-follow`…);
 * - `content-follow`: a "follow us" block inside the main content;
 * - `content`: anywhere else (news, partner cards, body text).
 */
export type Where = 'json-ld' | 'head' | 'header' | 'footer' | 'follow' | 'content-follow' | 'content';

export interface DiscoveredAccount {
  platform: PlatformId;
  /** Canonical key, as the platform's grammar gives it. */
  key: string;
  /** Canonical profile URL for the key (what a dataset record stores). */
  url: string;
  /** The best link as the page wrote it, made absolute. */
  href: string;
  evidence: Evidence;
  where: Where;
  /** The best candidate of its platform: the account the site presents as its own. At most one per platform. */
  primary: boolean;
  /** The link's accessible name (text, aria-label, title, image alt), when it has one. */
  label?: string;
  /** The link or its card names another body (tourist office, métropole, mayor…): never primary. */
  partner?: boolean;
  /** The page's `twitter:site` meta names this X account. */
  confirmedBy?: 'twitter:site';
  /** How many links, `rel="me"` and `sameAs` entries of the page name this account. */
  occurrences: number;
}

/** A participatory platform or blog link. */
export interface DiscoveredLink {
  url: string;
  label?: string;
  where: Where;
  /** Participatory software recognised from the host (decidim, citizenlab, cap-collectif). */
  software?: string;
}

export interface DiscoveryResult {
  candidates: DiscoveredAccount[];
  participation: DiscoveredLink[];
  blogs: DiscoveredLink[];
  /** What was skipped and why (caps reached, unreadable JSON-LD). Never fatal. */
  problems: string[];
}
