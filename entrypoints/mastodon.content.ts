import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readMastodon } from '@/lib/platforms/mastodon/reader';
import { mastodon } from '@/lib/platforms/mastodon/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...mastodon.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, mastodon, readMastodon),
});
