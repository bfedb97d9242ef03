import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readThreads } from '@/lib/platforms/threads/reader';

// Injected by the background into threads account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('threads', readThreads));
