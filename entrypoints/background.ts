import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background/start';
import { loadShippedIndex } from '@/lib/dataset/shipped';
import { pickLang } from '@/lib/i18n';

export default defineBackground(() => {
  startBackground(loadShippedIndex, pickLang(browser.i18n.getUILanguage()));
});
