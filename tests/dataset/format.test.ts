import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '@/lib/dataset/bundled';
import { firstDifference, formatDataFile, shapeForFile } from '@/lib/dataset/format';

const DATA = path.resolve(__dirname, '../../lib/dataset/data');

describe('data files are in canonical form (npm run dataset:format rewrites them)', () => {
  const names = fs.readdirSync(DATA).filter((f) => f.endsWith('.json'));

  it('every file in data/ is assembled by bundled.ts', () => {
    expect(names.sort()).toEqual(Object.keys(DATA_FILES).sort());
  });

  it.each(names)('%s', (name) => {
    const text = fs.readFileSync(path.join(DATA, name), 'utf8');
    const expected = formatDataFile(JSON.parse(text), shapeForFile(name));
    const diff = firstDifference(text, expected);
    if (diff)
      expect.fail(
        `${name} is not canonical at line ${diff.line}:\n  found:    ${diff.actual}\n  expected: ${diff.expected}\nRun: npm run dataset:format`,
      );
  });
});

describe('formatDataFile', () => {
  it('orders keys as the schema, sorts entities, accounts and sources, ends with a newline', () => {
    const messy = {
      entities: [
        {
          accounts: [
            { key: 'b', platform: 'facebook', url: 'u', status: 'active', confidence: 'press', sources: ['s'] },
            { sources: ['s'], key: 'z', platform: 'x', url: 'u', status: 'active', confidence: 'press' },
            { key: 'a', platform: 'facebook', url: 'u', status: 'active', confidence: 'press', sources: ['s'] },
          ],
          name: { en: 'B', fr: 'B' },
          group: 'city',
          id: 'city-2',
        },
        { group: 'city', id: 'city-1', name: { fr: 'A' }, accounts: [] },
      ],
      sources: { zed: { kind: 'press', title: 'Z' }, alpha: { kind: 'press', title: 'A', url: 'https://a' } },
      edition: { date: '2026-11-28', id: 'e' },
    };
    const out = formatDataFile(messy);
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['edition', 'sources', 'entities']);
    expect(Object.keys(parsed.sources)).toEqual(['alpha', 'zed']);
    expect(Object.keys(parsed.sources.alpha)).toEqual(['title', 'url', 'kind']);
    expect(parsed.entities.map((e: { id: string }) => e.id)).toEqual(['city-1', 'city-2']);
    expect(Object.keys(parsed.entities[1])).toEqual(['id', 'group', 'name', 'accounts']);
    expect(Object.keys(parsed.entities[1].name)).toEqual(['fr', 'en']);
    expect(parsed.entities[1].accounts.map((a: { platform: string; key: string }) => `${a.platform}:${a.key}`)).toEqual(
      ['x:z', 'facebook:a', 'facebook:b'],
    );
    expect(Object.keys(parsed.entities[1].accounts[0])).toEqual([
      'platform',
      'key',
      'url',
      'status',
      'confidence',
      'sources',
    ]);
    expect(out).toContain('\n  "edition": {\n    "id": "e",');
  });

  it('is idempotent', () => {
    const once = formatDataFile({ b: 1, a: { fr: 'x' } });
    expect(formatDataFile(JSON.parse(once))).toBe(once);
  });

  it('points at the first differing line', () => {
    expect(firstDifference('a\nb\nc', 'a\nB\nc')).toEqual({ line: 2, actual: 'b', expected: 'B' });
    expect(firstDifference('same', 'same')).toBeUndefined();
    expect(firstDifference('a', 'a\nb')).toEqual({ line: 2, actual: '(end of file)', expected: 'b' });
  });
});
