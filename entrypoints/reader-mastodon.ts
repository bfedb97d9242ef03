import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readMastodon } from '@/lib/platforms/mastodon/reader';

// Built as an ES module (wxt.config.ts) and imported by mastodon.content.ts on account pages only.
export default defineUnlistedScript(() => readMastodon);
