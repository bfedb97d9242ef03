import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readInstagram } from '@/lib/platforms/instagram/reader';
import { instagram } from '@/lib/platforms/instagram/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...instagram.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, instagram, readInstagram),
});
