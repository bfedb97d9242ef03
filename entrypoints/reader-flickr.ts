import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readFlickr } from '@/lib/platforms/flickr/reader';

// Injected by the background into flickr account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('flickr', readFlickr));
