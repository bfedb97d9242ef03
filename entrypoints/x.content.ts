import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readX } from '@/lib/platforms/x/reader';
import { x } from '@/lib/platforms/x/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...x.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, x, readX),
});
