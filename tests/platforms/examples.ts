import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';

/** One row of a URL example table: platform, url, kind, expected_key, source. */
export interface UrlExample {
  file: string;
  line: number;
  platform: PlatformId;
  url: string;
  kind: 'A' | 'T' | 'L' | 'C' | 'N' | 'S' | 'X';
  /** Canonical key, or undefined when the table gives none (empty or a parenthesised note). */
  key: string | undefined;
  note: string | undefined;
  source: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The platforms' URL examples (address schemes of the 11 platforms, with their sources). */
export const PLATFORM_TABLE = path.resolve(REPO_ROOT, 'tests/fixtures/url-examples.tsv');
/** Our own rows: French public accounts and edge cases. */
export const OWN_TABLE = path.resolve(REPO_ROOT, 'tests/platforms/fr-accounts.tsv');

const KINDS = new Set(['A', 'T', 'L', 'C', 'N', 'S', 'X']);

export function loadExamples(file: string): UrlExample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  // Comment lines may precede the header (they say what the columns and sources mean).
  const at = lines.findIndex((line) => !line.startsWith('#'));
  const header = lines[at]?.split('\t');
  if (header?.join(',') !== 'platform,url,kind,expected_key,source') {
    throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  }
  const rows: UrlExample[] = [];
  lines.forEach((text, i) => {
    if (i <= at || text.trim() === '' || text.startsWith('#')) return;
    const cols = text.split('\t');
    const [platform = '', url = '', kind = '', expected = '', source = ''] = cols;
    const where = `${path.basename(file)}:${i + 1}`;
    if (cols.length !== 5) throw new Error(`${where}: expected 5 tab-separated columns, got ${cols.length}`);
    if (!(PLATFORM_IDS as readonly string[]).includes(platform))
      throw new Error(`${where}: unknown platform ${platform}`);
    if (!KINDS.has(kind)) throw new Error(`${where}: unknown kind ${kind}`);
    const isNote = expected.startsWith('(');
    rows.push({
      file: path.basename(file),
      line: i + 1,
      platform: platform as PlatformId,
      url,
      kind: kind as UrlExample['kind'],
      key: expected === '' || isNote ? undefined : expected,
      note: isNote ? expected : undefined,
      source,
    });
  });
  return rows;
}

/** Whether a row describes an account page: A, T, L, or content whose author is in the URL. */
export function isAccountRow(row: UrlExample): boolean {
  return row.kind === 'A' || row.kind === 'T' || row.kind === 'L' || (row.kind === 'C' && row.key !== undefined);
}
