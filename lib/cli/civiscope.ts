import { readFileSync } from 'node:fs';
import { type DatasetIndex, indexDataset, parseDataset } from '../dataset';
import { bundledIndex } from '../dataset/bundled';
import { type CommandResult, fail, parseArgs } from './args';
import { detectCommand } from './detect';

const USAGE = `civiscope — compare French public institutions' social media accounts with their peers

usage: npm run civiscope -- <command> [options]

  detect <url>...                 which account (and listed institution) each URL is
  help                            this text

  --dataset <file>                run against another dataset file (validated first)
`;

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

export function run(argv: readonly string[]): CommandResult {
  const { positional, options } = parseArgs(argv);
  const [command, ...rest] = positional;
  if (!command || command === 'help' || options.help) return { stdout: USAGE, exitCode: command ? 0 : 2 };
  const index = loadIndex(options.dataset);
  if (!('dataset' in index)) return index;
  switch (command) {
    case 'detect':
      return detectCommand(index, rest);
    default:
      return fail(`unknown command "${command}"\n\n${USAGE}`);
  }
}
