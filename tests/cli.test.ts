import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { run } from '@/lib/cli/civiscope';
import { tinyDataset } from './helpers/tiny-dataset';

describe('parseArgs', () => {
  it.each([
    [['detect', 'a', 'b'], { positional: ['detect', 'a', 'b'], options: {} }],
    [
      ['compare', 'x', '--platform', 'x', '--value', '12'],
      { positional: ['compare', 'x'], options: { platform: 'x', value: '12' } },
    ],
    [['--format=json', 'show'], { positional: ['show'], options: { format: 'json' } }],
    [['show', '--help'], { positional: ['show'], options: { help: true } }],
    [['a', '--', '--not-an-option'], { positional: ['a', '--not-an-option'], options: {} }],
    [['--dataset'], { positional: [], options: { dataset: true } }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
});

function datasetFile(content: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-')), 'dataset.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('civiscope detect', () => {
  it('prints one JSON line per URL with the listed entity', () => {
    const file = datasetFile(tinyDataset());
    const result = run(['detect', 'https://x.com/Paris', 'https://x.com/explore', 'not a url', '--dataset', file]);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { url: 'https://x.com/Paris', platform: 'x', page: 'profile', key: 'paris', entity: 'city-75056' },
      { url: 'https://x.com/explore', platform: null, page: null, key: null, entity: null },
      { url: 'not a url', platform: null, page: null, key: null, entity: null },
    ]);
  });
  it('refuses an invalid dataset file and names the bad field', () => {
    const bad = tinyDataset() as unknown as { entities: { accounts: { platform: string }[] }[] };
    (bad.entities[0]?.accounts[0] as { platform: string }).platform = 'myspace';
    const result = run(['detect', 'https://x.com/Paris', '--dataset', datasetFile(bad)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('entities[0] (city-75056).accounts[0] (myspace:paris).platform');
  });
  it('refuses a file that is not JSON', () => {
    const result = run(['detect', 'https://x.com/Paris', '--dataset', datasetFile('{nope')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/cannot read dataset/);
  });
  it('prints usage for an unknown command', () => {
    const result = run(['frobnicate']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('usage');
  });
});

describe('civiscope compare', () => {
  const file = () => datasetFile(tinyDataset());
  const NOW = '2026-11-28T12:00:00.000Z';
  it('prints the comparison object with --format json', () => {
    const result = run(['compare', 'https://x.com/Paris', '--format', 'json', '--dataset', file()], NOW);
    expect(result.exitCode).toBe(0);
    const c = JSON.parse(result.stdout);
    expect(c).toMatchObject({
      entity: 'city-75056',
      group: 'city',
      platform: 'x',
      rank: 1,
      ranked: 1,
      median: 2200000,
    });
    expect(c.cohort[0]).toMatchObject({ entity: 'city-75056', value: 2200000, date: '2025-01-16', origin: 'dataset' });
    expect(c.perInhabitant.value).toBeCloseTo((2200000 / 2103778) * 1000, 6);
    expect(c.presence.platforms).toHaveLength(11);
  });
  it('an official website stands for its institution', () => {
    const result = run(['compare', 'https://www.paris.fr/', '--format', 'json', '--dataset', file()], NOW);
    expect(JSON.parse(result.stdout).entity).toBe('city-75056');
  });
  it('--value stands for the figure on screen', () => {
    const result = run(
      ['compare', 'city-75056', '--platform', 'x', '--value', '2500000', '--format', 'json', '--dataset', file()],
      NOW,
    );
    const c = JSON.parse(result.stdout);
    expect(c.cohort[0]).toMatchObject({ value: 2500000, origin: 'page' });
  });
  it('prints text in French by default and in English on request', () => {
    const fr = run(['compare', 'https://x.com/Paris', '--dataset', file()], NOW);
    expect(fr.stdout).toContain('1re sur 1 ville sur X');
    expect(fr.stdout.replace(/\s/g, ' ')).toContain('2 200 000');
    const en = run(['compare', 'https://x.com/Paris', '--lang', 'en', '--dataset', file()], NOW);
    expect(en.stdout).toContain('1st of 1 city on X');
    expect(en.stdout).toContain('2,200,000');
  });
  it.each([
    [['compare'], 2, /give one account URL or entity id/],
    [['compare', 'city-99999'], 1, /No entity with id "city-99999"/],
    [['compare', 'paris'], 1, /Did you mean: city-75056 \(Paris\)/],
    [['compare', 'https://x.com/nobody'], 1, /not in Civiscope's benchmark/],
    [['compare', 'https://example.org/'], 1, /Not an account page Civiscope recognises/],
    [['compare', 'https://x.com/Paris', '--platform', 'facebook'], 2, /contradicts the URL/],
    [['compare', 'city-75056', '--platform', 'myspace'], 2, /--platform must be one of/],
    [['compare', 'city-75056', '--cohort', 'some'], 2, /--cohort must be study or all/],
    [['compare', 'city-75056', '--value', '-3'], 2, /--value must be a whole number/],
    [['compare', 'city-75056', '--lang', 'de'], 2, /--lang must be fr or en/],
    [['compare', 'city-75056', '--format', 'xml'], 2, /--format must be text or json/],
  ])('refuses %j with a clear message', (argv, code, message) => {
    const result = run([...argv, '--dataset', file()], NOW);
    expect(result.exitCode).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});

describe('civiscope read', () => {
  it('reads a saved page', () => {
    const page = path.resolve(import.meta.dirname, 'fixtures/pages/linkedin-guest-company.html');
    const result = run(['read', 'https://uk.linkedin.com/company/audiense', page]);
    expect(JSON.parse(result.stdout)).toMatchObject({ platform: 'linkedin', key: 'company/audiense', value: 5750 });
    expect(result.exitCode).toBe(0);
  });
  const saved = path.resolve(import.meta.dirname, '../../shared/fixtures/pages/linkedin-company.html');
  it.skipIf(!existsSync(saved))('reads a saved real page (optional: ../shared saved pages)', () => {
    const result = run(['read', 'https://uk.linkedin.com/company/audiense', saved]);
    expect(JSON.parse(result.stdout)).toMatchObject({ platform: 'linkedin', key: 'company/audiense', value: 5750 });
    expect(result.exitCode).toBe(0);
  });
  it('says why it could not read, with exit code 1', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-')), 'empty.html');
    writeFileSync(file, '<html><body>nothing</body></html>');
    const result = run(['read', 'https://x.com/Paris', file]);
    expect(result.exitCode).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.value).toBeNull();
    expect(out.problems.length).toBeGreaterThan(0);
  });
  it('refuses a URL that is not an account', () => {
    expect(run(['read', 'https://x.com/explore', 'x.html']).exitCode).toBe(2);
  });
});

describe('civiscope dataset', () => {
  it('checks the bundled dataset', () => {
    const result = run(['dataset', 'check']);
    expect(result.stdout).toMatch(/^OK: \d+ entities/);
    expect(result.exitCode).toBe(0);
  });
  it('exports a document that check accepts', () => {
    const exported = run(['dataset', 'export']);
    const file = datasetFile(exported.stdout);
    expect(run(['dataset', 'check', file]).exitCode).toBe(0);
  });
  it('shows one entity as JSON', () => {
    const result = run(['dataset', 'show', 'city-75056', '--format', 'json', '--dataset', datasetFile(tinyDataset())]);
    expect(JSON.parse(result.stdout).id).toBe('city-75056');
  });
});
