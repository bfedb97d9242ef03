import { browser } from 'wxt/browser';
import { compareAccountOnScreen } from '../compare/account';
import type { PageReport } from '../content/messages';
import type { DatasetIndex } from '../dataset/lookup';
import { loadObservations } from '../history/store';
import { detectAccount } from '../platforms/registry';
import { browserPorts, onPlatformHost } from './browser-ports';
import { RefreshDriver } from './driver';
import { isRefreshCancel, isRefreshStart, type RefreshStartMessage } from './messages';
import { getDelayMs, loadsLeftToday } from './store';
import { refreshTargets } from './targets';
import type { PageSeen, RefreshJob } from './types';

export interface RefreshService {
  /** Hands a page report to the job when it comes from the job's tab; true if it did. */
  claimReport(tabId: number, report: PageReport): Promise<boolean>;
}

/** Reply to a start message: the job (new or the one already running), or why there is none. */
export type StartReply = { ok: true; started: boolean; job: RefreshJob } | { ok: false; error: 'unknown-account' };

/**
 * The background side of the group refresh: the popup's messages, the tab listeners, and the
 * resume after a service-worker restart. Called once from lib/background/start.ts.
 */
export function startRefreshService(
  loadIndex: () => Promise<DatasetIndex>,
  clock: () => Date,
  onRecorded: () => void,
  /** Called just before the job sends its tab to the next peer (see browser-ports.ts). */
  beforeNavigate?: (tabId: number) => void,
): RefreshService {
  const driver = new RefreshDriver(browserPorts(clock, onRecorded, beforeNavigate));

  async function start(message: RefreshStartMessage): Promise<StartReply> {
    const index = await loadIndex();
    const comparison = compareAccountOnScreen({
      dataset: index.dataset,
      entityId: message.entityId,
      account: { platform: message.platform, page: 'profile', key: message.key },
      observations: (await loadObservations()).entries,
      cohort: message.cohort,
      now: clock(),
    });
    if (!comparison) return { ok: false, error: 'unknown-account' };
    const result = await driver.start(
      {
        id: `${clock().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        platform: message.platform,
        from: message.entityId,
        cohort: message.cohort,
        peers: refreshTargets(comparison, message.withSelf === true),
        delayMs: await getDelayMs(),
      },
      () => loadsLeftToday(message.platform, clock()),
    );
    return { ok: true, ...result };
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isRefreshStart(message)) return start(message);
    if (isRefreshCancel(message)) return driver.dispatch({ type: 'cancel' }).then(() => ({ ok: true }));
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void driver.dispatch({ type: 'tab-removed', tabId });
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // Only a URL we can see counts: a tab that left for a page we hold no permission for shows
    // none, and the page timeout then finds it gone from the platform.
    if (!changeInfo.url || !/^https?:/.test(changeInfo.url)) return;
    const url = changeInfo.url;
    void driver.currentTab().then((current) => {
      if (current?.tabId !== tabId) return;
      if (!onPlatformHost(current.platform, url)) return void driver.dispatch({ type: 'tab-left', tabId });
      // A page of the platform that is not an account (a login wall, a redirect): no reader is
      // injected there (lib/background/page-readings.ts); the job learns it from the URL.
      if (!detectAccount(url)) void driver.report(tabId, { url, account: null });
    });
  });

  void driver.resume();

  return {
    claimReport(tabId, report) {
      const page: PageSeen = {
        url: report.url,
        account: report.account ? { platform: report.account.platform, key: report.account.key } : null,
        reading: report.reading,
        readAt: report.readAt,
        loginWall: report.signals?.loginWall,
        httpStatus: report.signals?.httpStatus,
        unavailable: report.signals?.unavailable,
      };
      return driver.report(tabId, page);
    },
  };
}
