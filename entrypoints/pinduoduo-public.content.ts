import { hostPatternsOf } from '@/lib/adapters/lookup';
import { pinduoduoPublicPages } from '@/lib/adapters/pinduoduo/public-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: Pinduoduo listings and search results only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(pinduoduoPublicPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, pinduoduoPublicPages),
});
