import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFacebook } from '@/lib/platforms/facebook/reader';

// Built as an ES module (wxt.config.ts) and imported by facebook.content.ts on account pages only.
export default defineUnlistedScript(() => readFacebook);
