/** Parsed command line: positional words and `--name value` / `--flag` options. */
export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/** Options that never take a value; every other `--name` takes the next word. */
const FLAGS = new Set(['help', 'json']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const [name = '', inline] = word.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) options[name] = inline;
      else if (FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1]?.startsWith('--')) options[name] = true;
      else options[name] = argv[++i] ?? '';
    } else {
      positional.push(word);
    }
  }
  return { positional, options };
}

/** Result of a command: what to print and the exit code. Commands never print themselves. */
export interface CommandResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}

export function fail(message: string, exitCode = 2): CommandResult {
  return { stdout: '', stderr: `${message}\n`, exitCode };
}
