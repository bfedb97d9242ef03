import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background/start';
import { pickLang } from '@/lib/i18n';
import { overlayIndexLoader } from '@/lib/overlay/merged';

export default defineBackground(() => {
  const lang = pickLang(browser.i18n.getUILanguage());
  // The bundled dataset merged with the user's additions, rebuilt whenever they change.
  const index = overlayIndexLoader(lang);
  startBackground(index.load, lang, undefined, index.onChange);
});
