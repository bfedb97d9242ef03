import type { AccountRef, PageKind, PlatformId } from './types';

/** decodeURIComponent that returns undefined on malformed input (`%E0%A4%A`) instead of throwing. */
export function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * The path as percent-decoded segments. Empty segments are dropped, so `//a//b/` and `/a/b` read
 * the same (people paste URLs with doubled or trailing slashes). undefined when a segment is
 * malformed percent-encoding: such a URL cannot name an account reliably.
 */
export function pathSegments(url: URL): string[] | undefined {
  const out: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    const decoded = safeDecode(raw);
    if (decoded === undefined) return undefined;
    out.push(decoded);
  }
  return out;
}

// Embed and player views are shown inside another site's page: never an account's own page.
const EMBED_WORD = /^(?:embed|embeds|embedded|player|iframe)(?:\.html?)?$/i;

/**
 * pathSegments for a URL grammar: undefined also when a segment names an embed or player view
 * (`/embed/…`, `/@user/embed`, `/photos/a/1/player`), so no grammar takes one for an account.
 */
export function accountPathSegments(url: URL): string[] | undefined {
  const segs = pathSegments(url);
  return segs?.some((s) => EMBED_WORD.test(s)) ? undefined : segs;
}

/**
 * The host as the URL parser normalised it (lowercase, punycode). A fully qualified `x.com.` is
 * kept as is, so it matches no platform: no host pattern covers it either.
 */
export function hostName(url: URL): string {
  return url.hostname;
}

/** Host patterns (`*://host/*`) for an exact list of hosts. */
export function hostMatches(hosts: Iterable<string>): string[] {
  return [...hosts].map((host) => `*://${host}/*`);
}

export function accountRef(platform: PlatformId, page: PageKind, key: string): AccountRef {
  return { platform, page, key };
}

const DIGITS = /^\d{1,20}$/;

/** A positive decimal id as platforms write them (no sign, no leading zero, fits 20 digits). */
export function isNumericId(s: string | null | undefined): s is string {
  return typeof s === 'string' && DIGITS.test(s) && !s.startsWith('0');
}

/** Path segments of embed and player views, and file names (`player.html`): never an account page. */
const EMBED = /^(?:embed|embeds|embedded|player|iframe)$|\.(?:html?|php|js|swf)$/i;

export function isEmbedSegment(segment: string): boolean {
  return EMBED.test(segment);
}

export interface PageRules {
  /** Segments that stay on the account (tabs, follower lists). Deeper segments are allowed. */
  tabs: ReadonlySet<string>;
  /** Segments that, followed by an id, open one piece of content by the account. */
  posts?: ReadonlySet<string>;
}

/**
 * What the segments after the account name make of the page: the account itself (no segment or
 * a known tab), one of its posts (`posts` marker + id), or undefined for anything unknown, since a
 * guess would attach a page to the wrong account.
 */
export function classifyRest(rest: readonly string[], rules: PageRules): PageKind | undefined {
  if (rest[0] === undefined) return 'profile';
  // An embed or player view (`/status/1/embed`, `/photos/a/1/player`) is shown inside another
  // site's page: never the account's own page.
  if (rest.some(isEmbedSegment)) return undefined;
  const first = rest[0].toLowerCase();
  if (rest.length >= 2 && rules.posts?.has(first)) return 'post';
  if (rules.tabs.has(first)) return 'profile';
  return undefined;
}

/** A lowercase DNS host name with at least two labels and an alphabetic top-level label. */
const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isHostName(s: string): boolean {
  return HOSTNAME.test(s);
}

// Anything but printable ASCII (control characters included) takes the Unicode pattern: same answer.
const NON_ASCII = /[^\x20-\x7e]/;

/**
 * A test by a Unicode-aware pattern (\p{L}…, `u` flag) that builds it only for text that needs it:
 * pure printable-ASCII text is tested by `ascii`, the same pattern restricted to ASCII. A Unicode
 * property class costs the page milliseconds — even as a literal never used, which the engine
 * checks when it parses the script — on every page the reader is injected into, and most keys are
 * ASCII. tests/platforms/url-utils checks both forms agree.
 */
export function unicodeTest({ ascii, unicode }: UnicodePattern): (s: string) => boolean {
  let compiled: RegExp | undefined;
  return (s) => {
    if (!NON_ASCII.test(s)) return ascii.test(s);
    compiled ??= new RegExp(unicode, 'u');
    return compiled.test(s);
  };
}

/** A Unicode-aware pattern (source, `u` flag) and the same restricted to ASCII (\p{L} → A-Za-z, \p{N} → 0-9, \p{M} → none). */
export interface UnicodePattern {
  ascii: RegExp;
  unicode: string;
}
