import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';
import { GROUPS } from '@/lib/dataset/schema';
import comparisonSchema from '@/lib/export/comparison.schema.json';
import groupSchema from '@/lib/export/group.schema.json';
import {
  COMPARISON_SCHEMA_ID,
  comparisonDocument,
  comparisonToJson,
  GROUP_SCHEMA_ID,
  groupDocument,
  groupToJson,
} from '@/lib/export/json';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { obs } from '../compare/fixtures';
import { citiesDataset, compareLille, EXPORTED_AT, NOW } from './fixtures';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateComparison = ajv.compile(comparisonSchema);
const validateGroup = ajv.compile(groupSchema);

const errors = (validate: typeof validateComparison) =>
  (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('\n');

describe('comparison JSON', () => {
  it('is a versioned document with provenance and only the sources it uses', () => {
    const d = citiesDataset();
    d.sources.unused = { title: 'Not cited', kind: 'press' };
    const comparison = compareLille(d);
    const text = comparisonToJson(comparison, d, { exportedAt: EXPORTED_AT });
    expect(text.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({
      $schema: COMPARISON_SCHEMA_ID,
      schemaVersion: 2,
      exportedAt: EXPORTED_AT,
      datasetEdition: { id: 'test-edition', date: '2026-06-01' },
      methodVersion: comparison.methodVersion,
    });
    expect(doc.comparison).toEqual(comparison);
    expect(Object.keys(doc.sources)).toEqual(['press-lille', 'test-population', 'test-source']);
    const lille = doc.comparison.cohort.find((m: { entity: string }) => m.entity === 'city-lille');
    expect(lille).toMatchObject({ origin: 'dataset', date: '2026-06-01', source: 'press-lille', precision: 'exact' });
    expect(validateComparison(doc), errors(validateComparison)).toBe(true);
  });

  it('validates with page readings and earlier observations', () => {
    const d = citiesDataset();
    const comparison = compareLille(d, {
      live: {
        value: 6000,
        metric: 'followers',
        precision: 'rounded',
        readAt: '2026-06-15T08:00:00Z',
        url: 'https://x.com/lille',
      },
      observations: [obs('city-rennes', 3000, '2026-06-12T10:00:00Z', { key: 'rennes' })],
    });
    expect(comparison.figure?.origin).toBe('page');
    expect(comparison.cohort.find((m) => m.entity === 'city-rennes')?.origin).toBe('observed');
    const doc = comparisonDocument(comparison, d, { exportedAt: EXPORTED_AT });
    expect(validateComparison(doc), errors(validateComparison)).toBe(true);
  });

  it('validates for every bundled entity on every platform, both cohorts', () => {
    let checked = 0;
    for (const entity of BUNDLED.entities) {
      for (const platform of PLATFORM_IDS) {
        for (const cohort of ['study', 'all'] as const) {
          const comparison = compareAccount({ dataset: BUNDLED, entityId: entity.id, platform, cohort, now: NOW });
          const doc = comparisonDocument(comparison, BUNDLED, { exportedAt: EXPORTED_AT });
          if (!validateComparison(doc))
            throw new Error(`${entity.id} ${platform} ${cohort}:\n${errors(validateComparison)}`);
          for (const id of Object.keys(doc.sources)) expect(BUNDLED.sources[id]).toBeDefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // ~2,600 comparisons: several seconds on a loaded machine (not a timing assertion).
  }, 30_000);

  it.each([
    ['a missing exportedAt', (doc: Record<string, unknown>) => delete doc.exportedAt, 'exportedAt'],
    ['another schema version', (doc: Record<string, unknown>) => (doc.schemaVersion = 1), 'schemaVersion'],
    [
      'a presence state outside the three',
      (doc: { comparison: { presence: { platforms: Record<string, unknown>[] } } }) => {
        (doc.comparison.presence.platforms[0] as Record<string, unknown>).state = 'maybe';
      },
      'state',
    ],
    ['an unknown field', (doc: Record<string, unknown>) => (doc.extra = true), 'additional'],
    [
      'a value without its origin',
      (doc: { comparison: { cohort: Record<string, unknown>[] } }) => delete doc.comparison.cohort[0]?.origin,
      'origin',
    ],
    [
      'a text where a number belongs',
      (doc: { comparison: { cohort: Record<string, unknown>[] } }) => {
        (doc.comparison.cohort[0] as Record<string, unknown>).value = '9000';
      },
      'number',
    ],
    [
      'an unknown flag',
      (doc: { comparison: { flags: unknown[] } }) => doc.comparison.flags.push({ code: 'made-up' }),
      'flags',
    ],
    [
      'a malformed date',
      (doc: { comparison: { cohort: Record<string, unknown>[] } }) => {
        (doc.comparison.cohort[0] as Record<string, unknown>).date = '16/01/2025';
      },
      'pattern',
    ],
  ])('rejects a document with %s', (_, breakIt, expected) => {
    const d = citiesDataset();
    const doc = JSON.parse(comparisonToJson(compareLille(d), d, { exportedAt: EXPORTED_AT }));
    expect(validateComparison(doc)).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the document on purpose.
    breakIt(doc as any);
    expect(validateComparison(doc)).toBe(false);
    expect(JSON.stringify(validateComparison.errors)).toContain(expected);
  });
});

describe('group JSON', () => {
  it('carries each entity’s checked-absent facts with their sources', () => {
    const d = citiesDataset();
    d.sources['site-read'] = { title: 'Homepage read by civiscope discover', date: '2026-05-01', kind: 'official' };
    const brest = d.entities.find((e) => e.id === 'city-brest');
    if (!brest) throw new Error('fixture changed');
    brest.checkedAbsent = [
      { platform: 'tiktok', date: '2026-05-01', url: 'https://www.brest.fr/', source: 'site-read' },
    ];
    const doc = groupDocument(d, 'city', { exportedAt: EXPORTED_AT });
    expect(doc.entities.find((e) => e.id === 'city-brest')?.checkedAbsent).toEqual([
      { platform: 'tiktok', date: '2026-05-01', url: 'https://www.brest.fr/', source: 'site-read' },
    ]);
    expect(doc.entities.find((e) => e.id === 'city-lille')?.checkedAbsent).toEqual([]);
    expect(Object.keys(doc.sources)).toContain('site-read');
    expect(validateGroup(JSON.parse(JSON.stringify(doc))), errors(validateGroup)).toBe(true);
  });

  it.each(GROUPS)('validates for the bundled %s group', (group) => {
    const doc = JSON.parse(groupToJson(BUNDLED, group, { exportedAt: EXPORTED_AT }));
    expect(doc.$schema).toBe(GROUP_SCHEMA_ID);
    expect(validateGroup(doc), errors(validateGroup)).toBe(true);
    expect(doc.entities.map((e: { id: string }) => e.id)).toEqual(
      BUNDLED.entities.filter((e) => e.group === group).map((e) => e.id),
    );
  });

  it('gives each account its newest current figure, with provenance', () => {
    const d = citiesDataset();
    const doc = groupDocument(d, 'city', { exportedAt: EXPORTED_AT });
    const nantes = doc.entities.find((e) => e.id === 'city-nantes');
    expect(nantes?.accounts[0]?.latestFigure).toEqual({
      value: 9000,
      metric: 'followers',
      date: '2026-05',
      onOrBefore: false,
      precision: 'rounded',
      source: 'test-source',
      perThousand: 30,
    });
    expect(doc.entities.find((e) => e.id === 'city-brest')?.accounts).toEqual([]);
    expect(Object.keys(doc.sources)).toEqual(['press-lille', 'test-population', 'test-source']);
    const broken = structuredClone(doc) as unknown as { entities: { accounts: { latestFigure: unknown }[] }[] };
    (broken.entities[0]?.accounts[0] as { latestFigure: unknown }).latestFigure = { value: 1 };
    expect(validateGroup(broken)).toBe(false);
  });
});
