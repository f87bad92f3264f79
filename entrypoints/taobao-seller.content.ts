import { hostPatternsOf } from '@/lib/adapters/lookup';
import { taobaoSellerPages } from '@/lib/adapters/taobao/seller-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: Taobao/Tmall seller backend pages only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(taobaoSellerPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, taobaoSellerPages),
});
