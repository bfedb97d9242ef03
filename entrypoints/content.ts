import { startContentScript } from '@/lib/content';
import { contentScriptMatches } from '@/lib/platforms/registry';

export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx);
  },
});
