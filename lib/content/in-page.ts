import type { AccountRef, AudienceReading, GatheringReader, PageReader, PlatformId } from '../platforms/types';
import { awaitReading, awaitReady } from './await-reading';
import type { PageSignals } from './messages';
import { pageSignals } from './page-signals';

/**
 * The only code Civiscope runs inside a social network's page, and only on an account page: the
 * background recognises the account from the tab's URL, injects the platform's reader
 * (`/reader-<platform>.js`, which calls `installPageReader`) with `scripting.executeScript`, then
 * calls `readInPage` there. The answer is the injection's result: nothing is posted, no extension
 * API is touched in the page, and a page that is not an account runs no Civiscope code at all.
 */

/** Where the reader waits in the extension's isolated world (invisible to the page's own scripts). */
export const PAGE_READER_GLOBAL = '__civiscopeReader';

/** What the page answers; the background trusts none of it (lib/background/validate-report.ts). */
export type InPageAnswer =
  /** The platform's reader is not installed in this document yet: inject it, then ask again. */
  | { missing: true }
  /** The document is no longer at the URL the background asked about (it navigated since). */
  | { moved: true }
  /** A newer request, or the document leaving the URL, ended this wait: nothing to report. */
  | { superseded: true }
  | { reading: AudienceReading; readAt: number; signals: PageSignals }
  /** What a gathering reader collected, for the background to interpret (`GatheringReader`). */
  | { gathered: unknown; readAt: number; signals: PageSignals };

interface InstalledReader {
  platform: PlatformId;
  read(account: AccountRef, href: string): Promise<InPageAnswer>;
}

/**
 * Installs the platform's reader in the page's isolated world. A document keeps one installed
 * reader; a second request (an in-app navigation) ends the previous wait. A gathering reader
 * (`GatheringReader`) answers what it gathered, which the background interprets.
 */
export function installPageReader(
  platform: PlatformId,
  reader: PageReader | PageHalf,
  page: { document: Document; href(): string } = { document, href: () => location.href },
  timeoutMs?: number,
): InstalledReader {
  let current: AbortController | undefined;
  const installed: InstalledReader = {
    platform,
    async read(account, href) {
      current?.abort();
      if (page.href() !== href) return { moved: true };
      const controller = new AbortController();
      current = controller;
      // The page may leave the URL without a new request (an in-app navigation to a page that is
      // not an account): the wait ends at the next look instead of reading another page.
      const left = () => {
        if (page.href() === href) return false;
        queueMicrotask(() => controller.abort());
        return true;
      };
      const options = { signal: controller.signal, timeoutMs };
      const answer = await (typeof reader === 'function'
        ? readAll(page.document, account, reader, left, options)
        : gatherAll(page.document, account, reader, left, options));
      if (current === controller) current = undefined;
      if (!answer || controller.signal.aborted) return { superseded: true };
      // Signals explain a page without a figure (the group refresh's login walls); a page whose
      // figure was read, or that holds what the background will read it from, needs none and is
      // spared the search.
      const signals = answer.found ? {} : pageSignals(page.document, platform);
      return { ...answer.answer, readAt: Date.now(), signals };
    },
  };
  (globalThis as Record<string, unknown>)[PAGE_READER_GLOBAL] = installed;
  return installed;
}

/** The half of a gathering reader that runs in the page. */
type PageHalf = Pick<GatheringReader<unknown>, 'gather' | 'ready'>;
type Options = { signal: AbortSignal; timeoutMs?: number };
type Looked = { answer: { reading: AudienceReading } | { gathered: unknown }; found: boolean };
const LEFT: AudienceReading = { problems: ['the page left this account'] };

async function readAll(
  doc: Document,
  account: AccountRef,
  reader: PageReader,
  left: () => boolean,
  options: Options,
): Promise<Looked | undefined> {
  const reading = await awaitReading(doc, account, (d, a) => (left() ? LEFT : reader(d, a)), options);
  return reading && { answer: { reading }, found: reading.value !== undefined };
}

async function gatherAll(
  doc: Document,
  account: AccountRef,
  reader: PageHalf,
  left: () => boolean,
  options: Options,
): Promise<Looked | undefined> {
  const look = (): Looked => {
    if (left()) return { answer: { reading: LEFT }, found: false };
    try {
      const gathered = reader.gather(doc);
      return { answer: { gathered }, found: reader.ready(gathered, account) };
    } catch (error) {
      // A redesigned page must not break the extension: report it as a problem.
      return { answer: { reading: { problems: [`reader failed: ${(error as Error).message}`] } }, found: false };
    }
  };
  return awaitReady(doc, look, (looked) => looked.found, options);
}

/**
 * Injected by the background with `scripting.executeScript({ func: readInPage, args })`: the browser
 * sends this function's source, so it refers to nothing outside itself (the global's name is
 * written out; a test checks it is PAGE_READER_GLOBAL).
 */
export function readInPage(account: AccountRef, href: string): Promise<InPageAnswer> | InPageAnswer {
  const installed = (globalThis as Record<string, unknown>).__civiscopeReader as InstalledReader | undefined;
  if (!installed || installed.platform !== account.platform) return { missing: true };
  return installed.read(account, href);
}
