/** Platforms Civiscope recognises. The ids are also the first column of url-examples.tsv. */
export const PLATFORM_IDS = [
  'x',
  'facebook',
  'youtube',
  'dailymotion',
  'instagram',
  'linkedin',
  'tiktok',
  'threads',
  'bluesky',
  'mastodon',
  'flickr',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

/** `profile`: the account itself, one of its tabs or its follower lists. `post`: content whose author is in the URL. */
export type PageKind = 'profile' | 'post';

/** What a URL says about the account it belongs to. `key` is canonical (see README, "Account keys"). */
export interface AccountRef {
  platform: PlatformId;
  page: PageKind;
  key: string;
}

/** A platform's URL grammar: pure, no DOM, no browser API. */
export interface PlatformGrammar {
  id: PlatformId;
  /** Human name shown in the UI ("X", "Facebook"…). */
  label: string;
  /** Host patterns for the hosts where this platform's accounts live. */
  matches: readonly string[];
  /** URL → account, or undefined when the URL is not an account page. Never throws. */
  parseAccountUrl(url: URL): AccountRef | undefined;
  /** The canonical URL of an account key (the inverse of parseAccountUrl for `profile` pages). */
  accountUrl(key: string): string;
  /** Whether a string is a well-formed canonical key for this platform. */
  isValidKey(key: string): boolean;
}

/** How a figure relates to the true value. */
export type Precision = 'exact' | 'rounded' | 'lower-bound';

/** What a platform counts. Facebook page likes and followers are two metrics. */
export type Metric = 'followers' | 'subscribers' | 'page-likes';

/** Where on the page a reader found its figure. */
export type ReadingSource = 'json-ld' | 'meta' | 'embedded-json' | 'attribute' | 'text';

/** What a page reader returns: a value only when it is trustworthy; otherwise problems say why. */
export interface AudienceReading {
  metric?: Metric;
  value?: number;
  precision?: Precision;
  source?: ReadingSource;
  /** Display name shown by the page, when found. */
  displayName?: string;
  /** Website links from the profile (bio / header), absolute URLs. */
  links?: string[];
  /** Human-readable (English) reasons a value was not returned or is doubtful. */
  problems: string[];
}

/** A platform's page reader: DOM access lives here and nowhere else. */
export type PageReader = (doc: Document, account: AccountRef) => AudienceReading;

/**
 * A page reader in two steps, for a page whose figure sits in large embedded data (YouTube): in the
 * page, `gather` only collects text — DOM reads and string searches, nothing parsed — and `ready`
 * says whether it may already hold this account's figure (else the page is watched and gathered
 * again); `interpret`, pure, turns what was gathered into a reading in the background, in the
 * extension's own process, so that the parsing costs the page nothing. What was gathered crosses
 * from the page: `interpret` takes it as untrusted.
 */
export interface GatheringReader<T> {
  gather(doc: Document): T;
  ready(gathered: T, account: AccountRef): boolean;
  interpret(gathered: unknown, account: AccountRef): AudienceReading;
}
