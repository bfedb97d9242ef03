import type { DiscoveredLink } from '../discovery/types';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import type { HomepageLinks } from './group-search';
import { readTabHtml } from './read-tab';
import { absentPlatforms, type FoundAccount } from './site-reading';

/** One reading of an official site's page: what it links to, and which platforms it does not. */
export interface SiteScan {
  pageUrl: string;
  readAt: string;
  candidates: FoundAccount[];
  /** Platforms with no account on the page (only when it names at least one account of its own). */
  absent: PlatformId[];
  /** Participatory-platform links of the page (Decidim, "budget participatif"…), in page order. */
  participation: DiscoveredLink[];
}

/**
 * Extracts the accounts of a page's HTML, in an extension page (the popup or the dashboard): they
 * have a DOMParser in Chrome and Firefox alike, where Chrome's service worker has none. The
 * extraction is loaded only when a page is read, to keep the popup quick to open.
 */
export async function scanHtml(html: string, pageUrl: string, readAt: string): Promise<SiteScan> {
  const { discoverAccounts } = await import('../discovery');
  const { candidates, participation } = discoverAccounts(new DOMParser().parseFromString(html, 'text/html'), pageUrl);
  return { pageUrl, readAt, candidates, absent: absentPlatforms(candidates, PLATFORM_IDS), participation };
}

/** Reads the page of the tab the popup was opened on (activeTab, injected on that click only). */
export async function scanTab(tabId: number, now: () => Date = () => new Date()): Promise<SiteScan> {
  const { html, url } = await readTabHtml(tabId);
  return scanHtml(html, url, now().toISOString());
}

/** For a group search: the accounts and participatory platforms a fetched homepage links. */
export async function parseHomepage(html: string, pageUrl: string): Promise<HomepageLinks> {
  const { candidates, participation } = await scanHtml(html, pageUrl, '');
  return { candidates, participation };
}
