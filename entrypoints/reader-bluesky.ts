import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readBluesky } from '@/lib/platforms/bluesky/reader';

// Built as an ES module (wxt.config.ts) and imported by bluesky.content.ts on account pages only.
export default defineUnlistedScript(() => readBluesky);
