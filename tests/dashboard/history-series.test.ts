import { describe, expect, it } from 'vitest';
import { accountHistory, DAYS_PER_MONTH, growthPerMonth, type HistoryPoint } from '@/lib/dashboard/history-series';
import type { Observation } from '@/lib/history/observation';

const point = (date: string, value: number, over: Partial<HistoryPoint> = {}): HistoryPoint => ({
  date,
  at: null,
  day: Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date) / 86_400_000,
  value,
  metric: 'followers',
  precision: 'exact',
  onOrBefore: false,
  origin: 'dataset',
  source: null,
  url: null,
  ...over,
});

describe('growthPerMonth', () => {
  it.each([
    // [from, to, expected per month, approximate]
    [point('2026-01-01', 1000), point('2026-01-31', 2000), (1000 * DAYS_PER_MONTH) / 30, false],
    [point('2025-01-01', 10_000), point('2026-01-01', 22_000), (12_000 * DAYS_PER_MONTH) / 365, false],
    [point('2026-03-01', 5000), point('2026-03-15', 4300), (-700 * DAYS_PER_MONTH) / 14, false],
    [point('2016-03-03', 124_000, { precision: 'rounded' }), point('2026-09-01', 190_000), undefined, true],
    [point('2014-12', 60_153), point('2016-03-03', 124_000), undefined, true],
    [point('2024-06-01', 10, { onOrBefore: true }), point('2024-07-01', 20), undefined, true],
    [point('2024-06-01', 10, { precision: 'lower-bound' }), point('2024-07-01', 20), undefined, true],
  ])('%#: %o → %o', (from, to, perMonth, approximate) => {
    const [growth] = growthPerMonth([from, to]);
    expect(growth?.days).toBe(to.day - from.day);
    if (perMonth !== undefined) expect(growth?.perMonth).toBeCloseTo(perMonth, 6);
    else expect(growth?.perMonth).toBeCloseTo(((to.value - from.value) * DAYS_PER_MONTH) / (to.day - from.day), 6);
    expect(growth?.approximate).toBe(approximate);
  });

  it('gives no rate between two points of the same day', () => {
    const same = growthPerMonth([point('2026-01-01', 1), point('2026-01-01', 2, { origin: 'visit' })]);
    expect(same).toEqual([expect.objectContaining({ days: 0, perMonth: null })]);
  });

  it('never differences two metrics', () => {
    expect(growthPerMonth([point('2026-01-01', 1), point('2026-02-01', 2, { metric: 'page-likes' })])).toEqual([]);
  });

  it('gives one rate per consecutive pair', () => {
    const rates = growthPerMonth([point('2026-01-01', 100), point('2026-02-01', 200), point('2026-03-01', 250)]);
    expect(rates.map((g) => [g.from.value, g.to.value])).toEqual([
      [100, 200],
      [200, 250],
    ]);
  });
});

describe('accountHistory', () => {
  const account = {
    platform: 'x' as const,
    key: 'toulouse',
    figures: [
      { metric: 'followers' as const, value: 60_153, date: '2014-12', precision: 'exact' as const, source: 'a' },
      {
        metric: 'followers' as const,
        value: 6_500,
        date: '2012-07',
        precision: 'rounded' as const,
        source: 's',
        edition: '2012' as const,
      },
      { metric: 'followers' as const, value: 7, precision: 'exact' as const, source: 'undated' },
    ],
  };
  const obs = (at: string, value: number, origin?: 'visit' | 'refreshed', key = 'toulouse'): Observation => ({
    entityId: 'city-31555',
    platform: 'x',
    key,
    metric: 'followers',
    value,
    precision: 'exact',
    at,
    url: 'https://x.com/Toulouse',
    ...(origin ? { origin } : {}),
  });

  it('merges bundled figures and this browser’s readings, oldest first, with their origins', () => {
    const history = accountHistory({ id: 'city-31555' }, account, [
      obs('2026-10-15T09:00:00Z', 192_500, 'refreshed'),
      obs('2026-09-01T09:00:00Z', 190_000),
      obs('2026-09-02T09:00:00Z', 1, 'visit', 'someone_else'),
    ]);
    expect(history.points.map((p) => [p.date, p.value, p.origin])).toEqual([
      ['2012-07', 6_500, 'study-2012'],
      ['2014-12', 60_153, 'dataset'],
      ['2026-09-01', 190_000, 'visit'],
      ['2026-10-15', 192_500, 'refreshed'],
    ]);
    expect(history.undated).toBe(1);
    expect(history.metrics).toEqual(['followers']);
  });
});
