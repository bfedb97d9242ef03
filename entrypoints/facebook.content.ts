import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readFacebook } from '@/lib/platforms/facebook/reader';
import { facebook } from '@/lib/platforms/facebook/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...facebook.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, facebook, readFacebook),
});
