import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectAccount, getPlatform, PLATFORMS } from '@/lib/platforms/registry';
import type { AccountRef, PlatformId } from '@/lib/platforms/types';

/** [platform, host] pairs to build URLs on, from each platform's match patterns (`*.` gets a few subdomains). */
const HOSTS: [PlatformId, string][] = PLATFORMS.flatMap((p) =>
  p.matches.flatMap((pattern) => {
    const host = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
    if (!host.startsWith('*.')) return [[p.id, host] as [PlatformId, string]];
    const domain = host.slice(2);
    return [domain, `www.${domain}`, `m.${domain}`, `fr.${domain}`, `l.${domain}`, `a.b.${domain}`].map(
      (h) => [p.id, h] as [PlatformId, string],
    );
  }),
);

/** A path start that names an account on each platform, so that random tails get explored behind it. */
const ACCOUNT_STARTS: Record<PlatformId, string[]> = {
  x: ['Interieur_Gouv', 'i/user/2976459548', 'intent/user'],
  facebook: ['gouvernement.fr', 'profile.php', 'people/Gouvernement/100064860875397', '100064860875397'],
  youtube: ['@elysee', 'channel/UCzcRQ3vRNr6fJ1A9rqFn7QA', 'c/Elysee', 'user/hecparis', 'zsecurity'],
  dailymotion: ['franceinter', 'user/franceinter', 'old/user/nqtv'],
  instagram: ['paris_maville', '_u/paris_maville', 'stories/paris_maville'],
  linkedin: ['company/villedeparis', 'in/peter-m%C3%BCller-81a8', 'school/sciences-po'],
  tiktok: ['@emmanuelmacron', '@6820838815978423302'],
  threads: ['@zuck', '@ministere.culture'],
  bluesky: ['profile/paris.fr', 'profile/did:plc:z72i7hdynmk6r22z27h6tvur', 'profile/did:web:paris.fr'],
  mastodon: ['@codegouvfr', 'users/jk', 'web/@jk', '@yoru_nine@pawoo.net', 'accounts/10843'],
  flickr: ['photos/shona_s', 'people/12345678@N00'],
};

/** Path segments that mean something on some platform, plus traps (dots, bad escapes, encoded slashes). */
const WORDS = [
  '@elysee',
  '@Assembl%C3%A9e',
  '@codegouvfr@social.numerique.gouv.fr',
  'elysee',
  'gouvernement.fr',
  'Interieur_Gouv',
  'profile',
  'profile.php',
  'people',
  'photos',
  'users',
  'user',
  'web',
  'deck',
  'channel',
  'UCzcRQ3vRNr6fJ1A9rqFn7QA',
  'c',
  'company',
  'in',
  'i',
  'intent',
  'status',
  'post',
  'p',
  'followers',
  'about',
  'videos',
  'accounts',
  'stories',
  'old',
  '_u',
  '100064860875397',
  '0',
  '12345678@N00',
  'did:plc:z72i7hdynmk6r22z27h6tvur',
  'did:web:paris.fr',
  '.',
  '..',
  '%2e%2e',
  '%2F',
  '%E0%A4%A',
  '%00',
  'a.rss',
  '',
];

const segment = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.stringMatching(/^[A-Za-z0-9_.@%-]{1,12}$/),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const query = fc.constantFrom(
  '',
  '?id=100064860875397',
  '?id=abc',
  '?user_id=2976459548',
  '?user_id=0',
  '?screen_name=Elysee',
  '?screen_name=%FF',
  '?sk=about#x',
);
const platformUrl = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    fc.constantFrom(...HOSTS),
    fc.boolean(),
    fc.nat(),
    fc.array(segment, { maxLength: 4 }),
    query,
  )
  .map(([scheme, [id, host], fromAccount, pick, segs, q]) => {
    const starts = ACCOUNT_STARTS[id];
    const path = fromAccount ? [starts[pick % starts.length], ...segs] : segs;
    return `${scheme}://${host}/${path.join('/')}${q}`;
  });

function checkAccount(found: AccountRef): void {
  const platform = getPlatform(found.platform);
  expect(platform).toBeDefined();
  if (!platform) return;
  expect(platform.isValidKey(found.key), `isValidKey(${JSON.stringify(found.key)})`).toBe(true);
  const canonical = platform.accountUrl(found.key);
  expect(platform.parseAccountUrl(new URL(canonical)), canonical).toEqual({
    platform: found.platform,
    page: 'profile',
    key: found.key,
  });
}

describe('detectAccount on arbitrary input', () => {
  it.each([
    ['strings', fc.string()],
    ['full-Unicode strings', fc.string({ unit: 'binary' })],
    ['web URLs', fc.webUrl({ withQueryParameters: true, withFragments: true })],
  ])('never throws on %s', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (s) => {
        const found = detectAccount(s);
        if (found) checkAccount(found);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on URLs built on platform hosts, and every key it finds is valid and stable', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(platformUrl, (s) => {
        const found = detectAccount(s);
        if (found) {
          seen.add(found.platform);
          checkAccount(found);
        }
      }),
      { numRuns: 20000 },
    );
    // Guards against a generator that never reaches an account, which would make this test vacuous.
    expect([...seen].sort()).toEqual(PLATFORMS.map((p) => p.id).sort());
  });
});
