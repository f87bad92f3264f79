import { hostPatternsOf } from '@/lib/adapters/lookup';
import { jdPublicPages } from '@/lib/adapters/jd/public-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: JD listings and search results only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(jdPublicPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, jdPublicPages),
});
