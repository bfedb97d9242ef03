import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readLinkedIn } from '@/lib/platforms/linkedin/reader';

// Injected by the background into linkedin account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('linkedin', readLinkedIn));
