import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readYouTube } from '@/lib/platforms/youtube/reader';

// Injected by the background into youtube account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('youtube', readYouTube));
