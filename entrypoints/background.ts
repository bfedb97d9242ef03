import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/background';
import { bundledIndex } from '@/lib/dataset/bundled';
import { pickLang } from '@/lib/i18n';

export default defineBackground(() => {
  startBackground(bundledIndex(), pickLang(browser.i18n.getUILanguage()));
});
