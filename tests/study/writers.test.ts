import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/civiscope';
import { datasetExport } from '@/lib/cli/dataset-commands';
import type { Dataset } from '@/lib/dataset';
import { BUNDLED } from '@/lib/dataset/bundled';
import { STUDY_SCHEMA_ID, studyDocument, studyToday, studyToJson, studyToMarkdown, studyToText } from '@/lib/study';
import { tinyDataset } from '../helpers/tiny-dataset';
import { studyDataset } from './fixtures';

const NOW = '2026-12-01T08:00:00Z';

function withoutAbsences(d: Dataset): Dataset {
  // checkedAbsent is not in the schema yet (the discovery part adds it): files on disk leave it out.
  return {
    ...d,
    entities: d.entities.map(
      ({ checkedAbsent: _, ...e }: Dataset['entities'][number] & { checkedAbsent?: unknown }) => e,
    ),
  };
}

describe('study writers', () => {
  const d = studyDataset();
  const report = studyToday(d, [], NOW);

  it.each([
    [
      'fr',
      [
        'L’étude de 2012, aujourd’hui',
        'En 2012 :',
        'Aujourd’hui :',
        'inconnu',
        'Pas encore mesuré',
        'Lille : 200 000 abonnés',
        'rapport × 11,5',
        'Au moins 1 sur 3 : Lille',
      ],
    ],
    [
      'en',
      [
        'The 2012 study, today',
        'In 2012:',
        'Today:',
        'unknown',
        'Not measured yet',
        'Lille: 200,000 followers',
        'ratio × 11.5',
        'At least 1 of 3: Lille',
      ],
    ],
  ] as const)('text (%s) says then, now, unknown and not measured', (lang, expected) => {
    // French numbers use narrow no-break spaces: compare with plain ones.
    const text = studyToText(report, d, lang).replace(/[\u202f\u00a0]/g, ' ');
    for (const piece of expected) expect(text).toContain(piece);
    expect(text).toContain(
      lang === 'fr'
        ? 'méthode v2, mesures de l’étude v1, jeu de données study-test'
        : 'method v2, study measures v1, dataset study-test',
    );
    expect(text).toContain('src-b: Source B (2025-06)');
  });

  it('says "at least" only while a city of the ten has none listed', () => {
    const all = studyDataset();
    for (const c of all.entities.filter((e) => e.cohort2012))
      c.participation ??= [{ url: 'https://example.org/p', confidence: 'confirmed', sources: ['src-a'] }];
    const text = studyToText(studyToday(all, [], NOW), all, 'en');
    expect(text).toContain('Today: 3 of 3: Lille, Paris, Toulouse.');
    expect(text).not.toContain('At least');
  });

  it('Markdown: one row per finding, every dataset text escaped, sources as links', () => {
    const hostile = studyDataset();
    hostile.sources['src-b'] = {
      title: 'A | B <script>alert(1)</script> [x](javascript:y)',
      url: 'javascript:alert(1)',
      kind: 'press',
    };
    const md = studyToMarkdown(studyToday(hostile, [], NOW), hostile, 'en');
    const rows = md.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows).toHaveLength(6);
    // Every table row has exactly the five cells: no pipe from the data split a cell.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('A \\| B \\<script\\>');
    const normal = studyToMarkdown(report, d, 'fr');
    expect(normal).toContain('[Source B](https://example.org/b) (2025-06)');
    expect(normal).toMatch(/^# L’étude de 2012, aujourd’hui\n/);
  });

  it('JSON: versioned document with edition, method, export time and only the sources it cites', () => {
    const doc = JSON.parse(studyToJson(report, d, { exportedAt: '2026-12-01T09:00:00.000Z' }));
    expect(doc).toMatchObject({
      $schema: STUDY_SCHEMA_ID,
      schemaVersion: 1,
      exportedAt: '2026-12-01T09:00:00.000Z',
      datasetEdition: { id: 'study-test', date: '2026-11-28' },
      methodVersion: '2',
      studyMeasuresVersion: '1',
    });
    expect(doc.entries).toHaveLength(6);
    expect(Object.keys(doc.sources).sort()).toEqual(['src-a', 'src-b', 'src-undated', 'study-2012']);
    expect(doc.sources).not.toHaveProperty('src-pop');
    expect(studyDocument(report, d, { exportedAt: 'x' }).entries).toBe(report.entries);
  });
});

describe('civiscope study', () => {
  const file = () => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-study-')), 'dataset.json');
    writeFileSync(f, datasetExport(withoutAbsences(studyDataset())).stdout);
    return f;
  };

  it.each([
    ['fr', 'L’étude de 2012, aujourd’hui'],
    ['en', 'The 2012 study, today'],
  ] as const)('prints the text table from the bundled dataset (%s)', (lang, title) => {
    const result = run(['study', '--lang', lang], NOW);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith(title)).toBe(true);
    expect(result.stdout).toContain(
      `jeu de données ${BUNDLED.edition.id}`.replace('jeu de données', lang === 'fr' ? 'jeu de données' : 'dataset'),
    );
  });

  it.each([['fr'], ['en']] as const)('--format md (%s)', (lang) => {
    const result = run(['study', '--format', 'md', '--lang', lang], NOW);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(studyToMarkdown(studyToday(BUNDLED, [], NOW), BUNDLED, lang));
  });

  it('--format json: one entry per finding with {id, groups, then, now, dates, sources}', () => {
    const result = run(['study', '--format', 'json'], NOW);
    const doc = JSON.parse(result.stdout);
    expect(doc.exportedAt).toBe(NOW);
    expect(doc.entries.map((e: { id: string }) => e.id)).toEqual([
      'platforms',
      'video',
      'blogs',
      'gap',
      'participation',
      'push',
    ]);
    const gap = doc.entries.find((e: { id: string }) => e.id === 'gap');
    expect(gap.then.high.value).toBe(75000);
    expect(gap.then.low.value).toBe(6500);
  });

  it('--dataset reads an exported dataset file', () => {
    const result = run(['study', '--lang', 'en', '--dataset', file()], NOW);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Lille: 200,000 followers');
    expect(result.stdout).toContain('dataset study-test (2026-11-28)');
  });

  it('--dataset with a dataset lacking the cities says unknown', () => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-study-')), 'tiny.json');
    writeFileSync(f, datasetExport(tinyDataset()).stdout);
    const result = run(['study', '--dataset', f], NOW);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Lille : inconnu (absente du jeu de données)');
  });

  it.each([
    [['study', '--format', 'csv'], /--format must be text, md or json/],
    [['study', '--lang', 'de'], /--lang must be fr or en/],
    [['study', 'extra'], /unexpected argument "extra"/],
  ])('refuses %j', (argv, message) => {
    const result = run(argv, NOW);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('is listed in the help', () => {
    expect(run(['help']).stdout).toContain('study [--format text|md|json] [--lang fr|en]');
  });
});
