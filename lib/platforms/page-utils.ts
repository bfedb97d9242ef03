import { assignedMembersText } from './json-fields';
import type { AudienceReading, Metric, Precision, ReadingSource } from './types';

/** Helpers shared by the page readers: small on purpose, they ship in every reader injected into a page. */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows a path of keys/indexes through parsed JSON; undefined as soon as a step is missing. */
export function dig(v: unknown, ...path: (string | number)[]): unknown {
  for (const k of path) {
    if (typeof k === 'number' ? !Array.isArray(v) : !isObj(v)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Whitespace-normalised text (NBSP kept: counts need it). */
export const normalizeSpace = (text: string): string => text.replace(/[ \t\n\r]+/g, ' ').trim();

/** Whitespace-normalised text of an element. */
export const textOf = (el: Element | null | undefined): string => normalizeSpace(el?.textContent ?? '');

export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** All JSON-LD objects matching `selector`, with arrays and `@graph` flattened. Bad JSON is skipped. */
export function readJsonLd(doc: Document, selector = 'script[type="application/ld+json"]'): Obj[] {
  const out: Obj[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (isObj(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) v['@graph'].forEach(add);
    }
  };
  for (const s of doc.querySelectorAll(selector)) add(parseJson(s.textContent));
  return out;
}

/** The JSON object literal that starts at or after `from` in `text` (string-aware brace matching). */
export function sliceJsonObject(text: string, from: number): string | undefined {
  const start = text.indexOf('{', from);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** JSON assigned after `marker` in an inline script (`var ytInitialData = {…}`, `modelExport: {…}`). */
export function readAssignedJson(doc: Document, marker: string): unknown {
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const text = s.textContent ?? '';
    const at = text.indexOf(marker);
    if (at >= 0) return parseJson(sliceJsonObject(text, at + marker.length));
  }
  return undefined;
}

/**
 * The text of the members `keys` of the JSON object assigned after `marker` in an inline script (see
 * `assignedMembersText`), unparsed: YouTube's ytInitialData is ~600 KB, of which the reader needs
 * ~25 KB, found from the object's end. The page gathers it; the background parses it.
 */
export function readAssignedMembersText(doc: Document, marker: string, keys: readonly string[]): string | undefined {
  const found = assignedScript(doc, marker);
  return found && assignedMembersText(found.text, found.start, keys);
}

/** The text of the inline script that assigns `marker`, and where the assigned value starts. */
function assignedScript(doc: Document, marker: string): { text: string; start: number } | undefined {
  const scripts = doc.querySelectorAll('script:not([src])');
  // Servers write the assignment at the start of its script: every script's start is looked at
  // (its first characters only, without making a string of the whole text) before any script's
  // whole text is searched. Data scripts come after the app's own code (YouTube's is the 27th of 32
  // inline scripts, after one of 330 KB): the look starts from the last script. Each script touched
  // costs a page a new wrapper in the reader's world.
  for (let i = scripts.length - 1; i >= 0; i--) {
    const s = scripts[i] as Element;
    const first = s.firstChild;
    const head = first?.nodeType === TEXT_NODE ? (first as Text).substringData(0, MARKER_WITHIN + marker.length) : '';
    const at = head.indexOf(marker);
    if (at >= 0) return { text: s.textContent ?? '', start: at + marker.length };
  }
  for (const s of scripts) {
    const text = s.textContent ?? '';
    const at = text.indexOf(marker);
    if (at >= 0) return { text, start: at + marker.length };
  }
  return undefined;
}

const TEXT_NODE = 3;

/** How far into a script its assignment counts as at its start (spaces, a comment, `window.`). */
const MARKER_WITHIN = 64;

/** Depth-first search for objects having `key`, within a node budget (Facebook blobs are large). */
export function findWithKey(root: unknown, key: string, limit = 200_000): Obj[] {
  const out: Obj[] = [];
  const stack = [root];
  let seen = 0;
  while (stack.length && seen++ < limit) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isObj(v)) {
      if (key in v) out.push(v);
      stack.push(...Object.values(v));
    }
  }
  return out;
}

/** First element matching one of the alternative selectors, in order. */
export function findFirst(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** First non-empty `content` of `<meta property|name|itemprop=…>`, in the order given. */
export function meta(doc: Document, ...names: string[]): string | undefined {
  for (const n of names) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const v = str(doc.querySelector(`meta[${attr}="${n}"]`)?.getAttribute('content'));
      if (v) return v;
    }
  }
  return undefined;
}

/** `<link rel=canonical>` then `og:url`: where the page says it lives. */
export const canonicalUrl = (doc: Document): string | undefined =>
  str(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta(doc, 'og:url');

/** Path of a URL string (decoded, without trailing slash), or undefined. */
export function pathOf(url: string | null | undefined, base = 'https://invalid.example'): string | undefined {
  if (!url) return undefined;
  try {
    const p = new URL(url, base).pathname.replace(/\/+$/, '');
    return decodeURIComponent(p);
  } catch {
    return undefined;
  }
}

/**
 * `userInteractionCount` of the FollowAction statistic (schema.org). The type may be a string or an
 * object (`{"@type": "…/FollowAction"}`, TikTok). Other actions (SubscribeAction = following on X,
 * WriteAction = posts) are never used.
 */
export function followActionCount(stats: unknown): number | undefined {
  for (const s of Array.isArray(stats) ? stats : [stats]) {
    const type = dig(s, 'interactionType');
    const name = typeof type === 'string' ? type : str(dig(type, '@type'));
    if (!name || !/(^|[/:])FollowAction$/.test(name)) continue;
    const n = Number(dig(s, 'userInteractionCount'));
    if (Number.isSafeInteger(n) && n >= 0) return n;
  }
  return undefined;
}

export const sameId = (a: string | undefined, b: string): boolean => !!a && a.toLowerCase() === b.toLowerCase();

/**
 * Whether a JSON-LD object (or its mainEntity) names an account by its identifier, alternate or
 * additional name, and none of them is `key`: such an object describes someone else (a suggested
 * account, an embedded post) and its counts are not the page's.
 */
export function ldNamesOther(o: unknown, key: string): boolean {
  const names = [o, dig(o, 'mainEntity')].flatMap((x) =>
    ['identifier', 'alternateName', 'additionalName'].map((k) => str(dig(x, k))?.replace(/^@/, '')),
  );
  return matchIdentity(names, key.replace(/^@/, '')) === false;
}

/**
 * Compares the identities a page shows with the account key: true (one matches), false (some shown,
 * none matches), undefined (the page shows none).
 */
export function matchIdentity(seen: (string | undefined)[], key: string): boolean | undefined {
  const ids = seen.filter((s): s is string => !!s);
  if (!ids.length) return undefined;
  return ids.some((s) => sameId(s, key));
}

export const mismatch = (seen: (string | undefined)[], key: string): string =>
  `page data describes ${seen.find(Boolean)}, not ${key}`;

// Redirectors that carry the destination in a query parameter.
const REDIRECT_PARAMS: [RegExp, string][] = [
  [/(^|\.)l\.instagram\.com$/, 'u'],
  [/^l[m]?\.facebook\.com$/, 'u'],
  [/(^|\.)youtube\.com$/, 'q'], // /redirect?q=
  [/(^|\.)linkedin\.com$/, 'url'], // /redir/redirect?url=
];

/**
 * An absolute http(s) website link from an href: redirectors unwrapped; for t.co, the visible
 * text is used only when it is a whole URL (not shortened with "…").
 */
export function webLink(
  href: string | null | undefined,
  visible = '',
  base = 'https://invalid.example',
): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  for (const [host, param] of REDIRECT_PARAMS) {
    const target = url.searchParams.get(param);
    if (host.test(url.hostname) && target && /redirect|l\.php|^\/$/.test(url.pathname)) return webLink(target);
  }
  const shown = visible.trim();
  if (url.hostname === 't.co' && shown && !/[…\s]/.test(shown) && shown.includes('.')) {
    return webLink(/^https?:\/\//.test(shown) ? shown : `https://${shown}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.hostname === 'invalid.example') return undefined;
  return url.href;
}

/** Unique, defined website links; undefined when there are none (keeps readings small). */
export function linkList(links: (string | undefined)[]): string[] | undefined {
  const out = [...new Set(links.filter((l): l is string => !!l))];
  return out.length ? out : undefined;
}

/** A reading with a value. */
export const found = (
  metric: Metric,
  value: number,
  precision: Precision,
  source: ReadingSource,
  extra: Partial<AudienceReading> = {},
): AudienceReading => ({ metric, value, precision, source, ...extra, problems: extra.problems ?? [] });

/** A reading without a value, with the reason. */
export const missing = (problem: string, extra: Partial<AudienceReading> = {}): AudienceReading => ({
  ...extra,
  problems: [...(extra.problems ?? []), problem],
});
