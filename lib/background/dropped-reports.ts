import { storage } from 'wxt/utils/storage';

/**
 * Page reports the background refused (see validate-report.ts), counted for this browser session
 * so that the popup can say so. In session storage: the page reader cannot reach it (Chrome's
 * default access level), and it is gone with the session like the tab states.
 */
export interface DroppedReports {
  count: number;
  /** Why the last one was refused (English, for diagnostics). */
  lastReason?: string;
}

const item = storage.defineItem<DroppedReports>('session:dropped-reports', { fallback: { count: 0 } });

// One update at a time: two refusals arriving together must both be counted.
let queue: Promise<unknown> = Promise.resolve();

export function countDroppedReport(reason: string): Promise<void> {
  const next = queue.then(async () => {
    const { count } = await getDroppedReports();
    await item.setValue({ count: count + 1, lastReason: reason.slice(0, 200) });
  });
  queue = next.catch(() => {});
  return next;
}

export async function getDroppedReports(): Promise<DroppedReports> {
  const value = await item.getValue().catch(() => undefined);
  return value && Number.isSafeInteger(value.count) && value.count >= 0 ? value : { count: 0 };
}
