import { browser } from 'wxt/browser';
import { readInPage } from '../content/in-page';
import type { AccountRef } from '../platforms/types';

/** Longer than the page's own bounded wait (6 s): a tab that never answers is given up. */
const ANSWER_TIMEOUT_MS = 15_000;

const missing = (answer: unknown) => (answer as { missing?: unknown } | undefined)?.missing === true;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * `ReadingPorts.readInTab` for the real browser: asks the tab's top document (`readInPage`, run in
 * the extension's isolated world of that page), and the first time in a document injects the
 * platform's reader (`/reader-<platform>.js`) before asking again. The platforms' hosts are the
 * extension's host permissions already; a page the browser refuses (an error page, a tab closed
 * meanwhile) gives undefined, never an exception.
 */
export async function readInTab(tabId: number, account: AccountRef, url: string): Promise<unknown> {
  const ask = async () => {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: readInPage,
      args: [account, url],
    });
    return result?.result as unknown;
  };
  try {
    let answer = await withTimeout(ask(), ANSWER_TIMEOUT_MS);
    if (missing(answer)) {
      await browser.scripting.executeScript({ target: { tabId }, files: [`/reader-${account.platform}.js`] });
      answer = await withTimeout(ask(), ANSWER_TIMEOUT_MS);
    }
    return answer;
  } catch {
    return undefined;
  }
}
