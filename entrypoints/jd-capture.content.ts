import { jdAdapters } from '@/lib/adapters/jd';
import { hostPatternsOf } from '@/lib/adapters/lookup';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: the jd adapters only, so this bundle carries no other platform's code.
export default defineContentScript({
  matches: hostPatternsOf(jdAdapters),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, jdAdapters),
});
