import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readInstagram } from '@/lib/platforms/instagram/reader';

// Built as an ES module (wxt.config.ts) and imported by instagram.content.ts on account pages only.
export default defineUnlistedScript(() => readInstagram);
