import type { Entity } from '../dataset/schema';
import type { DiscoveredLink } from '../discovery/types';
import { type FoundAccount, sameSite, siteOf } from './site-reading';

/** One institution's official website to read. */
export interface SiteTarget {
  entityId: string;
  name: string;
  url: string;
}

/** What reading one institution's homepage gave, in words the popup can say. */
export type SiteOutcome =
  /** Accounts found; `participation`: the participatory platforms the page links, if any. */
  | { kind: 'found'; pageUrl: string; readAt: string; candidates: FoundAccount[]; participation: DiscoveredLink[] }
  /** No account on the page (it may still link a participatory platform). */
  | { kind: 'nothing'; pageUrl: string; readAt: string; participation: DiscoveredLink[] }
  | { kind: 'offline' }
  | { kind: 'http'; status: number }
  /** `host` is empty when the redirect led somewhere we may not read (the browser hides where). */
  | { kind: 'redirect'; host: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'not-html' }
  | { kind: 'no-permission' }
  | { kind: 'cancelled' };

/** What a homepage links that a group search keeps: accounts, and participatory platforms. */
export interface HomepageLinks {
  candidates: FoundAccount[];
  participation: DiscoveredLink[];
}

export interface GroupSearchOptions {
  /** The permission request started in the click (it must be, for the browser to show it): true when granted. */
  granted: Promise<boolean>;
  fetch: typeof fetch;
  /** Extracts the accounts and participatory platforms a page links (lib/discovery's discoverAccounts over a DOMParser document). */
  parse: (html: string, pageUrl: string) => HomepageLinks | Promise<HomepageLinks>;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; current?: SiteTarget }) => void;
  onResult?: (target: SiteTarget, outcome: SiteOutcome) => void;
  /** Pages read at the same time: one or two, never more (politeness). */
  concurrency?: 1 | 2;
  /** Pause before each page, per worker. */
  delayMs?: number;
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What a group search needs from the browser; the popup passes the real ones (browser-env.ts), tests fakes. */
export interface GroupSearchBrowser {
  /** Must call browser.permissions.request synchronously: it runs inside the click. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  fetch: typeof fetch;
  parse: GroupSearchOptions['parse'];
  delayMs?: number;
}

export interface GroupSearchResult {
  refused: boolean;
  cancelled: boolean;
  /** The site that answered "too many requests" (HTTP 429): the search stopped there (politeness). */
  rateLimitedBy?: SiteTarget;
  results: { target: SiteTarget; outcome: SiteOutcome }[];
}

export const SEARCH_TIMEOUT_MS = 15_000;
/** Pages larger than this are not read to the end: a homepage's links are in its first megabytes. */
const MAX_HTML = 5 * 1024 * 1024;

/** The official websites of a group's institutions, one per institution (its first listed site). */
export function groupTargets(entities: readonly Entity[], group: Entity['group'], lang: 'fr' | 'en'): SiteTarget[] {
  return entities
    .filter((e) => e.group === group && e.websites?.length && !e.validTo)
    .map((e) => ({ entityId: e.id, name: (lang === 'en' && e.name.en) || e.name.fr, url: e.websites?.[0]?.url ?? '' }))
    .filter((t) => /^https?:\/\//.test(t.url));
}

/** Host-permission patterns for exactly these sites' origins (what optional_host_permissions declares). */
export function originPatterns(urls: readonly string[]): string[] {
  const out = new Set<string>();
  for (const url of urls) {
    try {
      const u = new URL(url);
      if (u.protocol === 'https:' || u.protocol === 'http:') out.add(`${u.protocol}//${u.hostname}/*`);
    } catch {
      // Not a URL: nothing to ask for.
    }
  }
  return [...out].sort();
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Reads each institution's homepage, one or two at a time with a pause, each within a timeout,
 * and says per institution what it found or why it could not. Stores nothing: the caller lists
 * the results for the user to accept. Cancelling stops at once; the sites not read say so.
 * Runs in an extension page (the popup, or the dashboard), which has both the fetch permission
 * once granted and a DOMParser in Chrome and Firefox alike.
 */
export async function runGroupSearch(
  targets: readonly SiteTarget[],
  options: GroupSearchOptions,
): Promise<GroupSearchResult> {
  const {
    fetch: doFetch,
    parse,
    signal,
    onProgress,
    onResult,
    concurrency = 2,
    delayMs = 800,
    timeoutMs = SEARCH_TIMEOUT_MS,
    now = () => new Date(),
    sleep = defaultSleep,
  } = options;
  const results: GroupSearchResult['results'] = [];
  const record = (target: SiteTarget, outcome: SiteOutcome) => {
    results.push({ target, outcome });
    onResult?.(target, outcome);
  };
  let granted = false;
  try {
    granted = await options.granted;
  } catch {
    granted = false;
  }
  if (!granted) {
    for (const target of targets) record(target, { kind: 'no-permission' });
    return { refused: true, cancelled: false, results };
  }

  let next = 0;
  let done = 0;
  // Stops everything at the first "too many requests", as the user's cancel does.
  const stop = new AbortController();
  signal?.addEventListener('abort', () => stop.abort(), { once: true });
  if (signal?.aborted) stop.abort();
  let rateLimitedBy: SiteTarget | undefined;
  onProgress?.({ done, total: targets.length, current: targets[0] });
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++] as SiteTarget;
      if (stop.signal.aborted) {
        record(target, { kind: 'cancelled' });
        continue;
      }
      onProgress?.({ done, total: targets.length, current: target });
      await sleep(delayMs, stop.signal);
      const outcome = stop.signal.aborted
        ? ({ kind: 'cancelled' } as const)
        : await readSite(target, doFetch, parse, timeoutMs, now, stop.signal);
      record(target, outcome);
      if (outcome.kind === 'http' && outcome.status === 429 && !rateLimitedBy) {
        rateLimitedBy = target;
        stop.abort();
      }
      if (outcome.kind !== 'cancelled') done++;
      onProgress?.({ done, total: targets.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, 2, targets.length) }, worker));
  // Report in the group's order, whatever order the two workers finished in.
  const order = new Map(targets.map((t, i) => [t, i]));
  results.sort((a, b) => (order.get(a.target) ?? 0) - (order.get(b.target) ?? 0));
  return { refused: false, cancelled: Boolean(signal?.aborted), rateLimitedBy, results };
}

async function readSite(
  target: SiteTarget,
  doFetch: typeof fetch,
  parse: GroupSearchOptions['parse'],
  timeoutMs: number,
  now: () => Date,
  signal?: AbortSignal,
): Promise<SiteOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // The user's cookies for these sites are none of Civiscope's business.
    const init: RequestInit = { signal: controller.signal, credentials: 'omit' };
    // Redirects first seen, not followed: one to a site we were not allowed to read would otherwise
    // fail like a network error, and be reported as "offline".
    let response = await doFetch(target.url, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      try {
        response = await doFetch(target.url, { ...init, redirect: 'follow' });
      } catch (error) {
        if (signal?.aborted || timedOut) throw error;
        return { kind: 'redirect', host: '' };
      }
    }
    const finalUrl = response.url || target.url;
    if (!sameSite(finalUrl, target.url)) return { kind: 'redirect', host: siteOf(new URL(finalUrl).hostname) };
    if (!response.ok) return { kind: 'http', status: response.status };
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html|xml/i.test(type)) return { kind: 'not-html' };
    const html = (await response.text()).slice(0, MAX_HTML);
    const readAt = now().toISOString();
    let links: HomepageLinks = { candidates: [], participation: [] };
    try {
      links = await parse(html, finalUrl);
    } catch {
      // A page the extraction cannot read names nothing: said as such, never fatal.
    }
    const { candidates, participation } = links;
    return candidates.length > 0
      ? { kind: 'found', pageUrl: finalUrl, readAt, candidates, participation }
      : { kind: 'nothing', pageUrl: finalUrl, readAt, participation };
  } catch {
    if (signal?.aborted) return { kind: 'cancelled' };
    if (timedOut) return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };
    // fetch rejects with a TypeError for network failures and for origins we may not read.
    return { kind: 'offline' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
