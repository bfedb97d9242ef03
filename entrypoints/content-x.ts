import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { x } from '@/lib/platforms/x/url';

// x's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-x.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(x, readerLoader('/reader-x.js')));
