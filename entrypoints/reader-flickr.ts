import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFlickr } from '@/lib/platforms/flickr/reader';

// Built as an ES module (wxt.config.ts) and imported by flickr.content.ts on account pages only.
export default defineUnlistedScript(() => readFlickr);
