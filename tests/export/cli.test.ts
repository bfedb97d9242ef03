import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { exportCommand } from '@/lib/cli/export-command';
import type { Dataset } from '@/lib/dataset';
import { acct, fig } from '../compare/fixtures';
import { citiesDataset, EXPORTED_AT } from './fixtures';

const clock = () => new Date(EXPORTED_AT);

function run(argv: string[], dataset: Dataset = citiesDataset()) {
  return exportCommand(dataset, parseArgs(argv), clock);
}

describe('export command', () => {
  it('exports an entity as CSV in the French dialect by default, with a file name', () => {
    const result = run(['city-lille', '--format', 'csv']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBeUndefined();
    expect(result.stdout.startsWith('\uFEFFidentifiant Civiscope;institution;')).toBe(true);
    expect(result.fileName).toBe('civiscope_city-lille_x_2026-06-15.csv');
  });

  it('follows --lang en with the international dialect, unless --dialect says otherwise', () => {
    expect(run(['city-lille', '--format', 'csv', '--lang', 'en']).stdout).toContain('Civiscope id,institution,');
    expect(run(['city-lille', '--format', 'csv', '--lang', 'en', '--dialect', 'fr']).stdout).toContain(
      'Civiscope id;institution;',
    );
  });

  it('resolves an account URL to its entity and exports Markdown', () => {
    const result = run(['https://x.com/lille', '--format', 'md', '--lang', 'en']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('| 2 | **Lille** |');
    expect(result.fileName).toBe('civiscope_city-lille_x_2026-06-15.md');
  });

  it('exports JSON stamped with the clock, and takes --value as the page reading', () => {
    const result = run(['city-lille', '--format', 'json', '--value', '12000']);
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.exportedAt).toBe(EXPORTED_AT);
    expect(doc.comparison.now).toBe('2026-06-15');
    expect(doc.comparison.rank).toBe(1);
    expect(doc.comparison.figure).toMatchObject({ value: 12000, origin: 'page', metric: 'followers' });
  });

  it('takes --cohort all', () => {
    const d = citiesDataset();
    d.entities.push({
      ...d.entities[0],
      id: 'city-other',
      name: { fr: 'Autre' },
      cohort2012: false,
    } as Dataset['entities'][number]);
    const study = JSON.parse(run(['city-lille', '--format', 'json'], d).stdout);
    const all = JSON.parse(run(['city-lille', '--format', 'json', '--cohort', 'all'], d).stdout);
    expect(all.comparison.groupSize).toBe(study.comparison.groupSize + 1);
  });

  it('picks the first listed platform of an entity with several, and says so', () => {
    const d = citiesDataset();
    d.entities[0]?.accounts.push(acct('facebook', [fig(10)], { key: 'villedelille' }));
    const result = run(['city-lille', '--format', 'csv'], d);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('x, facebook; exporting x');
    expect(run(['city-lille', '--format', 'csv', '--platform', 'facebook'], d).fileName).toBe(
      'civiscope_city-lille_facebook_2026-06-15.csv',
    );
  });

  it('exports a whole group as CSV or JSON', () => {
    const csv = run(['--group', 'city', '--format', 'csv']);
    expect(csv.exitCode).toBe(0);
    expect(csv.stdout.split('\r\n')).toHaveLength(1 + 5 + 1);
    expect(csv.fileName).toBe('civiscope_group-city_2026-06-15.csv');
    const json = run(['--group', 'city', '--format', 'json']);
    expect(JSON.parse(json.stdout).entities).toHaveLength(5);
    expect(json.fileName).toBe('civiscope_group-city_2026-06-15.json');
  });

  it.each([
    [['city-nowhere', '--format', 'csv'], 1, 'No entity with id "city-nowhere"'],
    [['lil', '--format', 'csv'], 1, 'Did you mean: city-lille (Lille)?'],
    [['https://x.com/someone_else', '--format', 'csv'], 1, 'not in Civiscope'],
    [['https://example.com/page', '--format', 'csv'], 1, 'Not an account page'],
    [['city-lille'], 2, '--format is required'],
    [['city-lille', '--format', 'xml'], 2, '--format must be one of: csv, json, md (got "xml")'],
    [['city-lille', '--format', 'png'], 2, 'popup'],
    [['city-lille', '--format', 'csv', '--dialect', 'de'], 2, '--dialect must be one of: fr, intl'],
    [['city-lille', '--format', 'csv', '--lang', 'de'], 2, '--lang must be one of: fr, en'],
    [['city-lille', '--format', 'csv', '--platform', 'myspace'], 2, '--platform must be one of'],
    [['city-lille', '--format', 'csv', '--cohort', 'some'], 2, '--cohort must be one of: study, all'],
    [['city-lille', '--format', 'csv', '--value', '12k'], 2, '--value must be a whole number'],
    [['city-lille', '--format', 'csv', '--value'], 2, '--value must be a whole number'],
    [['https://x.com/lille', '--format', 'csv', '--platform', 'facebook'], 2, 'contradicts the URL'],
    [['city-brest', '--format', 'csv'], 2, 'has no listed account'],
    [['--format', 'csv'], 2, 'give one account URL or entity id'],
    [['a', 'b', '--format', 'csv'], 2, 'give one account URL or entity id'],
    [['--group', 'town', '--format', 'csv'], 2, '--group must be one of'],
    [['--group', 'city', '--format', 'md'], 2, 'a group exports as csv or json'],
    [['city-lille', '--group', 'city', '--format', 'csv'], 2, 'not both'],
  ])('%j fails with exit %i: %s', (argv, exitCode, message) => {
    const result = run(argv);
    expect(result.exitCode).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('exports an entity without accounts on the platform asked for', () => {
    const result = run(['city-brest', '--format', 'md', '--platform', 'x', '--lang', 'en']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('| — | **Brest** | no known account |');
  });

  it('notes an ignored --dialect', () => {
    expect(run(['city-lille', '--format', 'md', '--dialect', 'fr']).stderr).toContain('--dialect only applies to csv');
  });
});
