import type { Dataset, Source } from '../dataset';
import { pickSources } from '../export/common';
import { escapeMarkdown } from '../export/markdown';
import { type Lang, translator } from '../i18n';
import { describeStudy, type EntryWords, studyFooter } from './describe';
import type { StudyToday } from './types';

/**
 * The study table as text, Markdown and JSON, with the conventions of lib/export: the dataset
 * edition, the method version, the export time (an argument: writers never read the clock) and
 * the sources of every figure.
 */

export const STUDY_SCHEMA_ID = 'urn:civiscope:schema:study-export:1';

export interface StudyDocument {
  $schema: typeof STUDY_SCHEMA_ID;
  schemaVersion: 1;
  /** ISO datetime, given by the caller. */
  exportedAt: string;
  datasetEdition: StudyToday['datasetEdition'];
  methodVersion: string;
  studyMeasuresVersion: string;
  study: StudyToday['study'];
  /** One entry per finding: `{id, groups, finding, then, now, dates, sources}`. */
  entries: StudyToday['entries'];
  /** Every dataset source the entries cite, by id. */
  sources: Record<string, Source>;
}

export function studyDocument(report: StudyToday, dataset: Dataset, options: { exportedAt: string }): StudyDocument {
  const ids = new Set(report.entries.flatMap((e) => e.sources));
  return {
    $schema: STUDY_SCHEMA_ID,
    schemaVersion: 1,
    exportedAt: options.exportedAt,
    datasetEdition: report.datasetEdition,
    methodVersion: report.methodVersion,
    studyMeasuresVersion: report.studyMeasuresVersion,
    study: report.study,
    entries: report.entries,
    sources: pickSources(dataset, [...ids].sort()),
  };
}

export function studyToJson(report: StudyToday, dataset: Dataset, options: { exportedAt: string }): string {
  return `${JSON.stringify(studyDocument(report, dataset, options), null, 2)}\n`;
}

const colon = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');

function sourceLine(s: EntryWords['sources'][number]): string {
  return `${s.title}${s.date ? ` (${s.date})` : ''}`;
}

function heading(report: StudyToday, lang: Lang): string[] {
  const t = translator(lang);
  const lines = [t('study.title'), t('study.intro')];
  if (report.study)
    lines.push(
      t('study.studyLine', { title: report.study.title[lang] ?? report.study.title.fr, date: report.study.date }),
    );
  return lines;
}

const MAX_IDS_PER_ENTRY = 8;

/** Plain text for a terminal: one block per finding, then the sources and the footer. */
export function studyToText(report: StudyToday, dataset: Dataset, lang: Lang): string {
  const t = translator(lang);
  const words = describeStudy(report, dataset, lang);
  const [title, intro, studyLine] = heading(report, lang);
  const out: string[] = [title as string, '='.repeat((title as string).length), intro as string];
  if (studyLine) out.push(studyLine);
  words.forEach((w, i) => {
    out.push('', `${i + 1}. ${w.title}`);
    if (w.finding) out.push(lang === 'fr' ? `   « ${w.finding} »` : `   “${w.finding}”`);
    out.push(`   ${t('study.col.then')}${colon(lang)}${w.in2012}`);
    out.push(`   ${t('study.col.now')}${colon(lang)}${w.today[0] ?? t('study.unknown')}`);
    for (const line of w.today.slice(1)) out.push(`     ${line}`);
    out.push(`   ${t('study.col.dates')}${colon(lang)}${w.dates}`);
    // Long lists are cut here; the full list with titles follows the table.
    const ids = w.sources.map((s) => s.id);
    const shown =
      ids.length > MAX_IDS_PER_ENTRY
        ? [...ids.slice(0, MAX_IDS_PER_ENTRY), `… (+${ids.length - MAX_IDS_PER_ENTRY})`]
        : ids;
    out.push(`   ${t('study.col.sources')}${colon(lang)}${shown.join(', ')}`);
  });
  const cited = new Map(words.flatMap((w) => w.sources).map((s) => [s.id, s]));
  out.push('', `${t('study.col.sources')}${colon(lang)}`.trimEnd());
  for (const s of [...cited.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
    out.push(`  ${s.id}: ${sourceLine(s)}${s.url ? ` ${s.url}` : ''}`);
  out.push('', studyFooter(report, lang));
  return `${out.join('\n')}\n`;
}

/** Only web links become Markdown links; the few characters that break `(…)` are percent-encoded. */
function markdownLink(title: string, url: string | null): string {
  const label = escapeMarkdown(title);
  if (!url || !/^https?:\/\//i.test(url)) return label;
  const safe = url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](${safe})`;
}

/** A Markdown report: the table (one row per finding), the sources with their dates, the footer. */
export function studyToMarkdown(report: StudyToday, dataset: Dataset, lang: Lang): string {
  const t = translator(lang);
  const words = describeStudy(report, dataset, lang);
  const [title, intro, studyLine] = heading(report, lang);
  const cell = (text: string) => escapeMarkdown(text);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [`# ${cell(title as string)}`, '', cell(intro as string)];
  if (studyLine) out.push('', cell(studyLine));
  out.push(
    '',
    row([
      t('study.col.finding'),
      t('study.col.then'),
      t('study.col.now'),
      t('study.col.dates'),
      t('study.col.sources'),
    ]),
    row([':---', ':---', ':---', ':---', ':---']),
  );
  for (const w of words) {
    out.push(
      row([
        `**${cell(w.title)}**${w.finding ? ` — ${cell(w.finding)}` : ''}`,
        cell(w.in2012),
        // A table cell cannot hold a line break in plain Markdown; `<br>` would be HTML.
        w.today.map((line) => cell(line.trim())).join(' · '),
        cell(w.dates),
        w.sources.map((s) => `\`${s.id}\``).join(', '),
      ]),
    );
  }
  const cited = new Map(words.flatMap((w) => w.sources).map((s) => [s.id, s]));
  out.push('', `## ${t('study.col.sources')}`, '');
  for (const s of [...cited.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
    out.push(`- \`${s.id}\`${colon(lang)}${markdownLink(s.title, s.url)}${s.date ? ` (${s.date})` : ''}`);
  out.push('', cell(studyFooter(report, lang)));
  return `${out.join('\n')}\n`;
}

/** `civiscope_study-2012_<YYYY-MM-DD>.<ext>` */
export function studyFileName(day: string, ext: 'md' | 'json' | 'txt'): string {
  return `civiscope_study-2012_${day}.${ext}`;
}
