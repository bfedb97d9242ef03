import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/civiscope';
import { tinyDataset } from '../helpers/tiny-dataset';
import { HOMEPAGES } from './parse';

function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-discover-')), name);
  writeFileSync(file, content);
  return file;
}

/** A Paris-like homepage: the listed X account, a new Facebook page, and a second X account. */
const PARIS_PAGE = `<!doctype html><title>Paris.fr</title>
<footer><h2>Suivez-nous</h2>
<a href="https://twitter.com/Paris">X</a>
<a href="https://www.facebook.com/parisfr/">Facebook</a>
<a href="https://www.facebook.com/sharer.php?u=https://www.paris.fr/">Partager</a></footer>
<main><a href="https://x.com/Interieur_Gouv">le ministère de l'Intérieur</a></main>`;

describe('civiscope discover', () => {
  const dataset = tempFile('dataset.json', JSON.stringify(tinyDataset()));
  const page = tempFile('paris.html', PARIS_PAGE);

  it('prints the candidates as JSON with their status for --entity', () => {
    const result = run([
      'discover',
      'https://www.paris.fr/',
      page,
      '--entity',
      'city-75056',
      '--format',
      'json',
      '--dataset',
      dataset,
    ]);
    expect(result.exitCode).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.website).toBe('https://www.paris.fr/');
    expect(out.entity).toBe('city-75056');
    expect(
      out.candidates.map((c: Record<string, unknown>) => [c.platform, c.key, c.primary, c.status, c.listedFor ?? null]),
    ).toEqual([
      ['x', 'paris', true, 'listed', null],
      ['x', 'interieur_gouv', false, 'conflict', 'ministry-interieur'],
      ['facebook', 'parisfr', true, 'new', null],
    ]);
    // The fields come first, in its order.
    expect(Object.keys(out.candidates[0]).slice(0, 6)).toEqual([
      'platform',
      'key',
      'url',
      'evidence',
      'where',
      'primary',
    ]);
    expect(out.candidates[0]).toMatchObject({ url: 'https://x.com/paris', evidence: 'link', where: 'footer' });
    expect(out.participation).toEqual([]);
    expect(out.blogs).toEqual([]);
    expect(out.noAccountOn).toEqual([
      'youtube',
      'dailymotion',
      'instagram',
      'linkedin',
      'tiktok',
      'threads',
      'bluesky',
      'mastodon',
      'flickr',
    ]);
  });

  it('prints French text by default and English with --lang en', () => {
    const fr = run(['discover', 'https://www.paris.fr/', page, '--entity', 'city-75056', '--dataset', dataset]);
    expect(fr.stdout).toContain('Comptes trouvés sur https://www.paris.fr/');
    expect(fr.stdout).toMatch(/▶ X\s+paris\s+principal · pied de page · lien · déjà répertorié/);
    expect(fr.stdout).toMatch(/Facebook\s+parisfr\s+principal .* · nouveau/);
    expect(fr.stdout).toContain(
      'en conflit avec le compte répertorié paris · répertorié pour Ministère de l’Intérieur',
    );
    const en = run(['discover', 'https://www.paris.fr/', page, '--lang', 'en', '--dataset', dataset]);
    expect(en.stdout).toContain('Accounts found on https://www.paris.fr/');
    expect(en.stdout).toMatch(/▶ X\s+paris\s+primary · footer · link/);
    expect(en.stdout).not.toContain('already listed');
  });

  it('exits 1 when the page names no account (a hostile page of look-alikes and share links)', () => {
    const result = run([
      'discover',
      'https://www.belcourt.example/',
      path.join(HOMEPAGES, 'hostile.html'),
      '--format',
      'json',
    ]);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).candidates).toEqual([]);
    expect(result.stderr).toContain('JSON-LD block is not valid JSON');
  });

  it('runs on the fixtures with the bundled dataset', () => {
    const result = run([
      'discover',
      'https://www.exemple.gouv.fr/',
      path.join(HOMEPAGES, 'dsfr-ministere.html'),
      '--format',
      'json',
    ]);
    expect(result.exitCode).toBe(0);
    const primaries = JSON.parse(result.stdout).candidates.filter((c: { primary: boolean }) => c.primary);
    expect(primaries.map((c: { platform: string }) => c.platform)).toEqual([
      'x',
      'facebook',
      'youtube',
      'instagram',
      'linkedin',
    ]);
  });

  it.each([
    [['discover'], /usage: civiscope discover/],
    [['discover', 'https://a.example/'], /usage: civiscope discover/],
    [['discover', 'ftp://a.example/', 'x.html'], /not an http\(s\) URL/],
    [['discover', 'https://a.example/', '/nonexistent/page.html'], /cannot read \/nonexistent\/page.html/],
    [['discover', 'https://a.example/', 'x.html', '--format', 'xml'], /--format must be text or json/],
    [['discover', 'https://a.example/', 'x.html', '--entity', 'city-00000'], /city-00000/],
    [['discover', 'https://a.example/', 'x.html', '--lang', 'de'], /--lang must be fr or en/],
  ])('refuses %j with a clear message (exit 2)', (argv, message) => {
    const result = run(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('warns when the page is not one of the entity’s listed websites', () => {
    const result = run(['discover', 'https://www.example.org/', page, '--entity', 'city-75056', '--dataset', dataset]);
    expect(result.stderr).toContain('https://www.example.org/ is not a website the dataset lists for city-75056');
  });
});
