import { browser } from 'wxt/browser';
import { compareAccountOnScreen } from '../compare/account';
import { headline } from '../compare/headline';
import type { PageReport } from '../content/messages';
import type { DatasetIndex } from '../dataset/lookup';
import { loadObservations, recordObservation } from '../history/store';
import { chooseLang, type Lang, translator } from '../i18n';
import { entityName } from '../i18n/format';
import { detectAccount } from '../platforms/registry';
import { startRefreshService } from '../refresh/service';
import { cohortPreference, getCohortChoice } from '../settings/preferences';
import {
  badgePreference,
  getBadgeEnabled,
  getHistoryLimit,
  getLanguageChoice,
  languagePreference,
} from '../settings/settings';
import { type BadgeState, badgeFor } from './badge';
import { countDroppedReport } from './dropped-reports';
import { pageReadings, type ReadingPorts } from './page-readings';
import { readInTab } from './page-readings-browser';
import { clearTabState, getTabState, setTabState, type TabState, tabsWithState } from './tab-state';
import { type ReportSender, validateReport } from './validate-report';

/** Wires the background's listeners. Called from the background entrypoint's main(). */
export function startBackground(
  loadIndex: () => Promise<DatasetIndex>,
  lang: Lang,
  clock: () => Date = () => new Date(),
  /** Subscribes to changes of the index (the user's overlay changed): every tab is looked up again. */
  onIndexChange?: (listener: () => void) => void,
  /** Reads an account page in a tab (page-readings-browser.ts; tests pass a fake page). */
  readPage: ReadingPorts['readInTab'] = readInTab,
): void {
  const t = translator(lang);
  // Reports of one tab are handled one after the other: a late "page" report must never
  // overwrite the reading that followed it.
  const queues = new Map<number, Promise<void>>();
  const enqueue = (tabId: number, work: () => Promise<void>) => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    queues.set(tabId, next);
    return next;
  };

  async function updateBadge(tabId: number, state: TabState): Promise<void> {
    // The interface language set in the dashboard, else the browser's (`lang`).
    const shown = chooseLang(await getLanguageChoice(), lang);
    const t = translator(shown);
    const index = await loadIndex();
    const { account, reading, readAt } = state.report;
    const entity = state.entityId ? index.entity(state.entityId) : undefined;
    let rank: number | null | undefined;
    let title = t('action.title');
    if (entity && account) {
      // The same inputs as the popup's, so that the badge and the popup always agree.
      const comparison = compareAccountOnScreen({
        dataset: index.dataset,
        entityId: entity.id,
        account,
        reading,
        readAt,
        observations: (await loadObservations()).entries,
        cohort: await getCohortChoice(),
        now: clock(),
      });
      // A rank among one is no rank: the badge then keeps the group code.
      rank = comparison && comparison.ranked >= 2 ? comparison.rank : undefined;
      // The toolbar button's tooltip says in words what the badge says in a few letters.
      title = `${entityName(entity, shown)} — ${comparison ? headline(comparison, shown).rank : t(`group.${entity.group}`)}`;
    }
    // Badge switched off in the dashboard's settings: the tooltip still says it in words.
    const badge: BadgeState = (await getBadgeEnabled()) ? badgeFor(entity?.group, t, rank) : { text: '' };
    await browser.action.setBadgeText({ tabId, text: badge.text });
    await browser.action.setTitle({ tabId, title });
    if (badge.colour) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
  }

  async function applyReport(tabId: number, report: PageReport): Promise<void> {
    const index = await loadIndex();
    const match = report.account ? index.account(report.account.platform, report.account.key) : undefined;
    const state: TabState = { url: report.url, report, entityId: match?.entity.id };
    await setTabState(tabId, state);
    const reading = report.reading;
    if (match && report.account && reading?.value !== undefined && reading.metric && reading.precision) {
      // Only listed accounts are remembered: the history is about the benchmark, not the user's browsing.
      await recordObservation(
        {
          entityId: match.entity.id,
          platform: report.account.platform,
          key: report.account.key,
          metric: reading.metric,
          value: reading.value,
          precision: reading.precision,
          at: new Date(report.readAt ?? clock().getTime()).toISOString(),
          url: report.url,
          origin: 'visit',
        },
        await getHistoryLimit(),
      );
    }
    await updateBadge(tabId, state);
  }

  async function clearTab(tabId: number): Promise<void> {
    await clearTabState(tabId);
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: t('action.title') }),
    ]).catch(() => {
      // The tab may be gone already.
    });
  }

  // Every badge follows the newest figures (the cohort choice changed, a group refresh read a page).
  async function updateAllBadges(): Promise<void> {
    for (const tabId of await tabsWithState()) {
      void enqueue(tabId, async () => {
        const state = await getTabState(tabId);
        if (state) await updateBadge(tabId, state);
      });
    }
  }

  // The group refresh (lib/refresh) reads its own tab's reports; that tab is not the user's visit.
  // The job's tab moves from peer to peer: a late answer of the page it leaves is not the next one's.
  const refresh = startRefreshService(
    loadIndex,
    clock,
    () => void updateAllBadges(),
    (tabId) => readings.forget(tabId),
  );

  const drop = (reason: string) => {
    console.warn(`Civiscope: page report dropped (${reason})`);
    return countDroppedReport(reason).catch(() => {});
  };

  /**
   * What a page answered is only a claim made by code running inside a page the page's own scripts
   * can reach: it is checked (account re-derived from the tab's URL as the browser gives it, every
   * field of the reading) before any use.
   */
  const deliver = (tabId: number, report: PageReport) =>
    enqueue(tabId, async () => {
      const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
      // The URL the page was read at: the tab's URL as tabs.onUpdated gave it (page-readings.ts).
      const sender: ReportSender = { id: self.id, url: report.url, frameId: 0, tab: { id: tabId, url: report.url } };
      const verdict = validateReport(report, sender, self, clock().getTime());
      if (!verdict.ok) return void (await drop(verdict.reason));
      if (!(await refresh.claimReport(tabId, verdict.report))) await applyReport(tabId, verdict.report);
    });

  // Civiscope declares no content script: the tab's URL says when a page is an account, and only
  // then is the platform's reader injected into it (page-readings.ts).
  const readings = pageReadings({ readInTab: readPage, deliver });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    void readings.onUpdated(tabId, changeInfo, tab);
    // A new document is loading. Where we have no host permission the URL is hidden from us,
    // which means the tab left the supported platforms: forget what we knew.
    if (changeInfo.status === 'loading') {
      const url = changeInfo.url ?? tab.url;
      void enqueue(tabId, async () => {
        const state = await getTabState(tabId);
        if (state && state.url !== url) await clearTab(tabId);
      });
      return;
    }
    // An in-app navigation to a page that is not an account: nothing is read there, the browser's
    // URL says it. The tab may already be on the next account, whose report came first: only its
    // current URL counts.
    const url = changeInfo.url;
    if (!url || detectAccount(url)) return;
    void enqueue(tabId, async () => {
      const state = await getTabState(tabId);
      if (!state || state.url === url) return;
      const current = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
      if (current && detectAccount(current)) return;
      await clearTab(tabId);
    });
  });

  // Tabs already open when Civiscope is installed or updated were never read (nothing of ours ran in
  // them): each account tab is read once, as if it had just loaded, so its badge shows without a
  // reload. Only then: a service worker that merely restarts reads nothing again.
  browser.runtime.onInstalled.addListener(() => {
    void browser.tabs
      .query({})
      .then((tabs) => {
        for (const tab of tabs)
          if (tab.id !== undefined && tab.url && tab.status !== 'loading')
            void readings.onUpdated(tab.id, { status: 'complete' }, tab);
      })
      .catch(() => {
        // No tab to read: nothing lost, each is read at its next load.
      });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    readings.onRemoved(tabId);
    queues.delete(tabId);
    void clearTabState(tabId);
  });

  // The user switched the cohort in the popup (every badge's rank may change), the badge on or off,
  // or the interface language (group codes and tooltips are words).
  cohortPreference.watch(updateAllBadges);
  badgePreference.watch(updateAllBadges);
  languagePreference.watch(updateAllBadges);

  // The user added or removed an account: an open tab may now be (or no longer be) a listed account.
  onIndexChange?.(async () => {
    for (const tabId of await tabsWithState()) {
      void enqueue(tabId, async () => {
        const state = await getTabState(tabId);
        if (!state) return;
        const index = await loadIndex();
        const account = state.report.account;
        const entityId = account ? index.account(account.platform, account.key)?.entity.id : undefined;
        const next = { ...state, entityId };
        if (entityId !== state.entityId) await setTabState(tabId, next);
        await updateBadge(tabId, next);
      });
    }
  });
}
