import { describe, expect, it } from 'vitest';
import { chartGeometry, niceCeiling } from '@/lib/dashboard/chart-geometry';

describe('chart geometry', () => {
  it.each([
    [0, 1],
    [1, 1],
    [7, 10],
    [124_000, 200_000],
    [195_010, 200_000],
    [220_000, 250_000],
    [2_200_000, 2_500_000],
    [4_900, 5_000],
  ])('niceCeiling(%d) = %d', (value, expected) => {
    expect(niceCeiling(value)).toBe(expected);
  });

  const box = { width: 200, height: 120, left: 0, right: 0, top: 0, bottom: 20 };

  it('places the oldest point left, the newest right, and zero at the bottom', () => {
    const g = chartGeometry(
      [
        { d: 0, v: 0 },
        { d: 100, v: 50 },
        { d: 200, v: 100 },
      ],
      (p) => p.d,
      (p) => p.v,
      box,
    );
    expect(g.placed.map((p) => [p.x, p.y])).toEqual([
      [0, 100],
      [100, 50],
      [200, 0],
    ]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });

  it('centres a single point and labels years between the ends', () => {
    expect(
      chartGeometry(
        [{ d: 10, v: 5 }],
        (p) => p.d,
        (p) => p.v,
        box,
      ).placed[0]?.x,
    ).toBe(100);
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    const g = chartGeometry(
      [{ d: day('2014-12-01') }, { d: day('2017-06-01') }],
      (p) => p.d,
      () => 1,
      box,
    );
    expect(g.xTicks.map((t) => new Date(t.day * 86_400_000).toISOString().slice(0, 4))).toEqual([
      '2015',
      '2016',
      '2017',
    ]);
  });
});
