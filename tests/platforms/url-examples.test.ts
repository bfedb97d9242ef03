import { describe, expect, it } from 'vitest';
import { detectAccount, PLATFORMS } from '@/lib/platforms/registry';
import type { AccountRef } from '@/lib/platforms/types';
import { isAccountRow, loadExamples, OWN_TABLE, PLATFORM_TABLE, type UrlExample } from './examples';

/**
 * Rows of the platform table where our behaviour differs on purpose. Each is asserted as written
 * here, so changing the grammar or the table makes this list fail until it is revisited.
 */
const DISAGREEMENTS: Record<string, { reason: string; expected: AccountRef | undefined }> = {
  'https://www.youtube.com/c/ИгорьКлейнер/playlists?view=1&flow=grid': {
    reason: 'Keys are lowercase unless stated; custom /c/ URLs are case-insensitive like /user/ and legacy names.',
    expected: { platform: 'youtube', page: 'profile', key: 'c/игорьклейнер' },
  },
  'https://www.instagram.com/zuck/': {
    reason: 'Listed as "not a Threads account"; it is one, but an Instagram account, and detectAccount says so.',
    expected: { platform: 'instagram', page: 'profile', key: 'zuck' },
  },
  'https://mastodon.social/accounts/10843': {
    reason:
      'The table gives no key ("numeric id"). The id only means something on its instance, so the key is id:N@host.',
    expected: { platform: 'mastodon', page: 'profile', key: 'id:10843@mastodon.social' },
  },
};

function expectedOf(row: UrlExample): AccountRef | undefined {
  const disagreement = DISAGREEMENTS[row.url];
  if (disagreement && row.file === 'url-examples.tsv') return disagreement.expected;
  if (!isAccountRow(row) || row.key === undefined) return undefined;
  return { platform: row.platform, page: row.kind === 'C' ? 'post' : 'profile', key: row.key };
}

const label = (row: UrlExample) => `${row.file}:${row.line} ${row.platform} ${row.kind} ${row.url}`;

describe.each([
  ['platform URL table', PLATFORM_TABLE],
  ['French public accounts table', OWN_TABLE],
])('%s', (_name, file) => {
  const rows = loadExamples(file);

  it('has rows for every platform', () => {
    expect(new Set(rows.map((r) => r.platform)).size).toBe(PLATFORMS.length);
  });

  it.each(rows.map((row) => [label(row), row] as const))('%s', (_label, row) => {
    const hint =
      row.url in DISAGREEMENTS
        ? `listed in DISAGREEMENTS: ${DISAGREEMENTS[row.url]?.reason}`
        : 'fix the grammar, or list the row in DISAGREEMENTS with a reason';
    expect(detectAccount(row.url), hint).toEqual(expectedOf(row));
  });

  it('every account URL is rejected by every other platform (one table gives all negatives)', () => {
    for (const row of rows.filter(isAccountRow)) {
      const url = new URL(row.url);
      for (const other of PLATFORMS.filter((p) => p.id !== row.platform)) {
        expect(other.parseAccountUrl(url), `${other.id} claims ${label(row)}`).toBeUndefined();
      }
    }
  });
});

describe('DISAGREEMENTS', () => {
  it('only lists URLs of the platform table', () => {
    const urls = new Set(loadExamples(PLATFORM_TABLE).map((r) => r.url));
    for (const url of Object.keys(DISAGREEMENTS)) expect(urls.has(url), url).toBe(true);
  });
});

describe('every platform grammar', () => {
  const rows = [...loadExamples(PLATFORM_TABLE), ...loadExamples(OWN_TABLE)];
  it.each(PLATFORMS.map((p) => [p.id, p] as const))('%s: keys found are valid and round-trip', (_id, platform) => {
    const found = rows.map((r) => detectAccount(r.url)).filter((a) => a?.platform === platform.id);
    expect(found.length).toBeGreaterThan(3);
    for (const account of found) {
      if (!account) continue;
      expect(platform.isValidKey(account.key), account.key).toBe(true);
      expect(platform.parseAccountUrl(new URL(platform.accountUrl(account.key)))).toEqual({
        platform: platform.id,
        page: 'profile',
        key: account.key,
      });
    }
  });

  it.each(PLATFORMS.map((p) => [p.id, p] as const))('%s: never throws on hostile URLs', (_id, platform) => {
    const hostile = ['https://x.com/%', 'https://www.facebook.com/%FF', 'https://bsky.app/profile/%00', 'about:blank'];
    for (const s of hostile) {
      const url = URL.canParse(s) ? new URL(s) : new URL('https://example.org/');
      expect(() => platform.parseAccountUrl(url)).not.toThrow();
    }
  });
});

describe('canonical URLs', () => {
  it.each([
    ['x', 'gouvernementfr', 'https://x.com/gouvernementfr'],
    ['x', 'id:2976459548', 'https://x.com/i/user/2976459548'],
    ['facebook', 'id:100064860875397', 'https://www.facebook.com/profile.php?id=100064860875397'],
    ['youtube', 'UCzcRQ3vRNr6fJ1A9rqFn7QA', 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA'],
    ['youtube', 'legacy:zsecurity', 'https://www.youtube.com/zsecurity'],
    ['linkedin', 'company/gouvernementfr', 'https://www.linkedin.com/company/gouvernementfr/'],
    ['mastodon', 'codegouvfr@social.numerique.gouv.fr', 'https://social.numerique.gouv.fr/@codegouvfr'],
    ['mastodon', 'yoru_nine@pawoo.net', 'https://mastodon.social/@yoru_nine@pawoo.net'],
    ['flickr', '12345678@n00', 'https://www.flickr.com/photos/12345678@N00/'],
  ])('%s %s → %s', (id, key, url) => {
    expect(PLATFORMS.find((p) => p.id === id)?.accountUrl(key)).toBe(url);
  });
});
