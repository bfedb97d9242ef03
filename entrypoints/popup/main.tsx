import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/components/App';
import { watchTabState } from '@/lib/background/tab-state';
import { chooseLang, type Lang } from '@/lib/i18n';
import { watchOverlay } from '@/lib/overlay/store';
import { failedData, loadPopupData } from '@/lib/popup/popup-data';
import { getLanguageChoice } from '@/lib/settings/settings';

performance.mark('civiscope:start');
// The language setting (dashboard) is read once, alongside the popup's data.
const langReady: Promise<Lang> = getLanguageChoice().then((choice) => {
  const lang = chooseLang(choice, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  return lang;
});
const root = document.getElementById('app');

async function show(): Promise<number | undefined> {
  if (!root) return undefined;
  const lang = await langReady;
  try {
    const data = await loadPopupData(location.search, lang);
    performance.mark('civiscope:data');
    render(<App data={data} lang={lang} />, root);
    // Lets the popup benchmark (scripts/bench-popup.ts) measure opening → comparison rendered.
    performance.mark('civiscope:rendered');
    return data.tabId;
  } catch (error) {
    render(<App data={failedData()} lang={lang} error={String(error)} />, root);
    return undefined;
  }
}

// The page's figure may arrive after the popup opened: show it as soon as the background has it.
void show().then((tabId) => {
  if (tabId !== undefined) watchTabState(tabId, () => void show());
});
// An account added or removed (here or in another window) changes what the popup shows.
watchOverlay(() => void show());
