import { browser } from 'wxt/browser';
import { recordObservation } from '../history/store';
import { getPlatform } from '../platforms/registry';
import type { PlatformId } from '../platforms/types';
import type { RefreshPorts } from './driver';
import { countLoad, loadJob, saveJob } from './store';

/** Whether a URL is on one of the platform's hosts (its host patterns, `*://host/*`). */
export function onPlatformHost(platform: PlatformId, url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    host = parsed.hostname;
  } catch {
    return false;
  }
  return (getPlatform(platform)?.matches ?? []).some((pattern) => {
    const h = /^\*:\/\/([^/]+)\//.exec(pattern)?.[1];
    if (!h) return false;
    return h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h;
  });
}

/**
 * Opens the job's one tab: in a separate minimized, unfocused window where the browser allows it
 * (so that the user's own windows stay as they are), else as an inactive tab. Some browsers
 * refuse `state: 'minimized'` with `focused: false`, or have no windows at all.
 */
async function openTab(url: string): Promise<{ tabId: number; windowId: number | null }> {
  const attempts = [
    { url, focused: false, state: 'minimized' as const },
    { url, focused: false },
  ];
  if (browser.windows?.create) {
    for (const options of attempts) {
      try {
        const win = await browser.windows.create(options);
        const tabId = win?.tabs?.[0]?.id;
        if (tabId !== undefined && win?.id !== undefined) return { tabId, windowId: win.id };
        if (win?.id !== undefined) await browser.windows.remove(win.id).catch(() => undefined);
      } catch {
        // Refused here: try the next way.
      }
    }
  }
  const tab = await browser.tabs.create({ url, active: false });
  if (tab.id === undefined) throw new Error('no tab id');
  return { tabId: tab.id, windowId: null };
}

/**
 * `beforeNavigate` is told just before the job's tab is sent to the next peer: the background's page
 * reading then drops any late answer of the page being left (lib/background/page-readings.ts).
 */
export function browserPorts(
  clock: () => Date,
  onRecorded: () => void,
  beforeNavigate: (tabId: number) => void = () => {},
): RefreshPorts {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    now: () => clock().getTime(),
    random: () => Math.random(),
    online: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    setTimer(ms, fire) {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    clearTimer() {
      clearTimeout(timer);
      timer = undefined;
    },
    openTab,
    async navigateTab(tabId, url) {
      beforeNavigate(tabId);
      await browser.tabs.update(tabId, { url });
    },
    async closeTab(tabId, windowId) {
      // Closing the tab closes its window when it was the window's only tab; a window the user
      // has since put other tabs in stays open.
      if (tabId !== null) await browser.tabs.remove(tabId);
      else if (windowId !== null) await browser.windows.remove(windowId);
    },
    tabExists: (tabId) =>
      browser.tabs.get(tabId).then(
        () => true,
        () => false,
      ),
    async tabOnPlatform(tabId, platform) {
      const tab = await browser.tabs.get(tabId);
      return onPlatformHost(platform, tab.url ?? tab.pendingUrl);
    },
    loadJob,
    saveJob,
    countLoad: (job) => countLoad(job.platform, clock()),
    async record(job, effect) {
      await recordObservation({
        entityId: effect.entity,
        platform: job.platform,
        key: effect.key,
        metric: effect.metric,
        value: effect.value,
        precision: effect.precision,
        at: effect.at,
        url: effect.url,
        origin: 'refreshed',
        jobId: job.id,
      });
      onRecorded();
    },
  };
}
