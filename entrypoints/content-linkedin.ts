import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readerLoader } from '@/lib/content/load-reader';
import { startContentScript } from '@/lib/content/start';
import { linkedin } from '@/lib/platforms/linkedin/url';

// linkedin's content script (declared in the manifest from the platform registry, wxt.config.ts): its
// grammar only; the reader (entrypoints/reader-linkedin.ts) is loaded on account pages only.
export default defineUnlistedScript(() => startContentScript(linkedin, readerLoader('/reader-linkedin.js')));
