import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetCheck } from '@/lib/cli/dataset-commands';
import { BUNDLED } from '@/lib/dataset/bundled';
import { checkDataset } from '@/lib/dataset/check';
import { numRuns, printTally, SEED, TIMEOUT, tally } from './runs';

/**
 * The dataset checker under mutated valid datasets: whatever the mutation, it never throws and
 * returns problems with a path and a message; a mutation that surely breaks the format (a value
 * of another type, an unknown field, a duplicated entity, a bad date, a negative or fractional
 * figure) always yields at least one problem. The same through the CLI's loader on mutated text.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A small valid dataset: the twenty entities of the 2012 study's cohorts, one account each. */
function smallValidDataset(): Json {
  const entities = BUNDLED.entities
    .filter((e) => e.cohort2012)
    .map((e) => ({ ...e, related: undefined, accounts: e.accounts.slice(0, 1), websites: e.websites?.slice(0, 1) }));
  const d = JSON.parse(JSON.stringify({ ...BUNDLED, entities, study: undefined }));
  const text = JSON.stringify(d);
  d.sources = Object.fromEntries(Object.entries(d.sources).filter(([id]) => text.includes(`"${id}"`)));
  return d;
}
const BASE = smallValidDataset();
const BASE_PATHS = paths(BASE);

/** Every path to a value in the document (the root excluded). */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : v && typeof v === 'object'
      ? Object.entries(v)
      : [];
  for (const [k, x] of children) {
    out.push([...at, k]);
    paths(x, [...at, k], out);
  }
  return out;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
const OTHER_VALUES: Json[] = [null, 0, -1, 1.5, 'x', '', true, [], {}, [1], { a: 1 }];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('retype' as const), path: fc.nat(), value: fc.constantFrom(...OTHER_VALUES) }),
  fc.record({ op: fc.constant('delete' as const), path: fc.nat() }),
  fc.record({
    op: fc.constant('extra-field' as const),
    path: fc.nat(),
    name: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ op: fc.constant('string' as const), path: fc.nat(), value: fc.string({ maxLength: 30 }) }),
  fc.record({
    op: fc.constant('number' as const),
    path: fc.nat(),
    value: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, -1, 1e308, 0.5)),
  }),
  fc.record({ op: fc.constant('duplicate-entity' as const), index: fc.nat() }),
  fc.record({
    op: fc.constant('bad-date' as const),
    path: fc.nat(),
    value: fc.constantFrom('2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', 'yesterday'),
  }),
  fc.record({
    op: fc.constant('bad-figure' as const),
    index: fc.nat(),
    value: fc.constantFrom(-1, 1.5, Number.NaN, '12' as unknown as number),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
const ADDITIVE = new Set<Mutation['op']>(['extra-field', 'duplicate-entity', 'bad-date', 'bad-figure']);

function parentOf(
  doc: Json,
  path: (string | number)[],
): { parent: Record<string | number, Json>; key: string | number } {
  let node = doc as Record<string | number, Json> | undefined;
  for (const k of path.slice(0, -1)) {
    const next = node?.[k];
    node = next && typeof next === 'object' ? (next as Record<string | number, Json>) : undefined;
  }
  return { parent: node as Record<string | number, Json>, key: path[path.length - 1] as string | number };
}

/** Applies the mutation to `doc` in place; says whether it surely breaks the format. */
function apply(doc: { [k: string]: Json }, m: Mutation): { doc: Json; breaks: boolean } {
  // Paths of the base (computed once): those an earlier mutation removed are skipped.
  const pick = (n: number, filter: (p: (string | number)[], v: Json | undefined) => boolean = () => true) => {
    const candidates = BASE_PATHS.filter((p) => {
      const parent = parentOf(doc, p).parent;
      return (
        parent !== undefined && (p[p.length - 1] as string) in parent && filter(p, parent[p[p.length - 1] as string])
      );
    });
    return candidates[n % candidates.length];
  };
  const valueAt = (p: (string | number)[]) => parentOf(doc, p).parent[p[p.length - 1] as string | number];
  switch (m.op) {
    case 'retype': {
      const p = pick(m.path) ?? [];
      const { parent, key } = parentOf(doc, p);
      const changed = kindOf(parent[key]) !== kindOf(m.value);
      parent[key] = m.value;
      return { doc, breaks: changed };
    }
    case 'delete': {
      const p = pick(m.path) ?? [];
      const { parent, key } = parentOf(doc, p);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return { doc, breaks: false };
    }
    case 'extra-field': {
      const p = pick(m.path, (_p, v) => kindOf(v) === 'object');
      if (!p) return { doc, breaks: false };
      const target = valueAt(p) as { [k: string]: Json };
      const known = m.name in target;
      target[m.name] = 'unexpected';
      // Objects are strict: an unknown field is a problem (the study's free-form maps aside).
      return { doc, breaks: !known && !p.includes('sources') };
    }
    case 'string': {
      const p = pick(m.path, (_p, v) => typeof v === 'string') ?? [];
      const { parent, key } = parentOf(doc, p);
      parent[key] = m.value;
      return { doc, breaks: false };
    }
    case 'number': {
      const p = pick(m.path, (_p, v) => typeof v === 'number') ?? [];
      const { parent, key } = parentOf(doc, p);
      parent[key] = m.value;
      return { doc, breaks: !Number.isFinite(m.value) };
    }
    case 'duplicate-entity': {
      const entities = doc.entities;
      if (!Array.isArray(entities) || entities.length === 0) return { doc, breaks: false };
      entities.push(structuredClone(entities[m.index % entities.length] as Json));
      return { doc, breaks: true };
    }
    case 'bad-date': {
      const p = pick(m.path, (q, v) => typeof v === 'string' && /date|since|asof/i.test(String(q[q.length - 1])));
      if (!p) return { doc, breaks: false };
      const { parent, key } = parentOf(doc, p);
      parent[key] = m.value;
      return { doc, breaks: true };
    }
    case 'bad-figure': {
      const p = pick(m.index, (q, v) => q[q.length - 2] === 'figures' && kindOf(v) === 'object');
      if (!p) return { doc, breaks: false };
      (valueAt(p) as { value: Json }).value = m.value;
      return { doc, breaks: true };
    }
  }
}

describe('dataset checker (fuzz)', () => {
  afterAll(() => printTally('dataset-check'));

  it('the base is valid', () => {
    expect(checkDataset(BASE)).toEqual([]);
  });

  it(
    'mutated valid datasets: never throws, every problem has a path and a message, breaking mutations are caught',
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
          // Mutations compose on one copy of the base.
          const doc = structuredClone(BASE) as { [k: string]: Json };
          let breaks = false;
          // A later replacement or deletion may undo an earlier break; additions never do.
          for (const m of ms) breaks = apply(doc, m).breaks || (breaks && ADDITIVE.has(m.op));
          const problems = checkDataset(doc);
          tally('dataset checker');
          expect(Array.isArray(problems)).toBe(true);
          for (const p of problems) {
            expect(typeof p.path === 'string' && typeof p.message === 'string' && p.message.length > 0).toBe(true);
          }
          if (breaks) expect(problems.length, JSON.stringify(ms)).toBeGreaterThan(0);
        }),
        { numRuns: numRuns(200), seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'mutated dataset text through the CLI loader: never throws, exit code 0 only when there is no problem',
    () => {
      const text = JSON.stringify(BASE);
      fc.assert(
        fc.property(fc.nat(), fc.string({ maxLength: 4 }), fc.nat({ max: 6 }), (at, insert, remove) => {
          const i = at % (text.length + 1);
          const mutated = text.slice(0, i) + insert + text.slice(i + remove);
          const result = datasetCheck(mutated);
          tally('dataset checker');
          expect([0, 1]).toContain(result.exitCode);
          expect(result.stdout.length).toBeGreaterThan(0);
        }),
        { numRuns: numRuns(200), seed: SEED },
      );
    },
    TIMEOUT,
  );
});
