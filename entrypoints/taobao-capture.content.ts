import { taobaoAdapters } from '@/lib/adapters/taobao';
import { hostPatternsOf } from '@/lib/adapters/lookup';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: the taobao adapters only, so this bundle carries no other platform's code.
export default defineContentScript({
  matches: hostPatternsOf(taobaoAdapters),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, taobaoAdapters),
});
