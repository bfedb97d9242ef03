import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readDailymotion } from '@/lib/platforms/dailymotion/reader';

// Built as an ES module (wxt.config.ts) and imported by dailymotion.content.ts on account pages only.
export default defineUnlistedScript(() => readDailymotion);
