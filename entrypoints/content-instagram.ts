import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { instagram } from '@/lib/platforms/instagram/url';

// instagram's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-instagram.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(instagram, readerLoader('/reader-instagram.js')));
