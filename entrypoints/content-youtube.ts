import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { youtube } from '@/lib/platforms/youtube/url';

// youtube's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-youtube.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(youtube, readerLoader('/reader-youtube.js')));
