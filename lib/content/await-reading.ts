import type { AccountRef, AudienceReading, PageReader } from '../platforms/types';
import { type Backoff, backoffDelay, READ_BACKOFF } from './backoff';

export interface AwaitReadingOptions {
  /** Give up after this long: the page is then read one last time and its problems reported. */
  timeoutMs?: number;
  /** Aborted on the next in-app navigation: nothing is reported for a page the user has left. */
  signal: AbortSignal;
  /** Gaps between readings (see backoff.ts). */
  backoff?: Backoff;
}

const WATCH: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true };

/**
 * Waits, bounded, until the page shows a figure for this account, then resolves once (see
 * `awaitReady`). A reader that throws gives a reading whose problem says so.
 */
export function awaitReading(
  doc: Document,
  account: AccountRef,
  reader: PageReader,
  options: AwaitReadingOptions,
): Promise<AudienceReading | undefined> {
  const read = (): AudienceReading => {
    try {
      return reader(doc, account);
    } catch (error) {
      // A redesigned page must not break the extension: report it as a problem.
      return { problems: [`reader failed: ${(error as Error).message}`] };
    }
  };
  return awaitReady(doc, read, (reading) => reading.value !== undefined, options);
}

/**
 * Looks at the page (`look`) until what it gives is `done`, bounded, and resolves once with the
 * last look. Social sites render the profile header after the first paint, so the page is looked
 * at again when the DOM has changed — but never sooner than the backoff gap after the previous look
 * (100 ms, then 200, 400… up to 2 s): a page that changes every frame is looked at eight times in
 * 6 s, a page that does not change once (and once more at the timeout). The observer only waits for
 * the first change after each look and is disconnected until the next one; everything stops when
 * done, on timeout and on abort. Resolves undefined when aborted. `look` must not throw.
 */
export function awaitReady<T>(
  doc: Document,
  look: () => T,
  done: (result: T) => boolean,
  { timeoutMs = 6000, signal, backoff = READ_BACKOFF }: AwaitReadingOptions,
): Promise<T | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    let settled = false;
    let readings = 0;
    // Since the last reading: has the page changed, has the gap elapsed?
    let changed = false;
    let due = false;
    let gap: ReturnType<typeof setTimeout> | undefined;
    const read = (): T => {
      readings++;
      return look();
    };
    const finish = (reading: T | undefined) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(gap);
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(reading);
    };
    const attempt = () => {
      if (settled) return;
      const reading = read();
      if (done(reading)) return finish(reading);
      changed = false;
      due = false;
      observer.observe(doc.documentElement, WATCH);
      gap = setTimeout(
        () => {
          due = true;
          if (changed) attempt();
        },
        backoffDelay(readings, backoff),
      );
    };
    const observer = new MutationObserver(() => {
      // One change is enough to know the page must be read again: stop listening until then.
      observer.disconnect();
      changed = true;
      if (due) attempt();
    });
    const onAbort = () => finish(undefined);
    const deadline = setTimeout(() => finish(read()), timeoutMs);
    signal.addEventListener('abort', onAbort);
    attempt();
  });
}
