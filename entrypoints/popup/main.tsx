import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/components/App';
import { watchTabState } from '@/lib/background/tab-state';
import { chooseLang, type Lang } from '@/lib/i18n';
import { watchOverlay } from '@/lib/overlay/store';
import { startLiveView } from '@/lib/popup/live-view';
import { failedData, loadPopupDataFor, targetTab } from '@/lib/popup/popup-data';
import { getLanguageChoice } from '@/lib/settings/settings';

performance.mark('civiscope:start');
// The language setting (dashboard) is read once, alongside the popup's data.
const langReady: Promise<Lang> = getLanguageChoice().then((choice) => {
  const lang = chooseLang(choice, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  return lang;
});
const root = document.getElementById('app');

const tabUrlChanged = (tabId: number, onChange: () => void) =>
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && change.url) onChange();
  });

// The page's figure may arrive after the popup opened: show it as soon as the background has it.
void startLiveView({
  findTab: () => targetTab(location.search),
  load: async (tab) => ({ data: await loadPopupDataFor(tab, await langReady), lang: await langReady }),
  render: ({ data, lang }) => {
    performance.mark('civiscope:data');
    if (root) render(<App data={data} lang={lang} />, root);
    // Lets the popup benchmark (scripts/bench-popup.ts) measure opening → comparison rendered.
    performance.mark('civiscope:rendered');
  },
  fail: (error) =>
    void langReady.then((lang) => root && render(<App data={failedData()} lang={lang} error={String(error)} />, root)),
  watchTab: (tabId, onChange) => {
    watchTabState(tabId, onChange);
    // The popup shows a tab's state only for the URL it was reported for: follow the URL too.
    tabUrlChanged(tabId, onChange);
  },
  // An account added or removed (here or in another window) changes what the popup shows.
  watchOther: watchOverlay,
});
