import { describe, expect, it } from 'vitest';
import { CompareError, compareAccount, tryCompareAccount } from '@/lib/compare';
import { competitionRank, median, percentileAmong } from '@/lib/compare/stats';
import { acct, dataset, ent, fig, NOW, xCity } from './fixtures';

const compare = (entities: Parameters<typeof dataset>[0], entityId: string, extra = {}) =>
  compareAccount({ dataset: dataset(entities), entityId, platform: 'x', now: NOW, ...extra });

describe('stats', () => {
  it.each([
    [300, [300, 200, 200, 100], 1],
    [200, [300, 200, 200, 100], 2],
    [100, [300, 200, 200, 100], 4],
    [5, [5], 1],
  ])('competition rank of %d in %j is %d', (value, values, rank) => {
    expect(competitionRank(value, values)).toBe(rank);
  });

  it.each([
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 30, 50], 20],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('median of nothing is undefined', () => {
    expect(median([])).toBeUndefined();
  });

  it.each([
    // 200 among 100, 200, 300, 50: 2 below, 1 equal → (2 + 0.5) / 4 = 62.5
    [200, [100, 200, 300, 50], 62.5],
    [300, [100, 200], 100],
    [50, [100, 200], 0],
    [100, [100, 100], 50],
  ])('percentile of %d among %j is %d', (value, others, expected) => {
    expect(percentileAmong(value, others)).toBe(expected);
  });

  it('percentile without others is undefined', () => {
    expect(percentileAmong(10, [])).toBeUndefined();
  });
});

describe('compareAccount: ranking', () => {
  // 300, 200, 200, 100 → ranks 1, 2, 2, 4
  const tied = [xCity('a', 300), xCity('b', 200), xCity('c', 200), xCity('d', 100)];

  it('gives tied values the same rank and skips the next (1, 2, 2, 4)', () => {
    const c = compare(tied, 'city-b');
    expect(c.cohort.map((m) => [m.entity, m.rank])).toEqual([
      ['city-a', 1],
      ['city-b', 2],
      ['city-c', 2],
      ['city-d', 4],
    ]);
    expect(c.rank).toBe(2);
    expect(c.ranked).toBe(4);
    expect(c.headline).toMatchObject({ rank: 2, of: 4, tied: true, groupSize: 4, topPercent: 50 });
  });

  it('computes percentile, median (even count), ratio, min and max', () => {
    const c = compare(tied, 'city-b');
    // others 300, 200, 100: 1 below, 1 equal → 1.5 / 3 = 50 %
    expect(c.percentile).toBe(50);
    expect(c.median).toBe(200); // (200 + 200) / 2
    expect(c.ratioToMedian).toBe(1);
    expect(c.min).toEqual({ value: 100, entities: ['city-d'] });
    expect(c.max).toEqual({ value: 300, entities: ['city-a'] });
    const top = compare(tied, 'city-a');
    expect(top.percentile).toBe(100);
    expect(top.ratioToMedian).toBe(1.5);
    expect(compare(tied, 'city-d').percentile).toBe(0);
  });

  it('computes the median of an odd count and ties for the minimum', () => {
    const c = compare([xCity('a', 900), xCity('b', 100), xCity('c', 100)], 'city-a');
    expect(c.median).toBe(100);
    expect(c.ratioToMedian).toBe(9);
    expect(c.min).toEqual({ value: 100, entities: ['city-b', 'city-c'] });
  });

  it('leaves peers without an account or a figure out, and lists them', () => {
    const entities = [
      xCity('a', 500),
      xCity('b', 100),
      xCity('nofigure', null, { accounts: [acct('x')] }),
      xCity('noaccount', null),
    ];
    const c = compare(entities, 'city-b');
    expect(c.ranked).toBe(2);
    expect(c.groupSize).toBe(4);
    expect(c.rank).toBe(2);
    expect(c.withoutFigure).toEqual(['city-noaccount', 'city-nofigure']);
    const standing = Object.fromEntries(c.cohort.map((m) => [m.entity, m.standing]));
    expect(standing).toEqual({
      'city-a': 'ranked',
      'city-b': 'ranked',
      'city-nofigure': 'no-figure',
      'city-noaccount': 'no-account',
    });
    expect(c.flags).toContainEqual({ code: 'missing-figures', entities: ['city-noaccount', 'city-nofigure'] });
    expect(c.median).toBe(300);
  });

  it('handles a cohort of one: the entity alone', () => {
    const c = compare([xCity('alone', 42)], 'city-alone');
    expect(c.rank).toBe(1);
    expect(c.ranked).toBe(1);
    expect(c.percentile).toBeNull();
    expect(c.median).toBe(42);
    expect(c.flags).toContainEqual({ code: 'single-member' });
    expect(c.presence.platforms.find((p) => p.platform === 'x')).toMatchObject({ has: true, peers: 0, share: null });
  });

  it('flags an entity without a figure and gives it no rank', () => {
    const c = compare([xCity('a', 10), xCity('b', null, { accounts: [acct('x')] })], 'city-b');
    expect(c.rank).toBeNull();
    expect(c.percentile).toBeNull();
    expect(c.ratioToMedian).toBeNull();
    expect(c.figure).toBeNull();
    expect(c.headline).toBeNull();
    expect(c.flags).toContainEqual({ code: 'no-figure' });
    expect(c.median).toBe(10);
  });

  it('sorts the cohort: ranked by value, then the others by name', () => {
    const c = compare([xCity('zed', null), xCity('b', 1), xCity('abc', null), xCity('c', 5)], 'city-b');
    expect(c.cohort.map((m) => m.entity)).toEqual(['city-c', 'city-b', 'city-abc', 'city-zed']);
    expect(c.cohort.filter((m) => m.self).map((m) => m.entity)).toEqual(['city-b']);
  });

  it('carries the method version, the dataset edition and the platform', () => {
    const c = compare([xCity('a', 1)], 'city-a');
    expect(c).toMatchObject({
      methodVersion: '2',
      datasetEdition: { id: 'test-edition', date: '2026-06-01' },
      entity: 'city-a',
      group: 'city',
      platform: 'x',
      metric: 'followers',
    });
  });

  it('rejects an unknown entity and an unreadable date with a clear error', () => {
    expect(() => compare([xCity('a', 1)], 'city-nowhere')).toThrow(CompareError);
    const r = tryCompareAccount({ dataset: dataset([xCity('a', 1)]), entityId: 'city-a', platform: 'x', now: 'soon' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-now');
  });

  it('does not rank closed accounts, but shows their last figure', () => {
    const closed = ent('city-gone', { study: true, accounts: [acct('x', [fig(9999)], { status: 'closed' })] });
    const c = compare([xCity('a', 10), closed], 'city-a');
    expect(c.ranked).toBe(1);
    const gone = c.cohort.find((m) => m.entity === 'city-gone');
    expect(gone).toMatchObject({ standing: 'account-closed', value: null, setAside: { value: 9999 } });
    expect(c.flags).toContainEqual({ code: 'peers-closed', entities: ['city-gone'] });
    const self = compare([xCity('a', 10), closed], 'city-gone');
    expect(self.rank).toBeNull();
    expect(self.flags).toContainEqual({ code: 'account-closed', since: null });
  });

  it('flags an unused account but still ranks it', () => {
    const unused = ent('city-quiet', {
      study: true,
      accounts: [acct('x', [fig(5)], { status: 'unused', statusSince: '2024-01' })],
    });
    const c = compare([xCity('a', 10), unused], 'city-quiet');
    expect(c.rank).toBe(2);
    expect(c.flags).toContainEqual({ code: 'account-unused', since: '2024-01' });
  });

  it('uses the account on screen when the entity has several on the platform', () => {
    const two = ent('city-two', {
      study: true,
      accounts: [acct('x', [fig(50)], { key: 'small' }), acct('x', [fig(500)], { key: 'big' })],
    });
    expect(compare([two, xCity('b', 100)], 'city-two').figure?.value).toBe(500);
    expect(compare([two, xCity('b', 100)], 'city-two', { accountKey: 'small' }).figure?.value).toBe(50);
  });
});
