import { describe, expect, it } from 'vitest';
import { isKnown, presenceOf, presenceShares } from '@/lib/dashboard/presence';
import type { Account, Entity } from '@/lib/dataset';

const account = (platform: Account['platform'], status: Account['status'], statusSince?: string): Account => ({
  platform,
  key: `${platform}-${status}`,
  url: `https://example.org/${platform}`,
  status,
  confidence: 'confirmed',
  sources: ['s'],
  ...(statusSince ? { statusSince } : {}),
});

const checked = (platform: Account['platform'], date: string): NonNullable<Entity['checkedAbsent']>[number] => ({
  platform,
  date,
  url: 'https://www.example.fr/',
  source: 'site-example',
});

describe('presence', () => {
  it.each<[string, Pick<Entity, 'accounts' | 'checkedAbsent'>, string, string | null]>([
    ['nothing listed', { accounts: [] }, 'unknown', null],
    ['an active account', { accounts: [account('x', 'active')] }, 'present', null],
    ['an unused account', { accounts: [account('x', 'unused')] }, 'inactive', null],
    ['a closed account, dated', { accounts: [account('x', 'closed', '2024-02-01')] }, 'absent', '2024-02-01'],
    ['a closed account, undated', { accounts: [account('x', 'closed')] }, 'absent', null],
    ['closed and active', { accounts: [account('x', 'closed'), account('x', 'active')] }, 'present', null],
    ['another platform only', { accounts: [account('facebook', 'active')] }, 'unknown', null],
    ['site read without a link', { accounts: [], checkedAbsent: [checked('x', '2026-11-02')] }, 'absent', '2026-11-02'],
    [
      'site check on another platform',
      { accounts: [], checkedAbsent: [checked('facebook', '2026-11-02')] },
      'unknown',
      null,
    ],
    // A live account wins over an older check, as in the popup's comparison.
    [
      'active despite a check',
      { accounts: [account('x', 'active')], checkedAbsent: [checked('x', '2026-11-02')] },
      'present',
      null,
    ],
  ])('%s → %s', (_name, entity, state, date) => {
    expect(presenceOf(entity, 'x')).toEqual({ state, date });
  });

  it.each([
    ['present', true],
    ['inactive', true],
    ['absent', true],
    ['unknown', false],
  ] as const)('%s is known: %s', (state, known) => {
    expect(isKnown(state)).toBe(known);
  });

  it('computes each platform’s share over the institutions whose presence is known, absences included', () => {
    const entities = [
      { accounts: [account('x', 'active'), account('facebook', 'active')] },
      { accounts: [account('x', 'unused')] },
      { accounts: [account('x', 'active')] },
      { accounts: [], checkedAbsent: [checked('x', '2026-11-02')] },
      { accounts: [] },
    ];
    const shares = presenceShares(entities);
    expect(shares).toHaveLength(11);
    const x = shares.find((s) => s.platform === 'x');
    expect(x).toEqual({
      platform: 'x',
      counts: { present: 2, inactive: 1, absent: 1, unknown: 1 },
      known: 4,
      holding: 3,
      share: 3 / 4,
    });
    const facebook = shares.find((s) => s.platform === 'facebook');
    expect(facebook?.share).toBe(1);
    expect(facebook?.known).toBe(1);
    // Nothing known: no share at all, rather than 0 %.
    expect(shares.find((s) => s.platform === 'flickr')?.share).toBeNull();
  });
});
