import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/components/App';
import { pickLang } from '@/lib/i18n';
import { loadPopupModel } from '@/lib/popup-data';

const lang = pickLang(browser.i18n.getUILanguage());
document.documentElement.lang = lang;
const root = document.getElementById('app');
if (root) {
  loadPopupModel()
    .then((model) => render(<App model={model} lang={lang} />, root))
    .catch((error: unknown) => render(<App model={{ kind: 'other' }} lang={lang} error={String(error)} />, root));
}
