import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { MASTODON_INSTANCES } from '@/lib/platforms/mastodon/instances';
import { detectAccount, hostPermissions, PLATFORMS } from '@/lib/platforms/registry';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { loadExamples, OWN_TABLE, PLATFORM_TABLE } from './examples';

const patterns = hostPermissions().map((p) => new MatchPattern(p));
const matchedBySome = (url: string) => patterns.some((p) => p.includes(url.trim()));

describe('host permissions', () => {
  it('registers every platform once, in the order of PLATFORM_IDS', () => {
    expect(PLATFORMS.map((p) => p.id)).toEqual([...PLATFORM_IDS]);
  });

  it('are valid, unique match patterns, every platform’s', () => {
    const all = PLATFORMS.flatMap((p) => p.matches);
    expect(new Set(all).size).toBe(all.length);
    for (const p of all) expect(() => new MatchPattern(p), p).not.toThrow();
    expect(hostPermissions()).toEqual(all);
  });

  it('cover every URL where an account is detected', () => {
    const rows = [...loadExamples(PLATFORM_TABLE), ...loadExamples(OWN_TABLE)];
    const accountUrls = rows.map((r) => r.url).filter((url) => detectAccount(url));
    expect(accountUrls.length).toBeGreaterThan(150);
    for (const url of accountUrls) expect(matchedBySome(url), `no match pattern covers ${url}`).toBe(true);
  });

  it('cover the canonical URL of every platform', () => {
    const keys: Record<string, string> = {
      x: 'gouvernementfr',
      facebook: 'gouvernement.fr',
      youtube: '@elysee',
      dailymotion: 'franceinter',
      instagram: 'paris_maville',
      linkedin: 'company/villedeparis',
      tiktok: 'emmanuelmacron',
      threads: 'zuck',
      bluesky: 'paris.fr',
      mastodon: 'codegouvfr@social.numerique.gouv.fr',
      flickr: 'shona_s',
    };
    for (const p of PLATFORMS) {
      const url = p.accountUrl(keys[p.id] ?? '');
      expect(
        p.matches.some((m) => new MatchPattern(m).includes(url)),
        url,
      ).toBe(true);
    }
  });

  it('take the Mastodon hosts from the instance list', () => {
    expect(PLATFORMS.find((p) => p.id === 'mastodon')?.matches).toEqual(MASTODON_INSTANCES.map((h) => `*://${h}/*`));
  });

  it.each([
    'https://www.paris.fr/',
    'https://www.service-public.fr/',
    'https://www.gouvernement.fr/',
    'https://fxbsky.app/profile/bsky.app',
    'https://c2.staticflickr.com/2/1475/24531000464_9a7503ae68_b.jpg',
    'https://music.youtube.com/@elysee',
    'https://vm.tiktok.com/ZGdh4WUhr/',
    'https://dai.ly/x7tgad0',
    'https://flic.kr/p/FPVo9U',
    'https://l.threads.com/?u=https%3A%2F%2Fwww.gouvernement.fr%2F',
    'https://notfacebook.com/gouvernement.fr',
    'https://x.com.evil.example/gouvernementFR',
  ])('match nothing on %s', (url) => {
    expect(matchedBySome(url)).toBe(false);
  });
});
