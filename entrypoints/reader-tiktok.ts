import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readTikTok } from '@/lib/platforms/tiktok/reader';

// Injected by the background into tiktok account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('tiktok', readTikTok));
