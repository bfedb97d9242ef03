import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readDailymotion } from '@/lib/platforms/dailymotion/reader';
import { dailymotion } from '@/lib/platforms/dailymotion/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...dailymotion.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, dailymotion, readDailymotion),
});
