import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readTikTok } from '@/lib/platforms/tiktok/reader';
import { tiktok } from '@/lib/platforms/tiktok/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...tiktok.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, tiktok, readTikTok),
});
