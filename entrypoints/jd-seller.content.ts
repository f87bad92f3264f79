import { hostPatternsOf } from '@/lib/adapters/lookup';
import { jdSellerPages } from '@/lib/adapters/jd/seller-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: JD seller backend pages only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(jdSellerPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, jdSellerPages),
});
