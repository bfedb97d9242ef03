import type { PageReport } from '../content/messages';
import { interpretGathered } from '../platforms/gathering';
import { detectAccount } from '../platforms/registry';
import type { AccountRef } from '../platforms/types';

/**
 * When to read a tab's page, decided from the browser's tab events alone. Civiscope declares no
 * content script: a page that is not an account runs none of its code. When a tab's URL becomes an
 * account (a load or an in-app navigation), the page is read by the platform's reader, injected
 * into that page only (`readInTab`, see page-readings-browser.ts); the account is announced
 * without its figure if the reading takes longer than `announceAfterMs`.
 * One reading per tab and URL; a newer URL or a new document supersedes the reading in flight, whose
 * answer is then dropped.
 */

export interface ReadingPorts {
  /** The page's answer (untrusted, see lib/content/in-page.ts), or undefined when it could not be asked. */
  readInTab(tabId: number, account: AccountRef, url: string): Promise<unknown>;
  /** A report for the tab, handled like any other (checked, then stored, badged, recorded). */
  deliver(tabId: number, report: PageReport): Promise<void>;
  /**
   * How long a reading may take before the account is announced without its figure (ms). A page
   * whose figure is there is reported once, with it: the badge shows the rank at once, and the
   * background does not compete with the page's own loading while it is read.
   */
  announceAfterMs?: number;
}

/** What the handler needs of `tabs.onUpdated`'s arguments. */
export interface TabChange {
  url?: string;
  status?: string;
}

const ANNOUNCE_AFTER_MS = 400;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function pageReadings(ports: ReadingPorts): {
  onUpdated(tabId: number, change: TabChange, tab: { url?: string; status?: string }): Promise<void>;
  onRemoved(tabId: number): void;
  /**
   * Forgets the tab's reading: the extension is about to navigate it (the group refresh), and an
   * answer of the page it leaves must not arrive as the next page's.
   */
  forget(tabId: number): void;
} {
  // tab → the URL read (or being read) in its current document, and which request it was.
  const reading = new Map<number, { url: string; request: number }>();
  let requests = 0;

  return {
    async onUpdated(tabId, change, tab) {
      // A new document is loading (also a reload of the same URL): what was read is gone with it.
      if (change.status === 'loading' && !change.url) reading.delete(tabId);
      // The URL is known at commit (`change.url`); a document loaded without a URL change (a reload)
      // is read once it is complete.
      const url = change.url ?? (change.status === 'complete' ? tab.url : undefined);
      if (!url) return;
      const account = detectAccount(url);
      if (!account) return void reading.delete(tabId);
      if (reading.get(tabId)?.url === url) return;
      const request = ++requests;
      reading.set(tabId, { url, request });
      const current = () => reading.get(tabId)?.request === request;
      let announced = false;
      const announce = async () => {
        if (announced || !current()) return;
        announced = true;
        await ports.deliver(tabId, { type: 'civiscope:page', url, account });
      };
      const answering = ports.readInTab(tabId, account, url);
      const late = setTimeout(() => void announce(), ports.announceAfterMs ?? ANNOUNCE_AFTER_MS);
      const answer = await answering;
      clearTimeout(late);
      if (!current()) return;
      // The page left the URL while it was read (its next URL, if any, is read on its own).
      if (isObject(answer) && answer.superseded === true) return;
      // A gathering reader's page sends what it gathered: it is interpreted here, out of the page.
      const interpreted =
        isObject(answer) && 'gathered' in answer ? interpretGathered(account, answer.gathered) : undefined;
      if (!isObject(answer) || !(interpreted || 'reading' in answer)) {
        // Asked too early (the old document) or not at all: the next event for this tab asks
        // again. The URL still says which account this is.
        await announce();
        if (current()) reading.delete(tabId);
        return;
      }
      await ports.deliver(tabId, {
        type: 'civiscope:page',
        url,
        account,
        reading: interpreted ?? (answer.reading as PageReport['reading']),
        readAt: answer.readAt as number,
        signals: answer.signals as PageReport['signals'],
      });
    },
    onRemoved(tabId) {
      reading.delete(tabId);
    },
    forget(tabId) {
      reading.delete(tabId);
    },
  };
}
