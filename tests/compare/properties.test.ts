import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { acct, dataset, ent, fig, NOW } from './fixtures';

describe('compareAccount: properties', () => {
  it('rank is within 1…ranked, percentile within [0, 100], median within [min, max]', () => {
    const member = fc.record({
      value: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
      pop: fc.option(fc.integer({ min: 1, max: 3_000_000 }), { nil: null }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 12 }), fc.nat(), (members, pick) => {
        const entities = members.map((m, i) =>
          ent(`city-c${i}`, {
            study: true,
            ...(m.pop ? { pop: m.pop } : {}),
            accounts: m.value === null ? [] : [acct('x', [fig(m.value, `2026-02-${String(m.day).padStart(2, '0')}`)])],
          }),
        );
        const self = entities[pick % entities.length]?.id as string;
        const c = compareAccount({ dataset: dataset(entities), entityId: self, platform: 'x', now: NOW });
        expect(c.groupSize).toBe(members.length);
        expect(c.ranked).toBe(members.filter((m) => m.value !== null).length);
        for (const m of c.cohort) if (m.rank !== null) expect(m.rank).toBeGreaterThanOrEqual(1);
        if (c.rank !== null) {
          expect(c.rank).toBeGreaterThanOrEqual(1);
          expect(c.rank).toBeLessThanOrEqual(c.ranked);
        }
        if (c.percentile !== null) {
          expect(c.percentile).toBeGreaterThanOrEqual(0);
          expect(c.percentile).toBeLessThanOrEqual(100);
        }
        if (c.median !== null) {
          expect(c.min).not.toBeNull();
          expect(c.median).toBeGreaterThanOrEqual(c.min?.value as number);
          expect(c.median).toBeLessThanOrEqual(c.max?.value as number);
        } else expect(c.ranked).toBe(0);
        const pi = c.perInhabitant;
        if (pi?.rank != null) expect(pi.rank).toBeLessThanOrEqual(pi.ranked);
        // JSON round trip: the comparison is plain data.
        expect(JSON.parse(JSON.stringify(c))).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('compares every entity of the bundled dataset on every platform without failing', () => {
    for (const entity of BUNDLED.entities) {
      for (const platform of PLATFORM_IDS) {
        for (const cohort of ['study', 'all'] as const) {
          const c = compareAccount({ dataset: BUNDLED, entityId: entity.id, platform, cohort, now: NOW });
          expect(c.entity).toBe(entity.id);
          expect(c.cohort.filter((m) => m.self)).toHaveLength(1);
        }
      }
    }
  });
});
