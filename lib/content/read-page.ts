import { getReader } from '../platforms/readers';
import type { AccountRef, AudienceReading } from '../platforms/types';

/** HTML text → Document. The CLI passes one built on happy-dom; the extension never imports it. */
export type HtmlParser = (html: string) => Document;

const defaultParser: HtmlParser | undefined =
  typeof DOMParser === 'undefined' ? undefined : (html) => new DOMParser().parseFromString(html, 'text/html');

/**
 * Reads the audience from a saved page (`civiscope read <url> <html-file>`). Never throws: a parse
 * failure or a reader bug becomes a problem in the reading.
 */
export function readSavedPage(
  html: string,
  account: AccountRef,
  parseHtml: HtmlParser | undefined = defaultParser,
): AudienceReading {
  const reader = getReader(account.platform);
  if (!reader) return { problems: [`no page reader for ${account.platform}`] };
  if (!parseHtml) return { problems: ['no HTML parser available'] };
  try {
    return reader(parseHtml(html), account);
  } catch (e) {
    return { problems: [`could not read the page: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
