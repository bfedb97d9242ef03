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
  let i = skipSpace(text, start);
  if (text.charCodeAt(i) !== OPEN_BRACE) return false;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_BRACE) return true;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return false;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return false;
    const raw = text.slice(i + 1, keyEnd - 1);
    let key = raw;
    if (raw.includes('\\')) {
      try {
        key = JSON.parse(text.slice(i, keyEnd)) as string;
      } catch {
        return false;
      }
    }
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) return false;
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = skipJsonValue(text, valueStart);
    if (valueEnd < 0) return false;
    if (visit(key, valueStart, valueEnd)) return true;
    i = skipSpace(text, valueEnd);
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) return true;
    if (c !== COMMA) return false;
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

/** Candidates tried per key before giving up (each costs a parse of the object's tail). */
const MAX_CANDIDATES = 20;

/**
 * The members from the top-level member `key` to the end of the object closed at `end`, parsed; or
 * undefined. A candidate `"key":` is a top-level member exactly when the text from it to `end`,
 * wrapped in braces, is valid JSON: nested deeper, its enclosing objects' closing braces would be
 * unbalanced; inside a string, its quote would be escaped.
 */
function tailFrom(text: string, open: number, end: number, key: string): Record<string, unknown> | undefined {
  const needle = `${JSON.stringify(key)}:`;
  let at = text.lastIndexOf(needle, end);
  for (let tries = 0; at > open && tries < MAX_CANDIDATES; tries++) {
    const before = text.charCodeAt(skipSpaceBack(text, at - 1));
    if (!escaped(text, at) && (before === COMMA || before === OPEN_BRACE)) {
      const tail = parse(`{${text.slice(at, end)}}`);
      if (tail && typeof tail === 'object') return tail as Record<string, unknown>;
    }
    at = text.lastIndexOf(needle, at - 1);
  }
  return undefined;
}

/**
 * `jsonFields` for the object that starts at `start` and whose closing brace is at `end`, for members
 * that come after a huge one: each key is looked for from the end, written as servers write it
 * (`"key":`, no space). Where a key appears twice the last one counts, as with JSON.parse.
 * Undefined when a key is not found that way (absent, or written otherwise): the caller may then
 * scan forward.
 */
export function jsonFieldsFromEnd(
  text: string,
  start: number,
  end: number,
  keys: readonly string[],
): Map<string, unknown> | undefined {
  const open = skipSpace(text, start);
  if (text.charCodeAt(open) !== OPEN_BRACE || text.charCodeAt(end) !== CLOSE_BRACE || end <= open) return undefined;
  const out = new Map<string, unknown>();
  for (const key of keys) {
    if (out.has(key)) continue;
    const tail = tailFrom(text, open, end, key);
    if (!tail) return undefined;
    // The tail holds every later member too: a later wanted key is taken from it, parsed once.
    for (const k of keys) if (!out.has(k) && Object.hasOwn(tail, k)) out.set(k, tail[k]);
  }
  return out;
}

/**
 * The members `keys` of the object assigned in a script (`var x = {…};`). When the object is the
 * script's only statement (YouTube's ytInitialData), read from its end; otherwise scan forward from
 * `start`. "Only statement": the script ends with the first `};` after `start` — `;` never follows a
 * brace inside JSON, so an earlier `};` means another statement (then forward). A second statement
 * separated by a new line only would be read instead; readers check the identity of what they read.
 */
export function assignedJsonFields(
  text: string,
  start: number,
  keys: readonly string[],
): Map<string, unknown> | undefined {
  const close = text.indexOf('};', start);
  if (close > start && /^;\s*$/.test(text.slice(close + 1))) {
    const fromEnd = jsonFieldsFromEnd(text, start, close, keys);
    if (fromEnd) return fromEnd;
  }
  return jsonFields(text, start, keys);
}
