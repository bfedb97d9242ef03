import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readThreads } from '@/lib/platforms/threads/reader';
import { threads } from '@/lib/platforms/threads/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...threads.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, threads, readThreads),
});
