import { douyinAdapters } from '@/lib/adapters/douyin';
import { hostPatternsOf } from '@/lib/adapters/lookup';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: the douyin adapters only, so this bundle carries no other platform's code.
export default defineContentScript({
  matches: hostPatternsOf(douyinAdapters),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, douyinAdapters),
});
