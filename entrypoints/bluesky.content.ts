import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readBluesky } from '@/lib/platforms/bluesky/reader';
import { bluesky } from '@/lib/platforms/bluesky/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...bluesky.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, bluesky, readBluesky),
});
