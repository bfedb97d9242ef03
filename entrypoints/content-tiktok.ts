import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { tiktok } from '@/lib/platforms/tiktok/url';

// tiktok's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-tiktok.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(tiktok, readerLoader('/reader-tiktok.js')));
