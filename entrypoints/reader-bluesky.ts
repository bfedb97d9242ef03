import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readBluesky } from '@/lib/platforms/bluesky/reader';

// Injected by the background into bluesky account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('bluesky', readBluesky));
