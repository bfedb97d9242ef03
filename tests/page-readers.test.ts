import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { getReader } from '@/lib/platforms/readers';
import { type AudienceReading, PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { readSavedPage } from '@/lib/read-page';

const ROOT = path.resolve(__dirname, '..');
// Real saved pages are read from the shared folder, never copied into the repository.
const SHARED = path.resolve(ROOT, '../shared/fixtures/pages');
const OWN = path.resolve(ROOT, 'tests/fixtures/pages');

const load = (file: string) =>
  readFileSync(file.startsWith('shared:') ? path.join(SHARED, file.slice(7)) : path.join(OWN, file), 'utf8');

type Expected = Pick<AudienceReading, 'metric' | 'value' | 'precision' | 'source'> & { problem?: string };
// [fixture, platform, account key, expected value or expected problem (substring), expected extras]
type Row = [string, PlatformId, string, Expected, { displayName?: string; links?: string[] }?];

const ROWS: Row[] = [
  // Real pages (metascraper fixtures)
  [
    'shared:instagram-profile.html',
    'instagram',
    'pluto__travel',
    { metric: 'followers', value: 2362, precision: 'exact', source: 'meta' },
    { displayName: 'Pluto' },
  ],
  ['shared:instagram-profile.html', 'instagram', 'someone_else', { problem: 'describes pluto__travel' }],
  [
    'shared:youtube-channel.html',
    'youtube',
    'UCzcRQ3vRNr6fJ1A9rqFn7QA',
    { metric: 'subscribers', value: 4_690_000, precision: 'rounded', source: 'embedded-json' },
    { displayName: 'ONE Media', links: ['https://www.facebook.com/204568612956950'] },
  ],
  [
    'shared:youtube-channel.html',
    'youtube',
    '@onemedia.',
    { metric: 'subscribers', value: 4_690_000, precision: 'rounded', source: 'embedded-json' },
  ],
  ['shared:youtube-channel.html', 'youtube', '@elysee', { problem: 'describes' }],
  ['shared:youtube-channel.html', 'youtube', 'c/onemedia', { problem: 'describes' }],
  [
    'shared:linkedin-company.html',
    'linkedin',
    'company/audiense',
    { metric: 'followers', value: 5750, precision: 'exact', source: 'meta' },
    { displayName: 'Audiense', links: ['http://www.audiense.com/'] },
  ],
  ['shared:linkedin-company.html', 'linkedin', 'company/other', { problem: 'describes company/audiense' }],
];

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('page readers on fixtures', () => {
  test.each(ROWS)('%s as %s %s', (file, platform, key, expected, extras) => {
    const got = readSavedPage(load(file), { platform, page: 'profile', key }, parse);
    const { problem, ...value } = expected;
    if (problem) {
      expect(got.value).toBeUndefined();
      expect(got.problems.join(' | ')).toContain(problem);
    } else {
      expect({ metric: got.metric, value: got.value, precision: got.precision, source: got.source }).toEqual(value);
    }
    if (extras?.displayName) expect(got.displayName).toBe(extras.displayName);
    if (extras?.links) expect(got.links).toEqual(extras.links);
  });
});

describe('registry', () => {
  test.each(PLATFORM_IDS)('%s has a page reader', (id) => {
    expect(typeof getReader(id)).toBe('function');
  });

  test('readSavedPage never throws and says why', () => {
    const bad = readSavedPage('<html>', { platform: 'x', page: 'profile', key: 'elysee' }, () => {
      throw new Error('boom');
    });
    expect(bad.problems[0]).toContain('boom');
  });
});
