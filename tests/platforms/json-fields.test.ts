import { describe, expect, it } from 'vitest';
import { jsonAt, jsonFields, skipJsonValue } from '@/lib/platforms/json-fields';

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
