import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readInstagram } from '@/lib/platforms/instagram/reader';

// Injected by the background into instagram account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('instagram', readInstagram));
