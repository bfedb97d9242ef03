import { readFileSync, writeFileSync } from 'node:fs';
import { type DatasetIndex, indexDataset, parseDataset } from '../dataset';
import { bundledIndex } from '../dataset/bundled';
import { type CommandResult, fail, type ParsedArgs, parseArgs } from './args';
import { compareCommand } from './compare-command';
import { datasetCheck, datasetCoverage, datasetExport, datasetShow } from './dataset-commands';
import { detectCommand } from './detect';
import { discoverCommand } from './discover-command';
import { EXPORT_USAGE, exportCommand } from './export-command';
import { readCommand } from './read-command';
import { STUDY_USAGE, studyCommand } from './study-command';

const USAGE = `civiscope — compare French public institutions' social media accounts with their peers

usage: npm run civiscope -- <command> [options]

  detect <url>...                       which account (and listed institution) each URL is
  read <url> <html-file>                read the audience from a saved page, as the extension does
  discover <website-url> <html-file>    the accounts a saved homepage links, ranked per platform
      [--entity <id>] [--format text|json] [--lang fr|en]
  compare <url-or-entity-id>            how the account stands against its group
      [--platform P] [--value N] [--cohort study|all] [--format text|json] [--lang fr|en]
  dataset check [file]                  validate a dataset file (default: the bundled one)
  dataset coverage                      accounts and figures per group and platform
  dataset show <entity-id> [--format json]
  dataset export                        the whole dataset as one JSON document
  export …                              a comparison or a whole group as a file (see below)
  ${STUDY_USAGE}
                                        the 2012 study's findings beside today's data
  help                                  this text

  --dataset <file>                      run against another dataset file (validated first)
  --out <file>                          export: write the file instead of printing it

export ${EXPORT_USAGE}`;

/** Loads the dataset named by --dataset, or the bundled one; an invalid file is refused with its problems. */
function loadIndex(file: string | true | undefined): DatasetIndex | CommandResult {
  if (file === undefined) return bundledIndex();
  if (file === true) return fail('--dataset needs a file name');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`cannot read dataset ${file}: ${(error as Error).message}`);
  }
  const { dataset, problems } = parseDataset(json);
  if (!dataset) return fail(`invalid dataset ${file}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return indexDataset(dataset);
}

function datasetCommand(index: DatasetIndex, { positional, options }: ParsedArgs): CommandResult {
  const [sub, arg] = positional;
  switch (sub) {
    case 'check': {
      if (!arg) return datasetCheck(index.dataset);
      try {
        return datasetCheck(readFileSync(arg, 'utf8'));
      } catch (error) {
        return fail(`cannot read ${arg}: ${(error as Error).message}`);
      }
    }
    case 'coverage':
      return datasetCoverage(index.dataset);
    case 'show':
      if (!arg) return fail('usage: civiscope dataset show <entity-id> [--format json]');
      return datasetShow(index.dataset, arg, options.format === 'json' ? 'json' : 'text');
    case 'export':
      return datasetExport(index.dataset);
    default:
      return fail(`usage: civiscope dataset check|coverage|show|export\n\n${USAGE}`);
  }
}

/** `--out <file>`: write what the command printed to a file (UTF-8; a CSV keeps its BOM) and say where. */
function writeOut(result: CommandResult & { fileName?: string }, out: string | true | undefined): CommandResult {
  if (out === undefined || result.exitCode !== 0) return result;
  if (out === true) return fail(`--out needs a file name${result.fileName ? ` (suggested: ${result.fileName})` : ''}`);
  try {
    writeFileSync(out, result.stdout, 'utf8');
  } catch (error) {
    return fail(`cannot write ${out}: ${(error as Error).message}`);
  }
  return { stdout: '', stderr: `${result.stderr ?? ''}wrote ${out}\n`, exitCode: 0 };
}

/** Runs one command. `now` (ISO datetime) is injectable so that tests do not depend on the clock. */
export function run(argv: readonly string[], now = new Date().toISOString()): CommandResult {
  const { positional, options } = parseArgs(argv);
  const [command, ...rest] = positional;
  if (!command || command === 'help' || options.help) return { stdout: USAGE, exitCode: command ? 0 : 2 };
  if (command === 'read') return readCommand(rest);
  const index = loadIndex(options.dataset);
  if (!('dataset' in index)) return index;
  const args = { positional: rest, options };
  switch (command) {
    case 'detect':
      return detectCommand(index, rest);
    case 'dataset':
      return datasetCommand(index, args);
    case 'compare':
      return compareCommand(index, args, now);
    case 'discover':
      return discoverCommand(index, args);
    case 'export':
      return writeOut(
        exportCommand(index.dataset, args, () => new Date(now)),
        options.out,
      );
    case 'study':
      return writeOut(studyCommand(index.dataset, args, now), options.out);
    default:
      return fail(`unknown command "${command}"\n\n${USAGE}`);
  }
}
