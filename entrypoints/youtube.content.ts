import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readYouTube } from '@/lib/platforms/youtube/reader';
import { youtube } from '@/lib/platforms/youtube/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...youtube.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, youtube, readYouTube),
});
