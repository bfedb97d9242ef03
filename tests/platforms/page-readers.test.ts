import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { readSavedPage } from '@/lib/content/read-page';
import { getReader } from '@/lib/platforms/readers';
import { type AudienceReading, PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';

const ROOT = path.resolve(__dirname, '../..');
const OWN = path.resolve(ROOT, 'tests/fixtures/pages');
// Real saved pages live in the project's research folder beside a working copy, never in the
// repository: when that folder is there, the optional test below checks them too.
const SAVED = path.resolve(ROOT, '../shared/fixtures/pages');

const load = (file: string) => readFileSync(path.join(OWN, file), 'utf8');

type Expected = Pick<AudienceReading, 'metric' | 'value' | 'precision' | 'source'> & { problem?: string };
// [fixture, platform, account key, expected value or expected problem (substring), expected extras]
type Row = [string, PlatformId, string, Expected, { displayName?: string; links?: string[] }?];

// Rows of the three saved real pages (metascraper fixtures). Our own small imitations of their
// markup (see each file's header comment) must give the same values; the real pages are checked
// too when they are available.
const SAVED_ROWS: Row[] = [
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

const IMITATION: Record<string, string> = {
  'instagram-profile.html': 'instagram-guest-meta.html',
  'youtube-channel.html': 'youtube-c4-initial-data.html',
  'linkedin-company.html': 'linkedin-guest-company.html',
};
const savedName = (file: string) => file.replace(/^shared:/, '');

const ROWS: Row[] = [
  ...SAVED_ROWS.map(([file, ...rest]): Row => [IMITATION[savedName(file)] ?? file, ...rest]),
  // Hand-written fixtures (see each file's header comment)
  [
    'x-profile.html',
    'x',
    'elysee',
    { metric: 'followers', value: 4420, precision: 'exact', source: 'json-ld' },
    { displayName: 'Élysée', links: ['https://elysee.fr/'] },
  ],
  ['x-profile.html', 'x', 'id:18814998', { metric: 'followers', value: 4420, precision: 'exact', source: 'json-ld' }],
  ['x-profile.html', 'x', 'matignon', { problem: 'shows @elysee' }],
  [
    'x-profile-fr-dom.html',
    'x',
    'gouvernementfr',
    { metric: 'followers', value: 1_200_000, precision: 'rounded', source: 'text' },
    { links: ['https://t.co/XyZ987'] },
  ],
  ['x-profile-fr-dom.html', 'x', 'id:42', { problem: 'cannot confirm' }],
  ['x-suspended.html', 'x', 'elysee', { problem: 'suspended' }],
  ['x-other-account.html', 'x', 'elysee', { metric: 'followers', value: 4420, precision: 'exact', source: 'text' }],
  ['x-other-account.html', 'x', 'matignon', { problem: 'shows @elysee' }],
  [
    'facebook-page-fr.html',
    'facebook',
    'gouvernement.fr',
    { metric: 'followers', value: 1_234_567, precision: 'exact', source: 'embedded-json' },
    { displayName: 'Gouvernement', links: ['https://www.info.gouv.fr/'] },
  ],
  ['facebook-page-fr.html', 'facebook', 'id:100064578467574', { problem: 'describes gouvernement.fr' }],
  ['facebook-page-fr.html', 'facebook', 'matignon', { problem: 'describes gouvernement.fr' }],
  [
    'facebook-dom-fr.html',
    'facebook',
    'gouvernement.fr',
    { metric: 'followers', value: 1_200_000, precision: 'rounded', source: 'text' },
    { links: ['https://www.info.gouv.fr/'] },
  ],
  [
    'facebook-likes-meta.html',
    'facebook',
    'gouvernement.fr',
    { metric: 'page-likes', value: 12345, precision: 'exact', source: 'meta' },
  ],
  [
    'youtube-2024-fr.html',
    'youtube',
    '@elysee',
    { metric: 'subscribers', value: 1_200_000, precision: 'rounded', source: 'embedded-json' },
    { displayName: 'Élysée' },
  ],
  [
    'youtube-2024-fr.html',
    'youtube',
    'UCexampleElysee0000000a1',
    { metric: 'subscribers', value: 1_200_000, precision: 'rounded', source: 'embedded-json' },
  ],
  [
    'youtube-stale-data.html',
    'youtube',
    '@elysee',
    { metric: 'subscribers', value: 13000, precision: 'rounded', source: 'text' },
    { links: ['https://www.elysee.fr/'] },
  ],
  ['youtube-stale-data.html', 'youtube', '@autre', { problem: 'describes @elysee' }],
  ['instagram-private.html', 'instagram', 'mairie_exemple', { problem: 'private' }],
  [
    'instagram-logged-in-fr.html',
    'instagram',
    'pluto__travel',
    { metric: 'followers', value: 2362, precision: 'exact', source: 'attribute' },
    { links: ['https://www.pluto.travel/'] },
  ],
  ['instagram-logged-in-fr.html', 'instagram', 'other_user', { problem: 'describes other' }],
  [
    'linkedin-fr-logged-in.html',
    'linkedin',
    'company/ministere-exemple',
    { metric: 'followers', value: 12345, precision: 'exact', source: 'text' },
  ],
  [
    'tiktok-profile.html',
    'tiktok',
    'ville.exemple',
    { metric: 'followers', value: 783_412, precision: 'exact', source: 'embedded-json' },
    { displayName: 'Ville Exemple', links: ['https://www.ville-exemple.fr/'] },
  ],
  ['tiktok-profile.html', 'tiktok', 'autre.ville', { problem: 'describes ville.exemple' }],
  [
    'tiktok-dom-fr.html',
    'tiktok',
    'ville.exemple',
    { metric: 'followers', value: 34500, precision: 'rounded', source: 'text' },
  ],
  ['tiktok-dom-fr.html', 'tiktok', 'autre.ville', { problem: 'not found' }],
  [
    'threads-profile.html',
    'threads',
    'ville.exemple',
    { metric: 'followers', value: 12345, precision: 'exact', source: 'meta' },
    { displayName: 'Ville Exemple' },
  ],
  ['threads-profile.html', 'threads', 'autre', { problem: 'describes ville.exemple' }],
  [
    'bluesky-profile.html',
    'bluesky',
    'bsky.app',
    { metric: 'followers', value: 1_101_177, precision: 'exact', source: 'json-ld' },
    { displayName: 'Bluesky', links: ['https://bsky.social/about'] },
  ],
  [
    'bluesky-profile.html',
    'bluesky',
    'did:plc:z72i7hdynmk6r22z27h6tvur',
    { metric: 'followers', value: 1_101_177, precision: 'exact', source: 'json-ld' },
  ],
  ['bluesky-profile.html', 'bluesky', 'gouvernement.fr', { problem: 'describes bsky.app' }],
  [
    'bluesky-dom.html',
    'bluesky',
    'gouvernement.fr',
    { metric: 'followers', value: 45321, precision: 'exact', source: 'attribute' },
  ],
  ['bluesky-dom.html', 'bluesky', 'did:plc:abc', { problem: 'describes gouvernement.fr' }],
  [
    'mastodon-profile-fr.html',
    'mastodon',
    'numerique@social.numerique.gouv.fr',
    { metric: 'followers', value: 12345, precision: 'exact', source: 'attribute' },
    { displayName: 'Numérique', links: ['https://www.numerique.gouv.fr/'] },
  ],
  ['mastodon-profile-fr.html', 'mastodon', 'autre@social.numerique.gouv.fr', { problem: 'describes numerique' }],
  ['mastodon-hidden.html', 'mastodon', 'numerique@social.numerique.gouv.fr', { problem: 'hidden' }],
  [
    'mastodon-meta.html',
    'mastodon',
    'gargron@mastodon.social',
    { metric: 'followers', value: 350_000, precision: 'rounded', source: 'meta' },
  ],
  ['mastodon-meta.html', 'mastodon', 'gargron@other.example', { problem: 'describes gargron@mastodon.social' }],
  [
    'flickr-profile.html',
    'flickr',
    'elysee',
    { metric: 'followers', value: 4321, precision: 'exact', source: 'embedded-json' },
    { displayName: 'Élysée' },
  ],
  [
    'flickr-profile.html',
    'flickr',
    '12345678@N00',
    { metric: 'followers', value: 4321, precision: 'exact', source: 'embedded-json' },
  ],
  ['flickr-profile.html', 'flickr', 'matignon', { problem: 'describes elysee' }],
  [
    'dailymotion-channel.html',
    'dailymotion',
    'elysee',
    { metric: 'followers', value: 56789, precision: 'exact', source: 'json-ld' },
  ],
  ['dailymotion-channel.html', 'dailymotion', 'autre', { problem: 'describes elysee' }],
];

// A separate happy-dom window that treats the pages' stylesheets and iframes as loaded (no network, no noise).
const win = new Window({ settings: { handleDisabledFileLoadingAsSuccess: true } });
const parse = (html: string) => new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function check(html: string, [, platform, key, expected, extras]: Row) {
  const got = readSavedPage(html, { platform, page: 'profile', key }, parse);
  const { problem, ...value } = expected;
  if (problem) {
    expect(got.value).toBeUndefined();
    expect(got.problems.join(' | ')).toContain(problem);
  } else {
    expect({ metric: got.metric, value: got.value, precision: got.precision, source: got.source }).toEqual(value);
  }
  if (extras?.displayName) expect(got.displayName).toBe(extras.displayName);
  if (extras?.links) expect(got.links).toEqual(extras.links);
}

describe('page readers on fixtures', () => {
  test.each(ROWS)('%s as %s %s', (file, ...rest) => check(load(file), [file, ...rest]));
});

describe.skipIf(!existsSync(SAVED))('page readers on the saved real pages (optional: ../shared saved pages)', () => {
  test.each(SAVED_ROWS)('%s as %s %s (optional: ../shared saved pages)', (file, ...rest) =>
    check(readFileSync(path.join(SAVED, savedName(file)), 'utf8'), [file, ...rest]),
  );
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

describe('X reader on a page that shows no profile yet', () => {
  // A timeline with links and counters but no profile header, JSON-LD, follower link or empty state:
  // the reader stops after one query, with the same answer as a full reading.
  const timeline =
    '<main><article><a href="/someone"><span>Someone</span></a><span>12</span></article>' +
    '<article><a href="/other/following">Following</a></article></main>';
  test.each([
    ['elysee', 'follower count not found'],
    ['id:18814998', 'cannot confirm the account id from the page header'],
  ])('as %s: %s', (key, problem) => {
    const got = readSavedPage(timeline, { platform: 'x', page: 'profile', key }, parse);
    expect(got).toEqual({ problems: [problem] });
  });

  test('a follower link alone is still read', () => {
    const got = readSavedPage(
      '<a href="/elysee/followers"><span>4 420</span> abonnés</a>',
      {
        platform: 'x',
        page: 'profile',
        key: 'elysee',
      },
      parse,
    );
    expect(got.value).toBe(4420);
  });
});

describe('Threads reader: a count in the live page beside another profile is not the page’s', () => {
  // The page says whose it is (og:title) but its meta description holds no count, so the reader looks
  // at the live text. The row marked (fuzz) was found by npm run fuzz (tests/fuzz/page-readers).
  const page = (body: string) =>
    '<html><head><meta property="og:title" content="Ville Exemple (@ville.exemple) • Threads, Say more">' +
    `</head><body>${body}</body></html>`;
  test.each([
    ['its own header', '<div><span>12,345 followers</span></div>', 12345],
    [
      'its own link beside',
      '<div><a href="/@ville.exemple">ville.exemple</a><span>12,345 followers</span></div>',
      12345,
    ],
    [
      'its own @handle beside, other case',
      '<div><span>@Ville.Exemple</span> <span>12,345 followers</span></div>',
      12345,
    ],
    [
      'a link to another profile',
      '<div><a href="/@autre"><span>autre</span></a> <span>987,7 M abonnés</span></div>',
      undefined,
    ],
    [
      'an absolute link to another profile',
      '<div><a href="https://www.threads.net/@autre">autre</a> <span>987,7 M abonnés</span></div>',
      undefined,
    ],
    [
      'another @handle beside, its link empty (fuzz)',
      '<div><a href=""><span>@autre</span></a> <span>987,7 M abonnés</span></div>',
      undefined,
    ],
    ['another @handle as text', '<p><span>@autre</span> <span>988M followers</span></p>', undefined],
    [
      'another account first, then its own header',
      '<div><span>@autre</span> <span>988M followers</span></div><div><span>12,345 followers</span></div>',
      12345,
    ],
  ])('%s', (_, body, value) => {
    const got = readSavedPage(page(body), { platform: 'threads', page: 'profile', key: 'ville.exemple' }, parse);
    expect(got.value).toBe(value);
  });
});
