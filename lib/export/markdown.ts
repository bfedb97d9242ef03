import { headline } from '../compare/headline';
import type { Comparison } from '../compare/types';
import type { Dataset } from '../dataset';
import { type Lang, translator } from '../i18n';
import { hasPerInhabitant, localName } from './common';

/**
 * A Markdown table ready to paste in a report: the headline sentence, the ranking (account on
 * screen in bold), the sources with their dates, and which method and dataset produced it.
 */

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Text from the dataset made inert in Markdown: pipes would split table cells, `*_[]<>` and the
 * like would format or link, a line break would end the table. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  let out = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    // An entity (&amp;, &#38;) would be decoded; a lone & is harmless and stays readable.
    .replace(/&(?=#?\w+;)/g, '\\&');
  // At the start of a line these would make a heading, list or quote.
  out = out.replace(/^([#+\-!=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Only web links become Markdown links; their few characters that break `(…)` are percent-encoded. */
function markdownLink(title: string, url: string | undefined): string {
  const label = escapeMarkdown(title);
  if (!url || !/^https?:\/\//i.test(url)) return label;
  const safe = url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](${safe})`;
}

export function comparisonToMarkdown(comparison: Comparison, dataset: Dataset, lang: Lang): string {
  const t = translator(lang);
  const locale = LOCALES[lang];
  const integer = new Intl.NumberFormat(locale);
  const perThousandFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const withPerThousand = hasPerInhabitant(comparison);
  const colon = lang === 'fr' ? ' : ' : ': ';

  const words = headline(comparison, lang);
  const main = [words.rank, words.top, words.ratio].filter((part): part is string => part !== null).join(', ');
  const sentence = `${escapeMarkdown(localName(comparison.name, lang))}${colon}${main}${words.missing ? ` (${words.missing})` : ''}.`;

  const header = [
    t('export.col.rank'),
    t('export.col.institution'),
    `${t('export.col.value')} (${t(`export.metric.${comparison.metric}`)})`,
    t('export.col.date'),
    t('export.col.origin'),
    t('export.col.precision'),
    ...(withPerThousand ? [t('export.col.perThousand')] : []),
  ];
  // Numbers right-aligned, text left.
  const align = ['---:', ':---', '---:', ':---', ':---', ':---', ...(withPerThousand ? ['---:'] : [])];

  const sourceIds: string[] = [];
  const rows = comparison.cohort.map((member) => {
    const bold = (cell: string) => (member.self && cell ? `**${cell}**` : cell);
    const name = bold(escapeMarkdown(localName(member.name, lang)));
    if (member.value === null) {
      return ['—', name, t(`export.standing.${member.standing}`), '', '', '', ...(withPerThousand ? [''] : [])];
    }
    if (member.source && !sourceIds.includes(member.source)) sourceIds.push(member.source);
    if (
      withPerThousand &&
      member.population &&
      member.perThousand !== null &&
      !sourceIds.includes(member.population.source)
    )
      sourceIds.push(member.population.source);
    const date = member.date
      ? member.onOrBefore
        ? t('export.onOrBefore', { date: member.date })
        : member.date
      : t('export.undated');
    return [
      String(member.rank ?? '—'),
      name,
      bold(integer.format(member.value)),
      date,
      member.origin ? t(`export.origin.${member.origin}`) : '',
      member.precision ? t(`export.precision.${member.precision}`) : '',
      ...(withPerThousand ? [member.perThousand === null ? '—' : perThousandFormat.format(member.perThousand)] : []),
    ];
  });

  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const sources = sourceIds.map((id) => {
    const source = dataset.sources[id];
    if (!source) return escapeMarkdown(id);
    return `${markdownLink(source.title, source.url)}${source.date ? ` (${source.date})` : ''}`;
  });
  const sourcesLine = `${t('export.sources')}${colon}${sources.length ? sources.join(lang === 'fr' ? ' ; ' : '; ') : t('export.noSource')}.`;
  const methodLine = t('export.methodLine', {
    method: comparison.methodVersion,
    edition: escapeMarkdown(comparison.datasetEdition.id),
    editionDate: comparison.datasetEdition.date,
    now: comparison.now.slice(0, 10),
  });

  return `${[sentence, '', line(header), line(align), ...rows.map(line), '', sourcesLine, '', methodLine].join('\n')}\n`;
}
