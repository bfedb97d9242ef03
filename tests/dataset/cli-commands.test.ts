import { describe, expect, it } from 'vitest';
import { datasetCheck, datasetCoverage, datasetExport, datasetShow, figureAge } from '@/lib/cli/dataset-commands';
import { BUNDLED } from '@/lib/dataset/bundled';

describe('datasetCheck', () => {
  it('summarises a valid dataset', () => {
    const r = datasetCheck(JSON.stringify(BUNDLED));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^OK: ${BUNDLED.entities.length} entities, \\d+ accounts, \\d+ figures\n$`));
  });

  it('lists every problem with its path', () => {
    const broken = JSON.parse(JSON.stringify(BUNDLED));
    broken.entities[0].accounts[0].sources = ['nope'];
    broken.edition.date = '2026-02-30';
    const r = datasetCheck(broken);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('edition.date: "2026-02-30" is not a calendar date');
    expect(r.stdout).toMatch(/entities\[0\] \(city-\d+\)\.accounts\[0\] \(\w+:[^)]+\)\.sources: unknown source "nope"/);
    expect(r.stdout).toContain('2 problem(s)');
  });

  it('says when the text is not JSON', () => {
    const r = datasetCheck('{oops');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^Not JSON: /);
  });
});

describe('datasetExport', () => {
  it('prints one canonical document that datasetCheck accepts', () => {
    const out = datasetExport(BUNDLED).stdout;
    expect(datasetCheck(out).exitCode).toBe(0);
    expect(out.startsWith('{\n  "edition": {')).toBe(true);
    expect(JSON.parse(out).entities).toHaveLength(BUNDLED.entities.length);
  });
});

describe('datasetShow', () => {
  it('shows an entity with its accounts, statuses, figures and sources', () => {
    const r = datasetShow(BUNDLED, 'city-75056');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Paris  [city-75056, city]');
    expect(r.stdout).toContain('population: 2,103,778 (2023');
    expect(r.stdout).toContain('x:paris  https://x.com/Paris');
    expect(r.stdout).toContain('status: unused since 2025-01-20');
    expect(r.stdout).toContain('≈2,200,000 followers, 2025-01-16');
    expect(r.stdout).toContain('afp-paris-x: ');
  });

  it('shows the 2012 study figure on Lille', () => {
    expect(datasetShow(BUNDLED, 'city-59350').stdout).toContain(
      '2012 study: facebook ≈75,000 page-likes, on or before 2012-07',
    );
  });

  it('prints the record as JSON', () => {
    const r = datasetShow(BUNDLED, 'region-11', 'json');
    expect(JSON.parse(r.stdout).population.value).toBe(12_463_067);
  });

  it('suggests ids when the entity is unknown', () => {
    const r = datasetShow(BUNDLED, 'lille');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Did you mean: city-59350 (Lille)');
  });
});

describe('datasetCoverage', () => {
  it('prints a table per group with confidence split and figure ages', () => {
    const r = datasetCoverage(BUNDLED);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('city (42 entities)');
    const ministers = BUNDLED.entities.filter((e) => e.group === 'minister').length;
    expect(r.stdout).toContain(`minister (${ministers} entities)`);
    expect(r.stdout).toMatch(/\n {2}x +\d+ {2}\d+\/\d+\/\d+/);
  });

  it.each([
    ['2026-06-01', '≤1y'],
    ['2025-01-16', '1–3y'],
    ['2015-11', 'older'],
    [undefined, 'undated'],
  ] as const)('ages a figure dated %s as %s', (date, age) => expect(figureAge({ date }, '2026-11-28')).toBe(age));
});
