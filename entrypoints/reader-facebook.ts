import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readFacebook } from '@/lib/platforms/facebook/reader';

// Injected by the background into facebook account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('facebook', readFacebook));
