import { PLATFORM_IDS } from '../platforms/types';

/**
 * Canonical form of the dataset files: keys in schema order, 2-space JSON, trailing newline,
 * entities sorted by id, accounts by platform order then key, sources by id. One canonical form
 * means hand edits produce small, reviewable diffs (the darkreader approach: tests fail on drift).
 */

interface Shape {
  /** Key order; keys not listed follow, alphabetically. */
  keys?: readonly string[];
  /** Shape of each named child. */
  children?: Record<string, Shape>;
  /** Shape of array items. */
  items?: Shape;
  /** Shape of record values (objects keyed by id). */
  values?: Shape;
  /** Array sort. */
  sort?: (a: unknown, b: unknown) => number;
  /** Record keys sorted alphabetically. */
  sortKeys?: boolean;
}

const text: Shape = { keys: ['fr', 'en'] };

const figure: Shape = {
  keys: ['metric', 'value', 'date', 'onOrBefore', 'precision', 'source', 'edition', 'note'],
};

const platformRank = (p: unknown) => {
  const i = PLATFORM_IDS.indexOf(p as (typeof PLATFORM_IDS)[number]);
  return i < 0 ? PLATFORM_IDS.length : i;
};
const str = (x: unknown) => (typeof x === 'string' ? x : '');
const field = (o: unknown, k: string) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const account: Shape = {
  keys: ['platform', 'key', 'url', 'status', 'statusSince', 'statusNote', 'confidence', 'sources', 'figures', 'note'],
  children: { statusNote: text, figures: { items: figure } },
};

const sourced: Shape = { keys: ['url', 'software', 'since', 'confidence', 'sources'] };

const entity: Shape = {
  keys: [
    'id',
    'group',
    'name',
    'shortName',
    'code',
    'population',
    'cohort2012',
    'role',
    'validFrom',
    'validTo',
    'sources',
    'websites',
    'participation',
    'related',
    'accounts',
    'checkedAbsent',
  ],
  children: {
    name: text,
    shortName: text,
    role: text,
    code: { keys: ['scheme', 'value'] },
    population: { keys: ['value', 'vintage', 'source'] },
    websites: { items: sourced },
    participation: { items: sourced },
    related: { items: { keys: ['entity', 'relation'] } },
    accounts: {
      items: account,
      sort: (a, b) =>
        platformRank(field(a, 'platform')) - platformRank(field(b, 'platform')) ||
        byString(str(field(a, 'key')), str(field(b, 'key'))),
    },
    checkedAbsent: {
      items: { keys: ['platform', 'date', 'url', 'source'] },
      sort: (a, b) => platformRank(field(a, 'platform')) - platformRank(field(b, 'platform')),
    },
  },
};

export const ENTITIES_SHAPE: Shape = {
  items: entity,
  sort: (a, b) => byString(str(field(a, 'id')), str(field(b, 'id'))),
};
export const SOURCES_SHAPE: Shape = { sortKeys: true, values: { keys: ['title', 'url', 'date', 'kind'] } };
export const EDITION_SHAPE: Shape = { keys: ['id', 'date', 'ministersAsOf', 'ministersSource'] };
export const STUDY_SHAPE: Shape = {
  keys: ['id', 'title', 'date', 'source', 'groups', 'findings', 'figures2012'],
  children: {
    title: text,
    findings: { items: { keys: ['groups', 'text'], children: { text } } },
    figures2012: {
      items: {
        keys: ['entity', 'platform', 'metric', 'value', 'date', 'onOrBefore', 'precision', 'source', 'note'],
      },
    },
  },
};
export const DATASET_SHAPE: Shape = {
  keys: ['edition', 'sources', 'study', 'entities'],
  children: { edition: EDITION_SHAPE, sources: SOURCES_SHAPE, study: STUDY_SHAPE, entities: ENTITIES_SHAPE },
};

function canonical(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, shape?.items));
    return shape?.sort ? [...items].sort(shape.sort) : items;
  }
  if (!value || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const order = shape?.keys ?? [];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (shape?.sortKeys ? byString(a, b) : rank(a) - rank(b) || byString(a, b)));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = canonical(obj[k], shape?.values ?? shape?.children?.[k]);
  return out;
}

/** Which shape a data file has, from its name. */
export function shapeForFile(name: string): Shape {
  const base = name.replace(/^.*\//, '').replace(/\.json$/, '');
  if (base === 'sources') return SOURCES_SHAPE;
  if (base === 'edition') return EDITION_SHAPE;
  if (base === 'study') return STUDY_SHAPE;
  if (base === 'dataset') return DATASET_SHAPE;
  return ENTITIES_SHAPE;
}

/** The canonical text of a data file (or of a whole dataset, with the default shape). */
export function formatDataFile(obj: unknown, shape: Shape = DATASET_SHAPE): string {
  return `${JSON.stringify(canonical(obj, shape), null, 2)}\n`;
}

/** First line where two texts differ, 1-based, for test messages; undefined when equal. */
export function firstDifference(
  actual: string,
  expected: string,
): { line: number; actual: string; expected: string } | undefined {
  if (actual === expected) return undefined;
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return { line: i + 1, actual: a[i] ?? '(end of file)', expected: e[i] ?? '(end of file)' };
  }
  return undefined;
}
