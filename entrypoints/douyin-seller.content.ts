import { hostPatternsOf } from '@/lib/adapters/lookup';
import { douyinSellerPages } from '@/lib/adapters/douyin/seller-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: Douyin seller backend pages only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(douyinSellerPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, douyinSellerPages),
});
