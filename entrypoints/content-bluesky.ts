import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { bluesky } from '@/lib/platforms/bluesky/url';

// bluesky's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-bluesky.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(bluesky, readerLoader('/reader-bluesky.js')));
