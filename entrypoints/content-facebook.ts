import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { facebook } from '@/lib/platforms/facebook/url';

// facebook's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-facebook.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(facebook, readerLoader('/reader-facebook.js')));
