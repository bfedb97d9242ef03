import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { readSavedPage } from '../content/read-page';
import { detectAccount } from '../platforms/registry';
import { type CommandResult, fail } from './args';

/** happy-dom stands in for the browser's DOMParser; scripts in the saved page are never run. */
export function parseHtml(html: string): Document {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** `read <url> <html-file>`: the extension's page reader on a saved page. */
export function readCommand(positional: readonly string[]): CommandResult {
  const [url, file] = positional;
  if (!url || !file) return fail('usage: civiscope read <url> <html-file>');
  const account = detectAccount(url);
  if (!account) return fail(`${url} is not an account URL on a supported platform`);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const reading = readSavedPage(html, account, parseHtml);
  const out = {
    platform: account.platform,
    key: account.key,
    metric: reading.metric ?? null,
    value: reading.value ?? null,
    precision: reading.precision ?? null,
    source: reading.source ?? null,
    problems: reading.problems,
  };
  return { stdout: `${JSON.stringify(out)}\n`, exitCode: reading.value === undefined ? 1 : 0 };
}
