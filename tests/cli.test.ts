import { mkdtempSync, writeFileSync } from 'node:fs';
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
