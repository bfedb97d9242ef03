import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readFlickr } from '@/lib/platforms/flickr/reader';
import { flickr } from '@/lib/platforms/flickr/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...flickr.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, flickr, readFlickr),
});
