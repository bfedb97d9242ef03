import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { threads } from '@/lib/platforms/threads/url';

// threads's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-threads.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(threads, readerLoader('/reader-threads.js')));
