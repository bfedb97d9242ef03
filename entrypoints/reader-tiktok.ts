import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readTikTok } from '@/lib/platforms/tiktok/reader';

// Built as an ES module (wxt.config.ts) and imported by tiktok.content.ts on account pages only.
export default defineUnlistedScript(() => readTikTok);
