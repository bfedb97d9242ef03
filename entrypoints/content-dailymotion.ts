import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { dailymotion } from '@/lib/platforms/dailymotion/url';

// dailymotion's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-dailymotion.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(dailymotion, readerLoader('/reader-dailymotion.js')));
