import { describe, expect, it } from 'vitest';
import type { Observation } from '@/lib/history/observation';
import {
  addObservation,
  MAX_PER_ACCOUNT,
  observationsOf,
  pruneObservations,
  sanitizeObservations,
} from '@/lib/history/observations';

const obs = (over: Partial<Observation> = {}): Observation => ({
  entityId: 'city-75056',
  platform: 'x',
  key: 'paris',
  metric: 'followers',
  value: 100,
  precision: 'exact',
  at: '2026-11-28T10:00:00.000Z',
  url: 'https://x.com/Paris',
  ...over,
});

describe('addObservation', () => {
  it('keeps one entry per account, metric and day: the latest', () => {
    let list = addObservation([], obs({ value: 1, at: '2026-11-28T08:00:00.000Z' }));
    list = addObservation(list, obs({ value: 2, at: '2026-11-28T09:00:00.000Z' }));
    expect(list.map((o) => o.value)).toEqual([2]);
  });
  it('keeps different days, metrics and accounts apart', () => {
    let list = addObservation([], obs({ value: 1, at: '2026-11-27T08:00:00.000Z' }));
    list = addObservation(list, obs({ value: 2 }));
    list = addObservation(list, obs({ value: 3, metric: 'page-likes' }));
    list = addObservation(list, obs({ value: 4, key: 'lyon' }));
    expect(list).toHaveLength(4);
    expect(observationsOf(list, 'x', 'paris').map((o) => o.value)).toEqual([1, 2, 3]);
  });
  it(`bounds the history to ${MAX_PER_ACCOUNT} entries per account, dropping the oldest`, () => {
    let list: Observation[] = [addObservation([], obs({ key: 'lyon' }))[0] as Observation];
    const start = Date.UTC(2025, 0, 1);
    for (let day = 0; day < MAX_PER_ACCOUNT + 5; day++) {
      list = addObservation(list, obs({ value: day, at: new Date(start + day * 86_400_000).toISOString() }));
    }
    const paris = observationsOf(list, 'x', 'paris');
    expect(paris).toHaveLength(MAX_PER_ACCOUNT);
    expect(paris[0]?.value).toBe(5);
    expect(observationsOf(list, 'x', 'lyon')).toHaveLength(1);
  });
});

describe('sanitizeObservations', () => {
  it.each([
    ['nothing stored yet', undefined, 0, 0],
    ['not an array', { broken: true }, 0, 1],
    ['a string', 'garbage', 0, 1],
    ['one bad entry among good ones', [obs(), { value: 'x' }, obs({ key: 'lyon' })], 2, 1],
    ['negative value', [obs({ value: -1 })], 0, 1],
    ['unknown platform', [{ ...obs(), platform: 'myspace' }], 0, 1],
    ['bad timestamp', [obs({ at: 'yesterday' })], 0, 1],
    ['null entry', [null, obs()], 1, 1],
    ['visit origin', [obs({ origin: 'visit' })], 1, 0],
    ['refreshed with its job id', [obs({ origin: 'refreshed', jobId: 'mi3k2-a1b2c3' })], 1, 0],
    ['refreshed without a job id', [obs({ origin: 'refreshed' })], 1, 0],
    ['unknown origin', [{ ...obs(), origin: 'imported' }], 0, 1],
    ['job id on a visit', [obs({ origin: 'visit', jobId: 'mi3k2' })], 0, 1],
    ['job id that is not an id', [obs({ origin: 'refreshed', jobId: '<script>' })], 0, 1],
    ['job id of another type', [{ ...obs({ origin: 'refreshed' }), jobId: 7 }], 0, 1],
  ])('%s', (_what, raw, kept, skipped) => {
    const result = sanitizeObservations(raw);
    expect(result.entries).toHaveLength(kept);
    expect(result.skipped).toBe(skipped);
  });
});

describe('sanitizeObservations, field by field', () => {
  it.each([
    ['entityId', 42],
    ['key', null],
    ['metric', 'likes'],
    ['value', 1.5],
    ['value', Number.NaN],
    ['precision', 'about'],
    ['at', '2026-13-45T99:00:00Z'],
    ['at', '2026-11-28'],
    ['url', undefined],
  ])('rejects %s = %s', (field, value) => {
    expect(sanitizeObservations([{ ...obs(), [field]: value }]).skipped).toBe(1);
  });
  it('accepts an offset timestamp', () => {
    expect(sanitizeObservations([obs({ at: '2026-11-28T10:00:00+01:00' })]).entries).toHaveLength(1);
  });
});

describe('the history limit set by the user', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString();
  it.each([1, 3, 10])('addObservation keeps the newest %d per account', (limit) => {
    let list: Observation[] = [obs({ key: 'lyon', at: day(1) })];
    for (let n = 1; n <= 12; n++) list = addObservation(list, obs({ value: n, at: day(n) }), limit);
    expect(observationsOf(list, 'x', 'paris').map((o) => o.value)).toEqual(
      Array.from({ length: limit }, (_, i) => 12 - limit + 1 + i),
    );
    expect(observationsOf(list, 'x', 'lyon')).toHaveLength(1);
  });
  it('pruneObservations applies a lowered limit to every account, newest kept, order kept', () => {
    const list = [
      obs({ value: 1, at: day(1) }),
      obs({ value: 9, key: 'lyon', at: day(1) }),
      obs({ value: 2, at: day(2) }),
      obs({ value: 3, at: day(3) }),
      obs({ value: 8, key: 'lyon', at: day(2) }),
    ];
    expect(pruneObservations(list, 2).map((o) => o.value)).toEqual([9, 2, 3, 8]);
    expect(pruneObservations(list, 1).map((o) => o.value)).toEqual([3, 8]);
    expect(pruneObservations(list, 400)).toEqual(list);
  });
});
