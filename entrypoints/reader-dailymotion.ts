import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readDailymotion } from '@/lib/platforms/dailymotion/reader';

// Injected by the background into dailymotion account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('dailymotion', readDailymotion));
