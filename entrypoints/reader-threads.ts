import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readThreads } from '@/lib/platforms/threads/reader';

// Built as an ES module (wxt.config.ts) and imported by threads.content.ts on account pages only.
export default defineUnlistedScript(() => readThreads);
