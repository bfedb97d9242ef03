import { tryCompareAccount } from '../compare';
import type { Dataset } from '../dataset';
import { GROUPS, type Group } from '../dataset/schema';
import { comparisonToCsv, defaultDialect, groupToCsv } from '../export/csv';
import { exportFileName, groupExportFileName } from '../export/filename';
import { comparisonToJson, groupToJson } from '../export/json';
import { comparisonToMarkdown } from '../export/markdown';
import type { Lang } from '../i18n';
import { type Metric, PLATFORM_IDS, type PlatformId } from '../platforms/types';
import { type CommandResult, fail, type ParsedArgs } from './args';
import { liveFromValue, resolveTarget } from './target';

/** The command's output plus the file name the CLI wrapper should use for `--out <dir>` or suggest. */
export interface ExportResult extends CommandResult {
  fileName?: string;
}

export const EXPORT_USAGE = `usage:
  civiscope export <url-or-entity-id> --format csv|json|md [--dialect fr|intl] [--platform P]
                   [--cohort study|all] [--lang fr|en] [--value N] [--metric M]
  civiscope export --group city|region|ministry|minister|executive --format csv|json [--dialect fr|intl] [--lang fr|en]

  --value N    the figure the account's page shows now (as if read on screen), dated today
  --dialect    csv only: fr = ";" and decimal comma (default with --lang fr), intl = "," and decimal point
  PNG charts are made from the extension's popup (they need a canvas).
`;

const FORMATS = ['csv', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];
const METRICS: readonly Metric[] = ['followers', 'subscribers', 'page-likes'];

function usageError(message: string): ExportResult {
  return fail(`${message}\n\n${EXPORT_USAGE}`);
}

/** An option that must be one of `allowed`, or absent (then `fallback`). */
function choice<T extends string>(
  options: ParsedArgs['options'],
  name: string,
  allowed: readonly T[],
  fallback: T | undefined,
): { value: T | undefined } | { error: string } {
  const raw = options[name];
  if (raw === undefined) return { value: fallback };
  if (raw === true || !allowed.includes(raw as T))
    return { error: `--${name} must be one of: ${allowed.join(', ')}${raw === true ? '' : ` (got "${raw}")`}` };
  return { value: raw as T };
}

/**
 * `export …`: a comparison (or a whole group) as CSV, JSON or Markdown, printed to stdout. `args`
 * holds the words after `export` and the options; `clock` gives the export time (the comparison is
 * made for its UTC day), injected so that tests do not depend on the date.
 * Exit codes: 0 done, 1 nothing to export (unknown entity or account), 2 bad usage.
 */
export function exportCommand(dataset: Dataset, args: ParsedArgs, clock: () => Date): ExportResult {
  const { options, positional } = args;
  if (options.format === 'png')
    return fail(
      'PNG export is done from the extension’s popup (Export menu → PNG): drawing the chart needs a browser canvas. Use --format csv, json or md here.',
    );
  const format = choice(options, 'format', FORMATS, undefined);
  if ('error' in format) return usageError(format.error);
  if (!format.value) return usageError('--format is required');
  const lang = choice<Lang>(options, 'lang', ['fr', 'en'], 'fr');
  if ('error' in lang) return usageError(lang.error);
  const dialect = choice(options, 'dialect', ['fr', 'intl'] as const, defaultDialect(lang.value ?? 'fr'));
  if ('error' in dialect) return usageError(dialect.error);
  const csvOptions = { dialect: dialect.value ?? 'fr', lang: lang.value ?? 'fr' };

  const exportedAt = clock().toISOString();
  const day = exportedAt.slice(0, 10);
  const notes: string[] = [];
  if (options.dialect !== undefined && format.value !== 'csv') notes.push('--dialect only applies to csv; ignored.');

  if (options.group !== undefined) {
    const group = choice<Group>(options, 'group', GROUPS, undefined);
    if ('error' in group) return usageError(group.error);
    if (positional.length > 0) return usageError('give either --group or an account, not both');
    if (format.value === 'md') return usageError('a group exports as csv or json');
    const g = group.value as Group;
    const stdout =
      format.value === 'csv' ? groupToCsv(dataset, g, csvOptions) : groupToJson(dataset, g, { exportedAt });
    return withNotes({ stdout, exitCode: 0, fileName: groupExportFileName(g, day, format.value) }, notes);
  }

  if (positional.length !== 1) return usageError('give one account URL or entity id');
  const target = positional[0] as string;
  const platformOption = choice<PlatformId>(options, 'platform', PLATFORM_IDS, undefined);
  if ('error' in platformOption) return usageError(platformOption.error);
  const cohort = choice(options, 'cohort', ['study', 'all'] as const, 'study');
  if ('error' in cohort) return usageError(cohort.error);
  const metricOption = choice<Metric>(options, 'metric', METRICS, undefined);
  if ('error' in metricOption) return usageError(metricOption.error);

  const resolved = resolveTarget(dataset, target, platformOption.value);
  if ('result' in resolved) return resolved.result;
  const { entity, platform, accountKey } = resolved;
  if (resolved.note) notes.push(resolved.note);

  const live = liveFromValue(entity, platform, accountKey, options.value, metricOption.value, exportedAt);
  if (live && 'error' in live) return usageError(live.error);

  const outcome = tryCompareAccount({
    dataset,
    entityId: entity.id,
    platform,
    ...(accountKey ? { accountKey } : {}),
    ...(live ? { live } : {}),
    cohort: cohort.value ?? 'study',
    now: day,
  });
  if (!outcome.ok) return fail(outcome.error.message, 1);
  const comparison = outcome.comparison;
  const stdout = toFormat(format.value, comparison, dataset, csvOptions, exportedAt);
  return withNotes({ stdout, exitCode: 0, fileName: exportFileName(entity.id, platform, day, format.value) }, notes);
}

function toFormat(
  format: Format,
  comparison: Parameters<typeof comparisonToCsv>[0],
  dataset: Dataset,
  csvOptions: { dialect: 'fr' | 'intl'; lang: Lang },
  exportedAt: string,
): string {
  if (format === 'csv') return comparisonToCsv(comparison, dataset, csvOptions);
  if (format === 'json') return comparisonToJson(comparison, dataset, { exportedAt });
  return comparisonToMarkdown(comparison, dataset, csvOptions.lang);
}

function withNotes(result: ExportResult, notes: readonly string[]): ExportResult {
  return notes.length ? { ...result, stderr: `${notes.join('\n')}\n` } : result;
}
