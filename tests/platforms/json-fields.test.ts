import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  assignedMembersText,
  fieldsOfMembersText,
  jsonAt,
  jsonFields,
  jsonFieldsFromEnd,
  membersText,
  skipJsonValue,
} from '@/lib/platforms/json-fields';

/** A big object whose wanted member comes after ~600 KB of others, as in YouTube's ytInitialData. */
function bigData(): string {
  const filler = Array.from({ length: 6000 }, (_, i) => ({
    id: i,
    title: `video "${i}" {not a brace} [nor a bracket] \\ back`,
    tricky: '"header": {"c4TabbedHeaderRenderer": {"channelId": "UCfake"}}',
  }));
  return JSON.stringify({
    responseContext: { a: 1 },
    contents: { items: filler, header: { nested: 'not the top-level header' } },
    header: { c4TabbedHeaderRenderer: { channelId: 'UCreal' } },
    metadata: { channelMetadataRenderer: { title: 'Real' } },
    tail: [1, 2, 3],
  });
}

describe('jsonFields', () => {
  it('finds top-level members after 600 KB, ignoring the same keys nested or inside strings', () => {
    const text = `var ytInitialData = ${bigData()};`;
    expect(text.length).toBeGreaterThan(600_000);
    const fields = jsonFields(text, text.indexOf('{'), ['header', 'metadata']);
    expect(fields?.get('header')).toEqual({ c4TabbedHeaderRenderer: { channelId: 'UCreal' } });
    expect(fields?.get('metadata')).toEqual({ channelMetadataRenderer: { title: 'Real' } });
  });

  it.each<[string, string, string[], Record<string, unknown> | undefined]>([
    ['escaped quotes in strings', '{"a": "x\\"}y", "b": 2}', ['b'], { b: 2 }],
    ['escaped backslash before the closing quote', '{"a": "x\\\\", "b": {"c": "}"}}', ['b'], { b: { c: '}' } }],
    ['the key inside a string value', '{"a": "\\"b\\": 1", "b": 2}', ['b'], { b: 2 }],
    ['the key as a nested key only', '{"a": {"b": 1}}', ['b'], {}],
    [
      'nested braces and brackets',
      '{"a": [{"x": [1, {"y": "]}"}]}], "b": [1, 2]}',
      ['a', 'b'],
      {
        a: [{ x: [1, { y: ']}' }] }],
        b: [1, 2],
      },
    ],
    [
      'literals and numbers',
      '{"t": true, "f": false, "n": null, "x": -1.5e3}',
      ['t', 'f', 'n', 'x'],
      {
        t: true,
        f: false,
        n: null,
        x: -1500,
      },
    ],
    ['spaces and new lines', ' {\n "a" :\t1 ,\r\n "b" : "2" }', ['a', 'b'], { a: 1, b: '2' }],
    ['an escaped key', '{"\\u0062": 3}', ['b'], { b: 3 }],
    ['the first of two equal keys', '{"b": 1, "b": 2}', ['b'], { b: 1 }],
    ['an empty object', '{}', ['b'], {}],
    ['a value that is not JSON', '{"b": tru, "c": 1}', ['b', 'c'], { b: undefined, c: 1 }],
    ['a truncated object', '{"a": {"b": 1', ['b'], undefined],
    ['a truncated string', '{"a": "never ends', ['a'], undefined],
    ['not an object', '[1, 2]', ['a'], undefined],
    ['garbage between members', '{"a": 1 "b": 2}', ['b'], undefined],
  ])('%s', (_, text, keys, expected) => {
    const fields = jsonFields(text, 0, keys);
    expect(fields && Object.fromEntries(fields)).toEqual(expected);
  });

  it('stops at the first member it does not need once every key is found (the rest may be broken)', () => {
    expect(jsonFields('{"a": 1, "b": oops', 0, ['a'])?.get('a')).toBe(1);
  });
});

describe('jsonAt', () => {
  it.each<[string, string[], unknown]>([
    ['{"a": {"b": {"c": [1, "x"]}}}', ['a', 'b', 'c'], [1, 'x']],
    [
      '{"__DEFAULT_SCOPE__": {"webapp.user-detail": {"userInfo": {"user": {"uniqueId": "x"}}}}}',
      ['__DEFAULT_SCOPE__', 'webapp.user-detail', 'userInfo'],
      { user: { uniqueId: 'x' } },
    ],
    ['{"a": {"b": 1}}', ['a', 'c'], undefined],
    ['{"a": "{\\"b\\": 1}"}', ['a', 'b'], undefined],
    ['{"a": 1}', [], { a: 1 }],
    ['', ['a'], undefined],
    ['not json', [], undefined],
  ])('%s at %j', (text, path, expected) => {
    expect(jsonAt(text, 0, path)).toEqual(expected);
  });
});

describe('skipJsonValue', () => {
  it.each<[string, number]>([
    ['"a\\"b" rest', 6],
    ['{"a": "}"} rest', 10],
    ['[1, [2]] rest', 8],
    ['123, 4', 3],
    ['"open', -1],
    ['{"a": 1', -1],
    [',', -1],
  ])('%j ends at %i', (text, end) => {
    expect(skipJsonValue(text, 0)).toBe(end);
  });
});

describe('jsonFieldsFromEnd', () => {
  const fromEnd = (text: string, keys: string[]) => {
    const fields = jsonFieldsFromEnd(text, 0, text.lastIndexOf('}'), keys);
    return fields && Object.fromEntries(fields);
  };

  it('finds the top-level members after 600 KB from the end, ignoring nested keys and keys in strings', () => {
    const text = `var ytInitialData = ${bigData()};`;
    const fields = jsonFieldsFromEnd(text, text.indexOf('{'), text.lastIndexOf('}'), ['header', 'metadata']);
    expect(fields?.get('header')).toEqual({ c4TabbedHeaderRenderer: { channelId: 'UCreal' } });
    expect(fields?.get('metadata')).toEqual({ channelMetadataRenderer: { title: 'Real' } });
  });

  it('proves each member without a parse that fails (a page’s first exception costs it milliseconds)', () => {
    // YouTube's shape: "header" nested inside the header itself and inside a later member.
    const text = JSON.stringify({
      contents: { items: [1, 2] },
      header: { pageHeaderRenderer: { header: { x: 1 } } },
      metadata: { m: 1 },
      topbar: { header: { y: 2 } },
      microformat: { z: 3 },
    });
    const parse = JSON.parse;
    let failures = 0;
    const spy = vi.spyOn(JSON, 'parse').mockImplementation((...args: Parameters<typeof JSON.parse>) => {
      try {
        return parse(...args);
      } catch (error) {
        failures++;
        throw error;
      }
    });
    try {
      expect(fromEnd(text, ['header', 'metadata'])).toEqual({
        header: { pageHeaderRenderer: { header: { x: 1 } } },
        metadata: { m: 1 },
      });
      expect(failures).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });

  it.each<[string, string, string[], Record<string, unknown> | undefined]>([
    [
      'the same key nested after the top-level one, and inside a string',
      '{"header": {"x": 1}, "topbar": {"header": "nested", "b": {"header": 2}}, "s": "\\"header\\": 3"}',
      ['header'],
      { header: { x: 1 } },
    ],
    ['a key ending in an escaped quote', '{"header": 1, "a \\"header": 2}', ['header'], { header: 1 }],
    ['escaped quotes in strings', '{"b": 2, "a": "x\\"}y"}', ['b'], { b: 2 }],
    ['escaped backslash before a closing quote', '{"b": {"c": "}"}, "a": "x\\\\"}', ['b'], { b: { c: '}' } }],
    [
      'nested braces and brackets',
      '{"b": [1, 2], "a": [{"x": [1, {"y": "]}["}]}]}',
      ['a', 'b'],
      {
        a: [{ x: [1, { y: ']}[' }] }],
        b: [1, 2],
      },
    ],
    ['literals and numbers', '{"t": true, "f": false, "n": null, "x": -1.5e3}', ['t', 'x'], { t: true, x: -1500 }],
    ['the last of two equal keys (as JSON.parse)', '{"b": 1, "b": 2}', ['b'], { b: 2 }],
    // Not found written as servers write it: undefined, and the caller scans forward.
    ['the key as a nested key only', '{"a": {"b": 1}}', ['b'], undefined],
    ['a space before the colon', '{"a" : 1}', ['a'], undefined],
    ['an escaped key', '{"\\u0062": 3}', ['b'], undefined],
    ['an absent key', '{"a": 1}', ['a', 'b'], undefined],
    ['a wanted value that is not JSON', '{"b": tru, "c": 1}', ['b'], undefined],
    // Only wanted values are parsed: a broken member the reader does not need does not hide them.
    ['a value that is not JSON after the wanted one', '{"b": 1, "c": tru}', ['b'], { b: 1 }],
    ['garbage between members', '{"b": 2 "a": 1}', ['b'], undefined],
    ['not an object', '[1, {"a": 2}]', ['a'], undefined],
  ])('%s', (_, text, keys, expected) => {
    expect(fromEnd(text, keys)).toEqual(expected);
  });

  it('gives exactly what JSON.parse gives, whenever it gives something (any spacing, any keys)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }),
        fc.constantFrom(0, 1, '\t'),
        fc.array(fc.string(), { maxLength: 3 }),
        (object, space, extra) => {
          const text = JSON.stringify(object, null, space);
          const keys = [...new Set([...Object.keys(object).slice(-2), ...extra])];
          const parsed = JSON.parse(text) as Record<string, unknown>;
          const got = fromEnd(text, keys);
          if (got) expect(got).toEqual(Object.fromEntries(keys.map((k) => [k, parsed[k]])));
          // Compact text holding every key: always found.
          if (space === 0 && keys.every((k) => Object.hasOwn(object, k)) && keys.length) expect(got).toBeDefined();
        },
      ),
      { numRuns: 500, seed: 20261201 },
    );
  });
});

// The page gathers the text (assignedMembersText), the background parses it (fieldsOfMembersText).
const twoSteps = (text: string, start: number, keys: string[]) => {
  const gathered = assignedMembersText(text, start, keys);
  const fields = gathered === undefined ? undefined : fieldsOfMembersText(gathered, keys);
  return fields && Object.fromEntries(fields);
};

describe('assignedMembersText, then fieldsOfMembersText', () => {
  it.each<[string, string, Record<string, unknown> | undefined]>([
    ['the object is the last statement: read from the end', 'var d = {"a": 1, "b": 2};\n', { b: 2 }],
    ['another statement follows: scanned forward', 'var d = {"a": 1, "b": 2}; var e = {"b": 3};', { b: 2 }],
    ['a call follows: scanned forward', 'var d = {"b": 2}; f({})', { b: 2 }],
    ['broken at the end, fine at the start: scanned forward', 'var d = {"b": 2, "a": "x};', { b: 2 }],
    ['broken at the start, fine at the end: read from the end', 'var d = {"a": tru e, "b": 2};', { b: 2 }],
    ['"};" inside a string: scanned forward', 'var d = {"b": 2, "a": "f(){};"};', { b: 2 }],
    // Brackets in the tail's strings: balance fails, the exact walk proves the member.
    [
      'a lone bracket in a string after the member',
      'var d = {"x": [1], "b": {"t": "[LIVE"}, "c": "}"};',
      { b: { t: '[LIVE' } },
    ],
    ['nothing usable', 'var d = oops;', undefined],
  ])('%s', (_, text, expected) => {
    expect(twoSteps(text, text.indexOf('=') + 1, ['b'])).toEqual(expected);
  });

  it('gathers from the member on, even when brackets in strings unbalance the tail (exact walk)', () => {
    const text = 'var d = {"x": [1], "b": {"t": "[LIVE"}, "c": "}"};';
    expect(assignedMembersText(text, text.indexOf('=') + 1, ['b'])).toBe('{"b": {"t": "[LIVE"}, "c": "}"}');
  });

  it('gathers only the tail of a 600 KB object, from its first wanted member', () => {
    const text = `var ytInitialData = ${bigData()};`;
    const gathered = membersText(text, text.indexOf('{'), text.lastIndexOf('}'), ['header', 'metadata']) ?? '';
    expect(gathered.startsWith('{"header":{"c4TabbedHeaderRenderer"')).toBe(true);
    expect(gathered.length).toBeLessThan(200);
    expect(Object.fromEntries(fieldsOfMembersText(gathered, ['header', 'metadata']) ?? [])).toEqual({
      header: { c4TabbedHeaderRenderer: { channelId: 'UCreal' } },
      metadata: { channelMetadataRenderer: { title: 'Real' } },
    });
  });

  it('never parses in the page: the gathering calls no JSON.parse', () => {
    const text = `var ytInitialData = ${bigData()};`;
    const spy = vi.spyOn(JSON, 'parse');
    try {
      expect(assignedMembersText(text, text.indexOf('=') + 1, ['header', 'metadata'])).toBeDefined();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('gives what JSON.parse gives, or nothing — never another value (any keys, any strings)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }),
        fc.constantFrom(0, 1),
        fc.array(fc.string(), { maxLength: 3 }),
        (object, space, extra) => {
          const text = `var d = ${JSON.stringify(object, null, space)};`;
          const keys = [...new Set([...Object.keys(object).slice(-2), ...extra])];
          const parsed = object as Record<string, unknown>;
          const got = twoSteps(text, text.indexOf('=') + 1, keys);
          if (got) expect(got).toEqual(Object.fromEntries(keys.map((k) => [k, parsed[k]])));
        },
      ),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('always finds them in compact text whose strings hold no brackets (what servers write)', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abc ":,\\é'.split('')) });
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        plain,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(plain, tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(plain, value, { minKeys: 1, maxKeys: 6 }), (object) => {
        const text = `var d = ${JSON.stringify(object)};`;
        const keys = Object.keys(object).slice(-2);
        expect(twoSteps(text, text.indexOf('=') + 1, keys)).toEqual(
          Object.fromEntries(keys.map((k) => [k, (object as Record<string, unknown>)[k]])),
        );
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });
});
