import type { PageReport, PageSignals } from '../content/messages';
import { detectAccount } from '../platforms/registry';
import type { AccountRef, AudienceReading, Metric, Precision, ReadingSource } from '../platforms/types';

/**
 * The background trusts no page. A page report is only a claim made by code running inside a
 * page; this module checks the sender, re-derives the account from the sender's own URL with
 * the platform grammar, and checks every field of the reading. Pure: no browser API, never throws.
 */

/** The tab a report was read from, built by the background (a subset of MessageSender). */
export interface ReportSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The extension itself, as the browser names it: its id and its pages' origin. */
export interface Self {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`: the extension's own pages. */
  origin: string;
}

export type Verdict = { ok: true; tabId: number; report: PageReport } | { ok: false; reason: string };

/** Bounds on what a page may say; a real reading is far below every one of them. */
export const LIMITS = {
  urlLength: 4096,
  valueBelow: 1e10,
  readAtSkewMs: 60_000,
  displayNameLength: 200,
  links: 10,
  linkLength: 2048,
  problems: 20,
  problemLength: 500,
  keyLength: 300,
} as const;

const METRICS: readonly Metric[] = ['followers', 'subscribers', 'page-likes'];
const PRECISIONS: readonly Precision[] = ['exact', 'rounded', 'lower-bound'];
const SOURCES: readonly ReadingSource[] = ['json-ld', 'meta', 'embedded-json', 'attribute', 'text'];

/** A field check: the clean value, or a reason to drop the whole report. */
type Check = (value: unknown, now: number) => { value: unknown } | { reason: string };
const ok = (value: unknown) => ({ value });
const bad = (reason: string) => ({ reason });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const oneOf =
  <T extends string>(allowed: readonly T[]): Check =>
  (v) =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v)
      ? ok(v)
      : bad(`not one of ${allowed.join('|')}`);

const boundedString =
  (max: number): Check =>
  (v) =>
    typeof v !== 'string' ? bad('not a string') : v.length > max ? bad(`longer than ${max}`) : ok(v);

const boundedList =
  (count: number, item: Check): Check =>
  (v, now) => {
    if (!Array.isArray(v)) return bad('not a list');
    if (v.length > count) return bad(`more than ${count} items`);
    const out: unknown[] = [];
    for (const x of v) {
      const r = item(x, now);
      if ('reason' in r) return r;
      out.push(r.value);
    }
    return ok(out);
  };

const webUrl: Check = (v) => {
  const s = boundedString(LIMITS.linkLength)(v, 0);
  if ('reason' in s) return s;
  // Links end up in the popup as hrefs: only web addresses, never javascript: or data:.
  const url = URL.canParse(s.value as string) ? new URL(s.value as string) : undefined;
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? s : bad('not an http(s) URL');
};

const count: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < LIMITS.valueBelow
    ? ok(v)
    : bad(`not a whole number from 0 to ${LIMITS.valueBelow}`);

/**
 * Every field of a reading and its check. The mapped type makes the compiler ask for a check
 * whenever a field is added to AudienceReading.
 */
const READING_FIELDS: { [K in keyof AudienceReading]-?: { required?: true; check: Check } } = {
  metric: { check: oneOf(METRICS) },
  value: { check: count },
  precision: { check: oneOf(PRECISIONS) },
  source: { check: oneOf(SOURCES) },
  displayName: { check: boundedString(LIMITS.displayNameLength) },
  links: { check: boundedList(LIMITS.links, webUrl) },
  problems: { required: true, check: boundedList(LIMITS.problems, boundedString(LIMITS.problemLength)) },
};

/** Checks each listed field; unknown fields are left out of the clean copy. */
function checkFields(
  raw: Record<string, unknown>,
  fields: Record<string, { required?: true; check: Check }>,
  now: number,
  where: string,
): { value: Record<string, unknown> } | { reason: string } {
  const out: Record<string, unknown> = {};
  for (const [name, { required, check }] of Object.entries(fields)) {
    const v = raw[name];
    if (v === undefined) {
      if (required) return bad(`${where}.${name} missing`);
      continue;
    }
    const r = check(v, now);
    if ('reason' in r) return bad(`${where}.${name}: ${r.reason}`);
    out[name] = r.value;
  }
  return ok(out) as { value: Record<string, unknown> };
}

const readingCheck: Check = (v, now) => {
  if (!isObject(v)) return bad('not an object');
  const r = checkFields(v, READING_FIELDS, now, 'reading');
  if ('reason' in r) return r;
  const reading = r.value as Partial<AudienceReading>;
  // A value means nothing without what it counts and how exact it is.
  if (reading.value !== undefined && (reading.metric === undefined || reading.precision === undefined)) {
    return bad('a value without its metric and precision');
  }
  return r;
};

const flag: Check = (v) => (typeof v === 'boolean' ? ok(v) : bad('not a boolean'));

/** What a page says about itself (the group refresh uses it). */
const SIGNAL_FIELDS: { [K in keyof PageSignals]-?: { required?: true; check: Check } } = {
  loginWall: { check: flag },
  unavailable: { check: flag },
  httpStatus: {
    check: (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599 ? ok(v) : bad('not an HTTP status'),
  },
};

const signalsCheck: Check = (v, now) =>
  isObject(v) ? checkFields(v, SIGNAL_FIELDS, now, 'signals') : bad('not an object');

const readAtCheck: Check = (v, now) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v - now) <= LIMITS.readAtSkewMs
    ? ok(v)
    : bad('not a time within a minute of now');

/**
 * The optional fields of a page report beyond its identity (type, url, account). A field added to
 * PageReport (e.g. an HTTP status) gets its check here, or the compiler complains.
 */
const REPORT_FIELDS: {
  [K in Exclude<keyof PageReport, 'type' | 'url' | 'account'>]-?: { required?: true; check: Check };
} = {
  reading: { check: readingCheck },
  readAt: { check: readAtCheck },
  signals: { check: signalsCheck },
};

const sameAccount = (a: AccountRef | undefined | null, b: AccountRef | undefined | null) =>
  (a ?? undefined) === (b ?? undefined) ||
  (!!a && !!b && a.platform === b.platform && a.key === b.key && a.page === b.page);

/** Whether the sender is a page in a tab, not our own; the tab id when it is. */
export function checkSender(sender: ReportSender | undefined, self: Self): { tabId: number } | { reason: string } {
  if (!sender || sender.id !== self.id) return bad('sender is not this extension');
  const tabId = sender.tab?.id;
  // The background builds the sender from the tab it read; these checks stay as a defence.
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return bad('sender has no tab');
  if (sender.url?.startsWith(self.origin)) return bad('sender is an extension page, not a web page');
  // The reader is injected into the top frame only.
  if (sender.frameId !== undefined && sender.frameId !== 0) return bad('sender is a sub-frame');
  return { tabId };
}

/**
 * A page report as the background may use it, or why it is dropped. `now` is epoch milliseconds.
 * The account is the one the grammar finds in the sender's URL, never the one the message names.
 */
export function validateReport(message: unknown, sender: ReportSender | undefined, self: Self, now: number): Verdict {
  try {
    const who = checkSender(sender, self);
    if ('reason' in who) return { ok: false, reason: who.reason };
    if (!isObject(message) || message.type !== 'civiscope:page') return { ok: false, reason: 'not a page report' };
    const { url, account } = message;
    if (typeof url !== 'string' || url.length > LIMITS.urlLength) return { ok: false, reason: 'url: bad or too long' };
    if (account !== null && !isObject(account)) return { ok: false, reason: 'account: not an object or null' };
    if (account && (typeof account.key !== 'string' || account.key.length > LIMITS.keyLength)) {
      return { ok: false, reason: 'account.key: bad or too long' };
    }

    // The sender's URL is the tab's URL as the browser gave it when the background read the page
    // (start.ts builds the sender from the tab it read). Either field is accepted; a report about
    // another page is still dropped, as a defence.
    const seen = [sender?.url, sender?.tab?.url].filter((u): u is string => typeof u === 'string');
    if (!seen.length) return { ok: false, reason: 'sender has no URL' };
    const claimed = detectAccount(url) ?? null;
    if (!sameAccount(claimed, account as AccountRef | null)) {
      return { ok: false, reason: 'account does not match the report URL' };
    }
    if (!seen.some((u) => sameAccount(detectAccount(u) ?? null, claimed) && samePlace(u, url, claimed))) {
      return { ok: false, reason: "account or URL does not match the sender's URL" };
    }

    const rest = checkFields(message, REPORT_FIELDS, now, 'report');
    if ('reason' in rest) return { ok: false, reason: rest.reason };
    if (rest.value.reading !== undefined && claimed === null) {
      return { ok: false, reason: 'a reading for a page that is not an account' };
    }
    const report = { type: 'civiscope:page', url, account: claimed, ...rest.value } as PageReport;
    return { ok: true, tabId: who.tabId, report };
  } catch (e) {
    // Nothing a message holds may break the background.
    return { ok: false, reason: `validation failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * For a page that is not an account, the report's URL must be on the sender's host: a script may
 * not clear or claim another site's tab. For an account page, the account match already says it.
 */
function samePlace(senderUrl: string, reportUrl: string, account: AccountRef | null): boolean {
  if (account) return true;
  if (!URL.canParse(senderUrl) || !URL.canParse(reportUrl)) return false;
  return new URL(senderUrl).host === new URL(reportUrl).host;
}
