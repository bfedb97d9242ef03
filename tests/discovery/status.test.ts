import { describe, expect, it } from 'vitest';
import type { DiscoveredAccount } from '@/lib/discovery';
import { candidateStatus, platformsWithoutAccount } from '@/lib/discovery';
import { tinyDataset } from '../helpers/tiny-dataset';

const paris = tinyDataset().entities[0];
if (!paris) throw new Error('tiny dataset changed');

function candidate(platform: DiscoveredAccount['platform'], key: string, primary = true): DiscoveredAccount {
  return { platform, key, url: '', href: '', evidence: 'link', where: 'footer', primary, occurrences: 1 };
}

describe('candidateStatus', () => {
  it.each([
    ['x', 'paris', 'listed'],
    ['x', 'parisjo2024', 'conflict'],
    ['facebook', 'parisfr', 'new'],
  ] as const)('%s %s → %s', (platform, key, status) => {
    expect(candidateStatus(paris, { platform, key })).toBe(status);
  });
});

describe('platformsWithoutAccount', () => {
  it('lists the platforms with no candidate at all when the page names at least one primary', () => {
    const result = { candidates: [candidate('x', 'a'), candidate('facebook', 'b', false)] };
    expect(platformsWithoutAccount(result)).toEqual([
      'youtube',
      'dailymotion',
      'instagram',
      'linkedin',
      'tiktok',
      'threads',
      'bluesky',
      'mastodon',
      'flickr',
    ]);
  });
  it('says nothing when the page names no account of its own (a consent wall, a script shell)', () => {
    expect(platformsWithoutAccount({ candidates: [] })).toEqual([]);
    expect(platformsWithoutAccount({ candidates: [candidate('x', 'a', false)] })).toEqual([]);
  });
});
