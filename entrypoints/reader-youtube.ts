import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readYouTube } from '@/lib/platforms/youtube/reader';

// Built as an ES module (wxt.config.ts) and imported by youtube.content.ts on account pages only.
export default defineUnlistedScript(() => readYouTube);
