import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageReader } from '@/lib/content/in-page';
import { readMastodon } from '@/lib/platforms/mastodon/reader';

// Injected by the background into mastodon account pages only (lib/background/page-readings.ts).
export default defineUnlistedScript(() => void installPageReader('mastodon', readMastodon));
