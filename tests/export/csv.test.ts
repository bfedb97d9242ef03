import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import type { Comparison } from '@/lib/compare/types';
import { BUNDLED } from '@/lib/dataset/bundled';
import {
  type CsvDialect,
  comparisonCsvHeader,
  comparisonToCsv,
  formatCsv,
  groupCsvHeader,
  groupToCsv,
} from '@/lib/export/csv';
import type { Lang } from '@/lib/i18n';
import { citiesDataset, compareLille, HOSTILE_NAMES, hostileDataset, NOW } from './fixtures';

const SEPARATOR = { fr: ';', intl: ',' } as const;
const MARK = { fr: ',', intl: '.' } as const;

/** Parses CSV text the way a spreadsheet import would, after checking and removing the BOM. */
function parse(text: string, dialect: CsvDialect): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { delimiter: SEPARATOR[dialect], newline: '\r\n' });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  // The file ends with CRLF: papaparse reports the empty line after it.
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1);
}

/** Each parsed row, keyed by its translated header. */
function records(text: string, dialect: CsvDialect): Record<string, string>[] {
  const [header = [], ...rows] = parse(text, dialect);
  return rows.map((row) => {
    expect(row).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
  });
}

function expectRowsMatch(comparison: Comparison, dialect: CsvDialect, lang: Lang) {
  const text = comparisonToCsv(comparison, BUNDLED_OR(comparison), { dialect, lang });
  const rows = records(text, dialect);
  const h = comparisonCsvHeader(lang);
  const col = (name: string) =>
    h[
      [
        'id',
        'institution',
        'group',
        'code',
        'platform',
        'handle',
        'accountUrl',
        'metric',
        'value',
        'precision',
        'date',
        'onOrBefore',
        'origin',
        'source',
        'sourceUrl',
        'population',
        'vintage',
        'perThousand',
        'rank',
        'perThousandRank',
        'standing',
        'self',
      ].indexOf(name)
    ] as string;
  expect(rows).toHaveLength(comparison.cohort.length);
  comparison.cohort.forEach((member, i) => {
    const row = rows[i] as Record<string, string>;
    expect(row[col('id')]).toBe(member.entity);
    expect(row[col('institution')]).toBe((lang === 'en' && member.name.en) || member.name.fr);
    const figure = member.value !== null ? member : member.setAside;
    expect(row[col('value')]).toBe(figure ? String(figure.value) : '');
    expect(row[col('date')]).toBe(figure?.date ?? '');
    expect(row[col('rank')]).toBe(member.rank === null ? '' : String(member.rank));
    expect(row[col('perThousand')]).toBe(
      member.perThousand === null ? '' : member.perThousand.toFixed(2).replace('.', MARK[dialect]),
    );
    expect(row[col('handle')]).toBe(member.account?.key ?? '');
    expect(row[col('self')]).toBe(member.self ? (lang === 'fr' ? 'oui' : 'yes') : '');
  });
}

// The comparisons below are made on either dataset; the CSV needs the one they came from.
const datasets = new WeakMap<Comparison, Parameters<typeof comparisonToCsv>[1]>();
const BUNDLED_OR = (c: Comparison) => datasets.get(c) ?? BUNDLED;

describe('comparisonToCsv', () => {
  it.each([
    ['fr', 'fr'],
    ['intl', 'en'],
    ['fr', 'en'],
    ['intl', 'fr'],
  ] as const)('round-trips through a CSV parser (dialect %s, %s)', (dialect, lang) => {
    const d = citiesDataset();
    const comparison = compareLille(d);
    datasets.set(comparison, d);
    expectRowsMatch(comparison, dialect, lang);
  });

  it.each(['city-75056', 'region-11', 'ministry-interieur'])('round-trips bundled comparisons (%s)', (entityId) => {
    for (const platform of ['x', 'facebook', 'youtube'] as const) {
      const comparison = compareAccount({ dataset: BUNDLED, entityId, platform, now: NOW });
      expectRowsMatch(comparison, 'fr', 'fr');
      expectRowsMatch(comparison, 'intl', 'en');
    }
  });

  it('writes the French dialect exactly: BOM, semicolons, decimal comma, CRLF, empty cells for missing', () => {
    const d = citiesDataset();
    const text = comparisonToCsv(compareLille(d), d, { dialect: 'fr', lang: 'fr' });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${comparisonCsvHeader('fr').join(';')}`);
    expect(lines[0]).toContain('pour 1 000 habitants');
    expect(lines[1]).toBe(
      'city-nantes;Nantes;Ville;;X;nantesfr;https://example.org/x/nantesfr;abonnés;9000;arrondi;2026-05;;jeu de données;Test source;;300000;2023;30,00;1;1;classé;',
    );
    expect(lines[2]).toBe(
      'city-lille;Lille;Ville;59350;X;lille;https://example.org/x/lille;abonnés;5000;exact;2026-06-01;;jeu de données;La Voix du Nord | article;https://www.example.org/lille (x);200000;2023;25,00;2;2;classé;oui',
    );
    expect(lines[3]).toContain(';2500;exact;2026-06-10;oui;');
    // Brest: no account, so no figure: empty cells, never 0.
    expect(lines[4]).toBe('city-brest;Brest;Ville;;X;;;;;;;;;;;150000;2023;;;;pas de compte connu;');
    // Tours: closed account; its last figure is shown but not ranked.
    expect(lines[5]).toContain(';100;exact;2025-01-01;');
    expect(lines[5]).toContain(';;;compte fermé, non classé;');
    expect(lines.at(-1)).toBe('');
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('writes the international dialect with commas and decimal points, quoting the header that holds a comma', () => {
    const d = citiesDataset();
    const text = comparisonToCsv(compareLille(d), d, { dialect: 'intl', lang: 'en' });
    const [header, nantes] = text.split('\r\n');
    expect(header).toContain(',"per 1,000 inhabitants",');
    expect(nantes).toContain(',9000,rounded,2026-05,,dataset,Test source,,300000,2023,30.00,1,1,ranked,');
  });
});

describe('hostile names', () => {
  const d = hostileDataset();
  const comparison = compareAccount({ dataset: d, entityId: 'city-h0', platform: 'x', now: NOW });

  it.each(['fr', 'intl'] as const)('quotes and neutralises, and reads back the same text (%s)', (dialect) => {
    const text = comparisonToCsv(comparison, d, { dialect, lang: 'fr' });
    const rows = records(text, dialect);
    const names = rows.map((r) => r.institution);
    const expected = HOSTILE_NAMES.map((name) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name));
    expect([...names].sort()).toEqual([...expected].sort());
    for (const row of rows) {
      expect(row.source).toBe(`'=cmd|" /C calc"!A0`);
      expect(row['adresse de la source']).toBe('https://example.org/a,b;c');
    }
  });

  it('writes the raw text as RFC 4180 says', () => {
    const text = comparisonToCsv(comparison, d, { dialect: 'fr', lang: 'fr' });
    expect(text).toContain(';"Ville ""dite"" du Nord";');
    expect(text).toContain(';"Saint-Denis; Réunion";');
    expect(text).toContain(';Aix, Marseille;'); // a comma is harmless with ';'
    expect(text).toContain(';"Ligne\nsuivante";');
    expect(text).toContain(';"Retour\r\nchariot";');
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"",""clic"")";`);
    expect(text).toContain(";'+33 ville;");
    expect(text).toContain(";'-1 ville;");
    expect(text).toContain(";'@SUM(A1);");
    expect(text).toContain(";'\tTabulée;");
    expect(text).toContain(`;"'\rRetour";`);
    expect(text).toContain(`;"'=cmd|"" /C calc""!A0";`);
    // No cell starts with a formula character, quoted or not.
    const cells = parse(text, 'fr').flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const intl = comparisonToCsv(comparison, d, { dialect: 'intl', lang: 'fr' });
    expect(intl).toContain(',"Aix, Marseille",');
    expect(intl).toContain(',Saint-Denis; Réunion,');
  });

  it('leaves numbers alone, even negative ones, and writes missing as empty', () => {
    expect(
      formatCsv([[-5, { fixed: -1.5, decimals: 2 }, null, '-5', 1234567, { fixed: Number.NaN, decimals: 2 }]], 'fr'),
    ).toBe("\uFEFF-5;-1,50;;'-5;1234567;\r\n");
  });
});

describe('groupToCsv', () => {
  it('lists every entity of the group, one row per account, with its newest figure', () => {
    const d = citiesDataset();
    d.entities[0]?.accounts.push({
      platform: 'facebook',
      key: 'villedelille',
      url: 'https://www.facebook.com/villedelille',
      status: 'active',
      confidence: 'confirmed',
      sources: ['test-source'],
      figures: [
        { metric: 'followers', value: 700, date: '2025-01-01', precision: 'exact', source: 'test-source' },
        { metric: 'followers', value: 900, date: '2026-02', precision: 'exact', source: 'test-source' },
        {
          metric: 'page-likes',
          value: 50,
          date: '2012-10',
          precision: 'exact',
          source: 'test-source',
          edition: '2012',
        },
        { metric: 'followers', value: 5, precision: 'exact', source: 'test-source' },
      ],
    });
    const rows = records(groupToCsv(d, 'city', { dialect: 'intl', lang: 'en' }), 'intl');
    const header = groupCsvHeader('en');
    expect(Object.keys(rows[0] ?? {})).toEqual(header);
    expect(rows.map((r) => [r['Civiscope id'], r.platform, r.value, r.date, r['per 1,000 inhabitants']])).toEqual([
      ['city-lille', 'X', '5000', '2026-06-01', '25.00'],
      ['city-lille', 'Facebook', '900', '2026-02', '4.50'],
      ['city-nantes', 'X', '9000', '2026-05', '30.00'],
      ['city-rennes', 'X', '2500', '2026-06-10', '10.00'],
      ['city-brest', '', '', '', ''],
      ['city-tours', 'X', '100', '2025-01-01', '0.77'],
    ]);
    expect(rows[5]?.['account status']).toBe('closed');
    expect(rows[0]?.source).toBe('La Voix du Nord | article');
  });

  it('exports every bundled group in both dialects', () => {
    for (const group of ['city', 'region', 'ministry', 'minister', 'executive'] as const) {
      const count = BUNDLED.entities
        .filter((e) => e.group === group)
        .reduce((n, e) => n + Math.max(1, e.accounts.length), 0);
      expect(records(groupToCsv(BUNDLED, group, { dialect: 'fr', lang: 'fr' }), 'fr')).toHaveLength(count);
      expect(records(groupToCsv(BUNDLED, group, { dialect: 'intl', lang: 'en' }), 'intl')).toHaveLength(count);
    }
  });
});
