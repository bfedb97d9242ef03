import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { readLinkedIn } from '@/lib/platforms/linkedin/reader';
import { linkedin } from '@/lib/platforms/linkedin/url';

// One content script per platform, so that a page only loads its own platform's grammar and reader.
export default defineContentScript({
  matches: [...linkedin.matches],
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, linkedin, readLinkedIn),
});
