import { hostPatternsOf } from '@/lib/adapters/lookup';
import { taobaoPublicPages } from '@/lib/adapters/taobao/public-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: Taobao/Tmall listings and search results only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(taobaoPublicPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, taobaoPublicPages),
});
