import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readX } from '@/lib/platforms/x/reader';

// Built as an ES module (wxt.config.ts) and imported by x.content.ts on account pages only.
export default defineUnlistedScript(() => readX);
