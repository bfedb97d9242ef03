import { canonicalUrl, meta, readAssignedMembersText } from '../page-utils';
import type { AccountRef, GatheringReader } from '../types';

/**
 * The half of the YouTube reader that runs in the page (reader-youtube.js): DOM reads and string
 * searches only — no JSON parsed, no regular expression run, no URL parsed. The background
 * interprets what it gathers (reader.ts).
 */

export const SEL = {
  // Server data of the first load only; stale after in-app navigation (hence the identity check). [F]
  data: 'var ytInitialData = ',
  // Only these members are read, not the whole ~600 KB of first-load data.
  members: ['header', 'metadata'],
  // Live DOM header: 2024+ page header view model, then the older C4 tabbed header. [V] / [I]
  headerParts: [
    'yt-page-header-renderer yt-content-metadata-view-model span',
    'ytd-c4-tabbed-header-renderer #subscriber-count',
  ],
  // Channel id meta, present on the first load. [F]
  channelId: ['identifier', 'channelId'],
  // Header links (website) in the live DOM, through youtube.com/redirect?q=. [I]
  links: 'yt-page-header-renderer a[href*="/redirect?"], #links-section a[href*="/redirect?"]',
};

/**
 * What the reader needs of a channel page, gathered in the page without parsing anything: the text
 * of ytInitialData's wanted members (~25 KB, left unparsed), the live header's texts and links as
 * written, the page's own metas. It crosses to the background, which interprets it.
 */
export interface YouTubePage {
  data?: string;
  channelId?: string;
  canonical?: string;
  title?: string;
  /** Texts of each of SEL.headerParts' matches, raw. */
  header: string[][];
  /** hrefs of the header's website links, raw. */
  links: string[];
}

/** Bounds of what a page may send (the background checks them: reader.ts); the page keeps within. */
export const LIMITS = { data: 2_000_000, text: 2_000, texts: 100, links: 50 };

/** The account's key as the page writes it, lowercased ("legacy:name" is a "c/name" channel). */
export const keyOf = (account: AccountRef): string => {
  const key = account.key.toLowerCase();
  // No regular expression in the page's half: the first one run in a new world costs it ~0.5 ms.
  return key.startsWith('legacy:') ? `c/${key.slice('legacy:'.length)}` : key;
};

/** In the page: DOM reads and string searches only (no JSON parsed, no regular expression run). */
function gather(doc: Document): YouTubePage {
  return {
    data: readAssignedMembersText(doc, SEL.data, SEL.members),
    channelId: meta(doc, ...SEL.channelId),
    canonical: canonicalUrl(doc),
    title: meta(doc, 'og:title'),
    header: SEL.headerParts.map((sel) =>
      [...doc.querySelectorAll(sel)].slice(0, LIMITS.texts).map((el) => (el.textContent ?? '').slice(0, LIMITS.text)),
    ),
    links: [...doc.querySelectorAll(SEL.links)]
      .flatMap((a) => a.getAttribute('href') ?? [])
      .filter((href) => href.length <= LIMITS.text)
      .slice(0, LIMITS.links),
  };
}

const hasDigit = (text: string) => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
};

/**
 * In the page: whether what was gathered may hold this channel's count — worth sending, rather than
 * watching the page. Generous (the background decides), except on the one question the wait exists
 * for: after an in-app navigation the live header names the channel it shows, and the first-load data
 * describes the first channel visited; the page is sent only once the header names this one.
 */
function ready(page: YouTubePage, account: AccountRef): boolean {
  const key = keyOf(account);
  // The key as the URL spells it, then lowercased; lowercasing ~25 KB of data only when needed.
  const names = (text: string | undefined) =>
    !!text && (text.includes(account.key) || text.includes(key) || text.toLowerCase().includes(key));
  const handles = (page.header[0] ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t.startsWith('@'));
  const counts = page.header.some((texts) => texts.some(hasDigit));
  const dataCount = !!page.data && (page.data.includes('subscriberCountText') || page.data.includes('metadataParts'));
  if (handles.length) return handles.includes(key) && (counts || (dataCount && names(page.data)));
  return [page.data, page.channelId, page.canonical].some(names) && (dataCount || counts);
}

export const youtubePage: Pick<GatheringReader<YouTubePage>, 'gather' | 'ready'> = { gather, ready };
