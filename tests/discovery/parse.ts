import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

/** happy-dom as the browser's DOMParser, scripts off (as the command line parses saved pages). */
export function parseHtml(html: string): Document {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export const HOMEPAGES = path.join(import.meta.dirname, '../fixtures/homepages');

export function homepage(name: string): string {
  return readFileSync(path.join(HOMEPAGES, name), 'utf8');
}
