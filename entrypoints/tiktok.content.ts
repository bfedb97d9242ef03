import { defineContentScript } from 'wxt/utils/define-content-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { tiktok } from '@/lib/platforms/tiktok/url';

// One content script per platform, so that a page only loads its own platform's grammar; the reader
// (entrypoints/reader-tiktok.ts) is loaded only on account pages.
export default defineContentScript({
  matches: [...tiktok.matches],
  runAt: 'document_idle',
  // No window.postMessage naming the extension to the page (lib/content/README.md).
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx, tiktok, readerLoader('/reader-tiktok.js')),
});
