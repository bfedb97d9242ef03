import { describe, expect, it } from 'vitest';
import { presenceOf, presenceShares } from '@/lib/dashboard/presence';
import type { Account } from '@/lib/dataset';

const account = (platform: Account['platform'], status: Account['status']): Account => ({
  platform,
  key: `${platform}-${status}`,
  url: `https://example.org/${platform}`,
  status,
  confidence: 'confirmed',
  sources: ['s'],
});

describe('presence', () => {
  it.each([
    [[], 'unknown'],
    [[account('x', 'active')], 'present'],
    [[account('x', 'unused')], 'inactive'],
    [[account('x', 'closed')], 'inactive'],
    [[account('x', 'closed'), account('x', 'active')], 'present'],
    [[account('facebook', 'active')], 'unknown'],
  ] as const)('%j on X → %s', (accounts, state) => {
    expect(presenceOf({ accounts: [...accounts] }, 'x')).toBe(state);
  });

  it('computes each platform’s share over the institutions whose presence is known, and says over how many', () => {
    const entities = [
      { accounts: [account('x', 'active'), account('facebook', 'active')] },
      { accounts: [account('x', 'unused')] },
      { accounts: [account('x', 'active')] },
      { accounts: [] },
    ];
    const shares = presenceShares(entities);
    expect(shares).toHaveLength(11);
    const x = shares.find((s) => s.platform === 'x');
    expect(x).toEqual({ platform: 'x', counts: { present: 2, inactive: 1, unknown: 1 }, known: 3, share: 2 / 3 });
    const facebook = shares.find((s) => s.platform === 'facebook');
    expect(facebook?.share).toBe(1);
    expect(facebook?.known).toBe(1);
    // Nothing known: no share at all, rather than 0 %.
    expect(shares.find((s) => s.platform === 'flickr')?.share).toBeNull();
  });
});
