import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import type { CompareInput } from '@/lib/compare/types';
import { acct, dataset, ent, fig, NOW, obs, xCity } from './fixtures';

const run = (entities: Parameters<typeof dataset>[0], entityId: string, extra: Partial<CompareInput> = {}) =>
  compareAccount({ dataset: dataset(entities), entityId, platform: 'x', now: NOW, ...extra });

const codes = (c: ReturnType<typeof run>) => c.flags.map((f) => f.code);

describe('compareAccount: which figure is current', () => {
  const lyon = () => xCity('lyon', 1000, { date: '2026-01-10' });

  it('uses the live reading of the page on screen instead of the bundled figure', () => {
    const c = run([lyon(), xCity('b', 1500)], 'city-lyon', {
      live: {
        value: 2000,
        metric: 'followers',
        precision: 'rounded',
        readAt: '2026-06-14T09:30:00Z',
        url: 'https://x.com/lyon',
      },
    });
    expect(c.figure).toEqual({
      value: 2000,
      metric: 'followers',
      origin: 'page',
      date: '2026-06-14',
      at: '2026-06-14T09:30:00Z',
      onOrBefore: false,
      precision: 'rounded',
      source: null,
      url: 'https://x.com/lyon',
    });
    expect(c.rank).toBe(1);
    expect(c.flags).toContainEqual({ code: 'rounded', entities: ['city-lyon'] });
  });

  it('prefers an observation newer than the dataset figure, not an older one', () => {
    const newer = run([lyon()], 'city-lyon', { observations: [obs('city-lyon', 1200, '2026-03-01T10:00:00Z')] });
    expect(newer.figure).toMatchObject({ value: 1200, origin: 'observed', date: '2026-03-01', source: null });
    const older = run([lyon()], 'city-lyon', { observations: [obs('city-lyon', 900, '2025-12-01T10:00:00Z')] });
    expect(older.figure).toMatchObject({ value: 1000, origin: 'dataset', date: '2026-01-10', source: 'test-source' });
  });

  it('uses observations of peers too, and ignores those of other accounts or unusable ones', () => {
    const c = run([lyon(), xCity('b', 10)], 'city-lyon', {
      observations: [
        obs('city-b', 5000, '2026-06-01T00:00:00Z'),
        obs('city-b', 7777, '2026-06-02T00:00:00Z', { key: 'another-account' }),
        obs('city-b', 8888, '2026-06-03T00:00:00Z', { platform: 'facebook' }),
        obs('city-b', Number.NaN, '2026-06-04T00:00:00Z'),
        obs('city-b', 9999, 'yesterday'),
      ],
    });
    expect(c.cohort.find((m) => m.entity === 'city-b')).toMatchObject({ value: 5000, origin: 'observed' });
    expect(c.rank).toBe(2);
  });

  it('survives garbage in stored observations', () => {
    const garbage = [null, 'text', 42, { entityId: 'city-lyon' }, obs('city-lyon', 1300, '2026-05-01T00:00:00Z')];
    const c = run([lyon()], 'city-lyon', { observations: garbage as unknown as CompareInput['observations'] });
    expect(c.figure).toMatchObject({ value: 1300, origin: 'observed' });
    const notArray = run([lyon()], 'city-lyon', { observations: {} as unknown as CompareInput['observations'] });
    expect(notArray.figure?.value).toBe(1000);
  });

  it('never uses a 2012-edition figure as the current one', () => {
    const lille = ent('city-lille', {
      study: true,
      accounts: [acct('x', [fig(75000, '2012-07', { edition: '2012', onOrBefore: true, precision: 'rounded' })])],
    });
    const c = run([lille, xCity('b', 10)], 'city-lille');
    expect(c.figure).toBeNull();
    expect(c.cohort.find((m) => m.self)?.standing).toBe('no-figure');
    expect(c.study2012.figure).toMatchObject({ value: 75000, date: '2012-07', onOrBefore: true });
    const withNew = ent('city-lille', {
      study: true,
      accounts: [acct('x', [fig(75000, '2012-07', { edition: '2012' }), fig(120, '2020-01-01')])],
    });
    expect(run([withNew], 'city-lille').figure?.value).toBe(120);
  });

  it('ignores an unusable live reading and says so', () => {
    const c = run([lyon()], 'city-lyon', {
      live: { value: -3, metric: 'followers', precision: 'exact', readAt: '2026-06-14T09:30:00Z' },
    });
    expect(c.figure?.origin).toBe('dataset');
    expect(c.flags).toContainEqual({ code: 'live-ignored', reason: 'bad-value' });
    const badDate = run([lyon()], 'city-lyon', {
      live: { value: 3, metric: 'followers', precision: 'exact', readAt: 'now-ish' },
    });
    expect(badDate.flags).toContainEqual({ code: 'live-ignored', reason: 'bad-date' });
  });

  it('on the same day, prefers an exact figure and a dated one over an on-or-before one', () => {
    const e = ent('city-e', {
      study: true,
      accounts: [
        acct('x', [
          fig(1, '2026-05-01', { precision: 'rounded' }),
          fig(2, '2026-05-01', { onOrBefore: true }),
          fig(3, '2026-05-01'),
        ]),
      ],
    });
    expect(run([e], 'city-e').figure?.value).toBe(3);
  });

  it('uses an undated figure only when nothing dated exists, and flags it', () => {
    const undatedOnly = ent('city-u', { study: true, accounts: [acct('x', [fig(70, null)])] });
    const c = run([undatedOnly, xCity('b', 10)], 'city-u');
    expect(c.figure).toMatchObject({ value: 70, date: null });
    expect(c.flags).toContainEqual({ code: 'undated', entities: ['city-u'] });
    const both = ent('city-u', { study: true, accounts: [acct('x', [fig(70, null), fig(60, '2010')])] });
    expect(run([both], 'city-u').figure?.value).toBe(60);
  });
});

describe('compareAccount: honesty flags', () => {
  it('flags figures more than a year old, counting a partial date as its first day', () => {
    const c = run(
      [
        xCity('fresh', 10, { date: '2026-06-01' }),
        xCity('edge', 20, { date: '2025-06-15' }), // exactly one year: not stale
        xCity('old', 30, { date: '2025-06-14' }),
        xCity('month', 40, { date: '2025-06' }), // 1 June 2025
      ],
      'city-fresh',
    );
    expect(c.flags).toContainEqual({ code: 'stale', entities: ['city-month', 'city-old'], oldest: '2025-06' });
  });

  it('reports the span of dates and flags it beyond 30 days', () => {
    const close = run([xCity('a', 10, { date: '2026-05-01' }), xCity('b', 20, { date: '2026-05-31' })], 'city-a');
    expect(close.dates).toEqual({ oldest: '2026-05-01', newest: '2026-05-31', spanDays: 30 });
    expect(codes(close)).not.toContain('dates-differ');
    const apart = run([xCity('a', 10, { date: '2026-05-01' }), xCity('b', 20, { date: '2026-06-01' })], 'city-a');
    expect(apart.flags).toContainEqual({
      code: 'dates-differ',
      oldest: '2026-05-01',
      newest: '2026-06-01',
      spanDays: 31,
    });
  });

  it('flags rounded, lower-bound and on-or-before figures with their entities', () => {
    const e = (slug: string, extra: Parameters<typeof fig>[2]) =>
      ent(`city-${slug}`, { study: true, accounts: [acct('x', [fig(5, '2026-06-01', extra)])] });
    const c = run(
      [e('r', { precision: 'rounded' }), e('l', { precision: 'lower-bound' }), e('o', { onOrBefore: true })],
      'city-r',
    );
    expect(c.flags).toContainEqual({ code: 'rounded', entities: ['city-r'] });
    expect(c.flags).toContainEqual({ code: 'lower-bound', entities: ['city-l'] });
    expect(c.flags).toContainEqual({ code: 'on-or-before', entities: ['city-o'] });
  });

  it('raises no figure flag on clean, same-day, complete data', () => {
    const c = run([xCity('a', 10), xCity('b', 20)], 'city-a');
    expect(c.flags).toEqual([]);
  });
});

describe('compareAccount: Facebook metrics are never mixed', () => {
  const fb = (slug: string, figures: ReturnType<typeof fig>[]) =>
    ent(`city-${slug}`, { study: true, accounts: [acct('facebook', figures, { key: slug })] });
  const likes = (v: number) => fig(v, '2026-06-01', { metric: 'page-likes' });
  const followers = (v: number) => fig(v, '2026-06-01');

  const runFb = (entities: Parameters<typeof dataset>[0], entityId: string, extra: Partial<CompareInput> = {}) =>
    compareAccount({ dataset: dataset(entities), entityId, platform: 'facebook', now: NOW, ...extra });

  it('ranks on followers and sets aside peers with page likes only', () => {
    const c = runFb([fb('a', [followers(100)]), fb('b', [followers(300)]), fb('c', [likes(9000)])], 'city-a');
    expect(c.metric).toBe('followers');
    expect(c.ranked).toBe(2);
    expect(c.rank).toBe(2);
    expect(c.cohort.find((m) => m.entity === 'city-c')).toMatchObject({
      standing: 'other-metric',
      value: null,
      setAside: { value: 9000, metric: 'page-likes' },
    });
    expect(c.flags).toContainEqual({ code: 'metric-mismatch', metric: 'followers', entities: ['city-c'] });
  });

  it('ranks on page likes when the account on screen only has page likes', () => {
    const c = runFb([fb('a', [likes(100)]), fb('b', [followers(300)]), fb('c', [likes(50)])], 'city-a');
    expect(c.metric).toBe('page-likes');
    expect(c.rank).toBe(1);
    expect(c.ranked).toBe(2);
    expect(c.flags).toContainEqual({ code: 'metric-mismatch', metric: 'page-likes', entities: ['city-b'] });
  });

  it('follows the metric of the live reading', () => {
    const c = runFb([fb('a', [followers(100)]), fb('b', [likes(300)])], 'city-a', {
      live: { value: 250, metric: 'page-likes', precision: 'exact', readAt: '2026-06-15T08:00:00Z' },
    });
    expect(c.metric).toBe('page-likes');
    expect(c.figure?.value).toBe(250);
    expect(c.rank).toBe(2);
  });

  it('when the account has both metrics, uses the one more peers share', () => {
    const c = runFb([fb('a', [followers(100), likes(120)]), fb('b', [likes(300)]), fb('c', [likes(30)])], 'city-a');
    expect(c.metric).toBe('page-likes');
    expect(c.figure?.value).toBe(120);
    expect(c.ranked).toBe(3);
  });
});
