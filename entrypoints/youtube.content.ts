import { defineContentScript } from 'wxt/utils/define-content-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { youtube } from '@/lib/platforms/youtube/url';

// One content script per platform, so that a page only loads its own platform's grammar; the reader
// (entrypoints/reader-youtube.ts) is loaded only on account pages.
export default defineContentScript({
  matches: [...youtube.matches],
  runAt: 'document_idle',
  // No window.postMessage naming the extension to the page (lib/content/README.md).
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, youtube, readerLoader('/reader-youtube.js')),
});
