import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readX } from '@/lib/platforms/x/reader';

// Injected by the background into x account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('x', readX));
