import type { AccountRef, AudienceReading, PageReader } from '../platforms/types';

export interface AwaitReadingOptions {
  /** Give up after this long: the page is then read one last time and its problems reported. */
  timeoutMs?: number;
  /** Aborted on the next in-app navigation: nothing is reported for a page the user has left. */
  signal: AbortSignal;
}

/**
 * Waits, bounded, until the page shows a figure for this account, then resolves once.
 * Social sites render the profile header after the first paint, so the page is re-read when
 * the DOM changes (at most once per animation frame), and nothing keeps running afterwards:
 * the observer is disconnected on success, on timeout and on abort.
 * Resolves undefined when aborted.
 */
export function awaitReading(
  doc: Document,
  account: AccountRef,
  reader: PageReader,
  { timeoutMs = 6000, signal }: AwaitReadingOptions,
): Promise<AudienceReading | undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    let frame = 0;
    let settled = false;
    const read = (): AudienceReading => {
      try {
        return reader(doc, account);
      } catch (error) {
        // A redesigned page must not break the extension: report it as a problem.
        return { problems: [`reader failed: ${(error as Error).message}`] };
      }
    };
    const finish = (reading: AudienceReading | undefined) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      signal.removeEventListener('abort', onAbort);
      resolve(reading);
    };
    const attempt = () => {
      frame = 0;
      const reading = read();
      if (reading.value !== undefined) finish(reading);
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(attempt);
    });
    const onAbort = () => finish(undefined);
    const timer = setTimeout(() => finish(read()), timeoutMs);
    signal.addEventListener('abort', onAbort);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    attempt();
  });
}
