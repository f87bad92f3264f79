import { hostPatternsOf } from '@/lib/adapters/lookup';
import { douyinPublicPages } from '@/lib/adapters/douyin/public-pages';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: Douyin listings and search results only, so this bundle carries no other adapters' code.
export default defineContentScript({
  matches: hostPatternsOf(douyinPublicPages),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, douyinPublicPages),
});
