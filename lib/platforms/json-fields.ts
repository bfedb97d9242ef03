/**
 * A few fields out of a large JSON text without parsing all of it. Pages embed their state as
 * hundreds of kilobytes of JSON (YouTube's ytInitialData, TikTok's rehydration data) of which a
 * reader needs a few kilobytes: the text is scanned (strings skipped whole, escapes respected,
 * braces inside strings ignored) to find where the wanted values lie, and only those are parsed.
 * Pure: no DOM. Malformed or truncated text gives undefined, never an exception.
 */

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const COLON = 58; // :
const COMMA = 44; // ,
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** Index just past the string whose opening quote is at `i`; -1 when it never ends. */
function skipString(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Index just past the JSON value that starts at `i`; -1 when it is malformed or never ends. */
export function skipJsonValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return skipString(text, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        const end = skipString(text, j);
        if (end < 0) return -1;
        j = end - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return j + 1;
    }
    return -1;
  }
  // A number, true, false or null: up to the next delimiter.
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 32 || c === 10 || c === 13 || c === 9) break;
  }
  return j > i ? j : -1;
}

/** The member name written between `start` (its opening quote) and `end` (past its closing one). */
function memberKey(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return undefined;
  }
}

/**
 * Calls `visit(key, valueStart, valueEnd)` for each member of the JSON object that starts at `start`
 * (leading spaces allowed), in order, until `visit` returns true. Nested values are skipped, not
 * visited. Returns false when the object is malformed.
 */
function eachMember(
  text: string,
  start: number,
  visit: (key: string, valueStart: number, valueEnd: number) => boolean,
): boolean {
  const i = skipSpace(text, start);
  if (text.charCodeAt(i) !== OPEN_BRACE) return false;
  const first = skipSpace(text, i + 1);
  if (text.charCodeAt(first) === CLOSE_BRACE) return true;
  return walkMembers(text, first, visit) >= 0;
}

/**
 * Walks the members from the one whose key starts at `i`, calling `visit` for each until it returns
 * true. Returns where the walk ended: just past the value `visit` stopped at, the object's closing
 * brace, or — when `limit` is given — exactly `limit` (a closing brace met before it is an error);
 * -1 when the text is malformed.
 */
function walkMembers(
  text: string,
  i: number,
  visit: (key: string, valueStart: number, valueEnd: number) => boolean,
  limit = Number.POSITIVE_INFINITY,
): number {
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const keyEnd = skipString(text, i);
    const key = keyEnd < 0 || keyEnd > limit ? undefined : memberKey(text, i, keyEnd);
    if (key === undefined) return -1;
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) return -1;
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = skipJsonValue(text, valueStart);
    if (valueEnd < 0 || valueEnd > limit) return -1;
    if (visit(key, valueStart, valueEnd)) return valueEnd;
    i = skipSpace(text, valueEnd);
    if (i === limit) return i;
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) return limit === Number.POSITIVE_INFINITY ? i : -1;
    if (c !== COMMA) return -1;
    i = skipSpace(text, i + 1);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The values of `keys` among the members of the JSON object that starts at `start`, each parsed on
 * its own; the other members are skipped unparsed, and the scan stops once every key is found.
 * A key that appears twice counts at its first appearance (JSON.parse would keep the last; server
 * data does not repeat keys). Undefined when the object is malformed before every key is found.
 */
export function jsonFields(text: string, start: number, keys: readonly string[]): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  const complete = eachMember(text, start, (key, from, to) => {
    if (keys.includes(key) && !out.has(key)) out.set(key, parse(text.slice(from, to)));
    return out.size === keys.length;
  });
  return complete ? out : undefined;
}

/**
 * The value at `path` (object keys, outermost first) in the JSON object that starts at `start`:
 * `jsonAt(text, 0, ['a', 'b'])` is `JSON.parse(text).a.b`, parsing only `b`'s value.
 */
export function jsonAt(text: string, start: number, path: readonly string[]): unknown {
  let from = skipSpace(text, start);
  let to = skipJsonValue(text, from);
  for (const step of path) {
    let found = false;
    eachMember(text, from, (key, valueStart, valueEnd) => {
      if (key !== step) return false;
      [from, to, found] = [valueStart, valueEnd, true];
      return true;
    });
    if (!found) return undefined;
  }
  return to < 0 ? undefined : parse(text.slice(from, to));
}

// ——— From the end ———
// YouTube puts the members a reader needs (header, metadata) after ~500 KB of `contents`. They are
// found from the object's end with the engine's own string search and JSON parser: code that runs
// once per page runs in the interpreter, where a loop over each character costs milliseconds.

/** Whether the character at `i` is escaped (an odd number of backslashes before it). */
function escaped(text: string, i: number): boolean {
  let backslashes = 0;
  for (let k = i - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
  return backslashes % 2 === 1;
}

function skipSpaceBack(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i--;
  }
}

/** Candidates tried per key before giving up (each costs a parse of part of the object's tail). */
const MAX_CANDIDATES = 20;

const needleOf = (key: string) => `${JSON.stringify(key)}:`;

/**
 * Whether `"key":` at `at` may start a member: not inside a string (its quote unescaped) and after
 * a comma or the opening brace. Cheap; `membersBetween` is what proves it.
 */
function mayStartMember(text: string, at: number): boolean {
  if (escaped(text, at)) return false;
  const before = text.charCodeAt(skipSpaceBack(text, at - 1));
  return before === COMMA || before === OPEN_BRACE;
}

/**
 * The values of `keys` among the members from `at` up to `limit` (the object's closing brace, or the
 * comma before a member already proven the object's own); undefined unless those members lead
 * exactly to `limit`. That is the proof that `at` starts one of the object's own members: a
 * candidate nested deeper meets its enclosing object's closing brace first; one inside a string has
 * its quote escaped. Only the wanted values are parsed, and nothing is parsed that could fail on a
 * well-formed page (a first exception costs a page milliseconds). Exact, but a walk in the
 * interpreter: `parsedMembers` is tried first.
 */
function membersBetween(
  text: string,
  at: number,
  limit: number,
  keys: readonly string[],
): Map<string, unknown> | undefined {
  const ranges = new Map<string, [number, number]>();
  const collect = (key: string, from: number, to: number) => {
    // A key written twice: the last one counts, as with JSON.parse.
    if (keys.includes(key)) ranges.set(key, [from, to]);
    return false;
  };
  if (walkMembers(text, at, collect, limit) !== limit) return undefined;
  const values = new Map<string, unknown>();
  for (const [key, [from, to]] of ranges) {
    const value = parse(text.slice(from, to));
    if (value === undefined) return undefined;
    values.set(key, value);
  }
  return values;
}

/** Whether `text` opens as many braces and brackets as it closes (counted by the engine, fast). */
const balanced = (text: string) =>
  text.split('{').length === text.split('}').length && text.split('[').length === text.split(']').length;

/**
 * `membersBetween`, the engine's way: the members from a candidate nested deeper close more than they
 * open; from one of the object's own they balance (brackets inside strings aside), and balanced text
 * is parsed whole by the engine. Undefined for unbalanced text, and for the rare page whose parse
 * fails (brackets in strings, broken JSON): the exact walk then decides (see jsonFieldsFromEnd).
 */
function parsedMembers(
  text: string,
  at: number,
  limit: number,
  keys: readonly string[],
): Map<string, unknown> | undefined {
  const slice = text.slice(at, limit);
  if (!balanced(slice)) return undefined;
  const members = parse(`{${slice}}`);
  if (!members || typeof members !== 'object' || Array.isArray(members)) return undefined;
  const values = new Map<string, unknown>();
  for (const key of keys) if (Object.hasOwn(members, key)) values.set(key, (members as Record<string, unknown>)[key]);
  return values;
}

/**
 * `jsonFields` for the object that starts at `start` and whose closing brace is at `end`, for members
 * that come after a huge one: each key is looked for from the end, written as servers write it
 * (`"key":`, no space). Where a key appears twice the last one counts, as with JSON.parse.
 * The key whose last candidate comes latest is tried first, and once members are proven to be the
 * object's own, earlier keys are looked for before them only and parsed up to them: a key that also
 * appears nested in a later member (YouTube's "header" inside "topbar") then costs no failed parse,
 * and no text is parsed twice. Undefined when a key is not found that way (absent, or written
 * otherwise): the caller may then scan forward.
 */
export function jsonFieldsFromEnd(
  text: string,
  start: number,
  end: number,
  keys: readonly string[],
): Map<string, unknown> | undefined {
  const open = skipSpace(text, start);
  if (text.charCodeAt(open) !== OPEN_BRACE || text.charCodeAt(end) !== CLOSE_BRACE || end <= open) return undefined;
  // The engine's parser first (fast, and enough on every page seen); the exact walk over each
  // candidate, in the interpreter, only when that finds nothing.
  return fromEnd(text, open, end, keys, parsedMembers) ?? fromEnd(text, open, end, keys, membersBetween);
}

function fromEnd(
  text: string,
  open: number,
  end: number,
  keys: readonly string[],
  prove: (text: string, at: number, limit: number, keys: readonly string[]) => Map<string, unknown> | undefined,
): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  // Members from `limit` on are known; `limit` is the closing brace or the comma before them.
  let limit = end;
  // Where each key's next candidate is looked for (before its last failed one).
  const before = new Map(keys.map((k) => [k, limit]));
  for (let tries = 0; tries < MAX_CANDIDATES * keys.length; tries++) {
    let best: { key: string; at: number } | undefined;
    for (const key of keys) {
      if (out.has(key)) continue;
      const at = text.lastIndexOf(needleOf(key), Math.min(before.get(key) ?? limit, limit) - 1);
      if (at > open && (!best || at > best.at)) best = { key, at };
    }
    if (!best) return undefined;
    const members = mayStartMember(text, best.at) ? prove(text, best.at, limit, keys) : undefined;
    if (!members) {
      before.set(best.key, best.at);
      continue;
    }
    // The members hold every later wanted key too: each is taken from them, parsed once.
    for (const [k, v] of members) if (!out.has(k)) out.set(k, v);
    if (out.size === new Set(keys).size) return out;
    limit = skipSpaceBack(text, best.at - 1);
    if (text.charCodeAt(limit) !== COMMA) return undefined;
  }
  return undefined;
}

/** The key of the member whose opening quote is at `at` (`"key":`), as `fromEnd` reports it. */
function keyAt(text: string, at: number): string | undefined {
  const end = skipString(text, at);
  return end < 0 ? undefined : memberKey(text, at, end);
}

/**
 * `parsedMembers` without the parse: the members from a candidate to `limit` balance. Says only
 * where the candidate's own member starts: the text is handed, unparsed, to whoever parses it
 * (`membersText`).
 */
function balancedFrom(text: string, at: number, limit: number): Map<string, unknown> | undefined {
  const key = keyAt(text, at);
  return key !== undefined && balanced(text.slice(at, limit)) ? new Map([[key, at]]) : undefined;
}

/** `membersBetween` without the parse: the exact walk, for text whose strings hold brackets. */
function walkedFrom(text: string, at: number, limit: number): Map<string, unknown> | undefined {
  const key = keyAt(text, at);
  return key !== undefined && walkMembers(text, at, () => false, limit) === limit ? new Map([[key, at]]) : undefined;
}

/**
 * The text of the object's members from the first of `keys` to its end, as an object (`{…}`), not
 * parsed: found from the end as `jsonFieldsFromEnd` does, proven by brace balance (the exact walk when
 * that finds nothing). The page gathers it at the cost of a few string searches; `fieldsOfMembersText`,
 * run elsewhere (the background), parses it. Undefined when a key is not found that way. Balance can
 * be fooled where strings hold brackets that make up for a nested key's: the text then starts at
 * that key, and `fieldsOfMembersText` finds nothing in it — a figure missed, never a wrong one.
 */
export function membersText(text: string, start: number, end: number, keys: readonly string[]): string | undefined {
  const open = skipSpace(text, start);
  if (text.charCodeAt(open) !== OPEN_BRACE || text.charCodeAt(end) !== CLOSE_BRACE || end <= open) return undefined;
  const starts = fromEnd(text, open, end, keys, balancedFrom) ?? fromEnd(text, open, end, keys, walkedFrom);
  if (!starts) return undefined;
  return `{${text.slice(Math.min(...(starts.values() as Iterable<number>)), end)}}`;
}

/**
 * Of the object assigned in a script (`var x = {…};`), the text holding the members `keys`, for
 * another place to parse (the page gathers, the background parses with `fieldsOfMembersText`). When
 * the object is the script's only statement (YouTube's ytInitialData), the members from the first of
 * `keys` to its end, found from the end; otherwise the whole object, found by the exact walk forward.
 * "Only statement": the script ends with the first `};` after `start` — `;` never follows a brace
 * inside JSON, so an earlier `};` means another statement. A second statement separated by a new
 * line only would be read instead; readers check the identity of what they read. Undefined when
 * malformed.
 */
export function assignedMembersText(text: string, start: number, keys: readonly string[]): string | undefined {
  const close = text.indexOf('};', start);
  if (close > start && text.slice(close + 1).trimEnd() === ';') {
    const members = membersText(text, start, close, keys);
    if (members) return members;
  }
  const open = skipSpace(text, start);
  if (text.charCodeAt(open) !== OPEN_BRACE) return undefined;
  const end = skipJsonValue(text, open);
  return end < 0 ? undefined : text.slice(open, end);
}

/** The members `keys` of an object text gathered by `assignedMembersText` (untrusted: never throws). */
export function fieldsOfMembersText(text: string, keys: readonly string[]): Map<string, unknown> | undefined {
  return jsonFieldsFromEnd(text, 0, text.length - 1, keys) ?? jsonFields(text, 0, keys);
}
