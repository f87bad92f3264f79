import { hostPatternsOf } from '@/lib/adapters/lookup';
import { pinduoduoSellerPages } from '@/lib/adapters/pinduoduo/seller-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: Pinduoduo seller backend pages only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(pinduoduoSellerPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, pinduoduoSellerPages),
});
