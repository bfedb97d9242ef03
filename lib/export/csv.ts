import type { Comparison } from '../compare/types';
import type { Dataset, Group } from '../dataset';
import { type Lang, type MessageKey, translator } from '../i18n';
import { latestFigure, localName, perThousandOf, platformLabel, shownFigure } from './common';

/**
 * CSV for spreadsheets. Two dialects, because French spreadsheets expect `;` and a decimal comma
 * while the others expect `,` and a decimal point; a file in the wrong dialect opens as one column.
 *
 * - UTF-8 with a byte-order mark, so Excel does not read the accents as Latin-1.
 * - RFC 4180: fields holding the separator, a quote, CR or LF are quoted, quotes doubled; CRLF ends every row.
 * - Numbers are written bare (no grouping separator) so spreadsheets read them as numbers.
 * - A missing figure is an empty cell, never 0.
 * - Text cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a
 *   leading `'`. Number cells are never touched: they are written by this module from numbers, and
 *   a negative one (none is expected: audiences and populations are ≥ 0) would be a genuine number.
 */
export type CsvDialect = 'fr' | 'intl';

export interface CsvOptions {
  dialect: CsvDialect;
  lang: Lang;
}

/** A cell: text, an integer, a number with fixed decimals, or missing. */
export type CsvCell = string | number | { fixed: number; decimals: number } | null;

const BOM = '\uFEFF';
const SEPARATORS: Record<CsvDialect, string> = { fr: ';', intl: ',' };
const DECIMAL_MARKS: Record<CsvDialect, string> = { fr: ',', intl: '.' };
const FORMULA_START = /^[=+\-@\t\r]/;

/** Default dialect for a UI language: French users get the French spreadsheet conventions. */
export function defaultDialect(lang: Lang): CsvDialect {
  return lang === 'fr' ? 'fr' : 'intl';
}

/** A text cell made inert: spreadsheets show `'=x` as the text `=x` instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function formatCell(cell: CsvCell, dialect: CsvDialect): string {
  if (cell === null) return '';
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    // Plain digits: no grouping, no exponent for the sizes we handle.
    text = Number.isInteger(cell) ? String(cell) : String(cell).replace('.', DECIMAL_MARKS[dialect]);
  } else if (typeof cell === 'object') {
    if (!Number.isFinite(cell.fixed)) return '';
    text = cell.fixed.toFixed(cell.decimals).replace('.', DECIMAL_MARKS[dialect]);
  } else {
    text = neutraliseFormula(cell);
  }
  return quoteField(text, SEPARATORS[dialect]);
}

function quoteField(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text: BOM, dialect separator, CRLF after every row (the last one included). */
export function formatCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  return (
    BOM + rows.map((row) => `${row.map((cell) => formatCell(cell, dialect)).join(SEPARATORS[dialect])}\r\n`).join('')
  );
}

const COMPARISON_COLUMNS = [
  'export.col.id',
  'export.col.institution',
  'export.col.group',
  'export.col.code',
  'export.col.platform',
  'export.col.handle',
  'export.col.accountUrl',
  'export.col.metric',
  'export.col.value',
  'export.col.precision',
  'export.col.date',
  'export.col.onOrBefore',
  'export.col.origin',
  'export.col.source',
  'export.col.sourceUrl',
  'export.col.population',
  'export.col.populationVintage',
  'export.col.perThousand',
  'export.col.rank',
  'export.col.perThousandRank',
  'export.col.standing',
  'export.col.self',
] as const satisfies readonly MessageKey[];

/** The header of `comparisonToCsv`, for a language (exported for tests and for docs). */
export function comparisonCsvHeader(lang: Lang): string[] {
  const t = translator(lang);
  return COMPARISON_COLUMNS.map((key) => t(key));
}

/**
 * One row per cohort member, on the compared platform, in the order the popup lists them (ranked
 * members by value, then the others). A member not ranked shows the figure set aside, if any (closed
 * account, other metric): the standing column says why it has no rank.
 */
export function comparisonToCsv(comparison: Comparison, dataset: Dataset, options: CsvOptions): string {
  const t = translator(options.lang);
  const yes = t('export.yes');
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const rows: CsvCell[][] = [comparisonCsvHeader(options.lang)];
  for (const member of comparison.cohort) {
    const figure = shownFigure(member);
    const source = figure?.source ? dataset.sources[figure.source] : undefined;
    const code = entities.get(member.entity)?.code?.value ?? null;
    rows.push([
      member.entity,
      localName(member.name, options.lang),
      t(`group.${comparison.group}`),
      code,
      platformLabel(comparison.platform),
      member.account?.key ?? null,
      member.account?.url ?? null,
      figure ? t(`export.metric.${figure.metric}`) : null,
      figure?.value ?? null,
      figure ? t(`export.precision.${figure.precision}`) : null,
      figure?.date ?? null,
      figure?.onOrBefore ? yes : null,
      figure ? t(`export.origin.${figure.origin}`) : null,
      source?.title ?? figure?.source ?? null,
      // Readings made in the browser have no dataset source: the page they were read on stands for it.
      source?.url ?? figure?.url ?? null,
      member.population?.value ?? null,
      member.population?.vintage ?? null,
      member.perThousand === null ? null : { fixed: member.perThousand, decimals: 2 },
      member.rank,
      member.perThousandRank,
      t(`export.standing.${member.standing}`),
      member.self ? yes : null,
    ]);
  }
  return formatCsv(rows, options.dialect);
}

const GROUP_COLUMNS = [
  'export.col.id',
  'export.col.institution',
  'export.col.group',
  'export.col.code',
  'export.col.platform',
  'export.col.handle',
  'export.col.accountUrl',
  'export.col.accountStatus',
  'export.col.metric',
  'export.col.value',
  'export.col.precision',
  'export.col.date',
  'export.col.onOrBefore',
  'export.col.source',
  'export.col.sourceUrl',
  'export.col.population',
  'export.col.populationVintage',
  'export.col.perThousand',
] as const satisfies readonly MessageKey[];

export function groupCsvHeader(lang: Lang): string[] {
  const t = translator(lang);
  return GROUP_COLUMNS.map((key) => t(key));
}

/**
 * Every entity of a group, as the dataset has it: one row per entity and account, with the
 * account's newest bundled figure (2012 study figures excluded); an entity without any account
 * gets one row with an empty platform, so absences stay visible. Entities in dataset order.
 */
export function groupToCsv(dataset: Dataset, group: Group, options: CsvOptions): string {
  const t = translator(options.lang);
  const rows: CsvCell[][] = [groupCsvHeader(options.lang)];
  for (const entity of dataset.entities) {
    if (entity.group !== group) continue;
    const base: CsvCell[] = [
      entity.id,
      localName(entity.name, options.lang),
      t(`group.${group}`),
      entity.code?.value ?? null,
    ];
    const population: CsvCell[] = [entity.population?.value ?? null, entity.population?.vintage ?? null];
    if (entity.accounts.length === 0) {
      rows.push([...base, null, null, null, null, null, null, null, null, null, null, null, ...population, null]);
      continue;
    }
    for (const account of entity.accounts) {
      const figure = latestFigure(account.figures);
      const source = figure ? dataset.sources[figure.source] : undefined;
      const perThousand = figure ? perThousandOf(figure.value, entity.population?.value) : null;
      rows.push([
        ...base,
        platformLabel(account.platform),
        account.key,
        account.url,
        t(`status.${account.status}`),
        figure ? t(`export.metric.${figure.metric}`) : null,
        figure?.value ?? null,
        figure ? t(`export.precision.${figure.precision}`) : null,
        figure?.date ?? null,
        figure?.onOrBefore ? t('export.yes') : null,
        source?.title ?? figure?.source ?? null,
        source?.url ?? null,
        ...population,
        perThousand === null ? null : { fixed: perThousand, decimals: 2 },
      ]);
    }
  }
  return formatCsv(rows, options.dialect);
}
