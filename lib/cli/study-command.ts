import type { Dataset } from '../dataset';
import { studyToday } from '../study/study';
import { studyToJson, studyToMarkdown, studyToText } from '../study/writers';
import { type CommandResult, fail, type ParsedArgs } from './args';
import { langOption } from './compare-command';

export const STUDY_USAGE = 'study [--format text|md|json] [--lang fr|en]';

/**
 * `study [--format text|md|json] [--lang fr|en]`: the 2012 study's findings beside today's data.
 * The command line has no browser history, so only the dataset's figures are used.
 */
export function studyCommand(dataset: Dataset, { positional, options }: ParsedArgs, now: string): CommandResult {
  if (positional.length > 0) return fail(`unexpected argument "${positional[0]}"\nusage: civiscope ${STUDY_USAGE}`);
  const lang = langOption(options.lang);
  if (!lang) return fail('--lang must be fr or en');
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'md' && format !== 'json') return fail('--format must be text, md or json');
  const report = studyToday(dataset, [], now);
  if (format === 'json') return { stdout: studyToJson(report, dataset, { exportedAt: now }), exitCode: 0 };
  if (format === 'md') return { stdout: studyToMarkdown(report, dataset, lang), exitCode: 0 };
  return { stdout: studyToText(report, dataset, lang), exitCode: 0 };
}
