import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { flickr } from '@/lib/platforms/flickr/url';

// flickr's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-flickr.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(flickr, readerLoader('/reader-flickr.js')));
