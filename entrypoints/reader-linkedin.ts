import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readLinkedIn } from '@/lib/platforms/linkedin/reader';

// Built as an ES module (wxt.config.ts) and imported by linkedin.content.ts on account pages only.
export default defineUnlistedScript(() => readLinkedIn);
