import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { mastodon } from '@/lib/platforms/mastodon/url';

// mastodon's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-mastodon.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(mastodon, readerLoader('/reader-mastodon.js')));
