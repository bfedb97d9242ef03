import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { youtubePage } from '@/lib/platforms/youtube/page';

// Injected by the background into youtube account pages only (lib/background/page-readings.ts). Only the
// half of the reader that gathers runs in the page; the background interprets (platforms/gathering.ts).
export default defineUnlistedScript(() => void installPageReader('youtube', youtubePage));
