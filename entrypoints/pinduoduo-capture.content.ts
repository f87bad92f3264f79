import { pinduoduoAdapters } from '@/lib/adapters/pinduoduo';
import { hostPatternsOf } from '@/lib/adapters/lookup';
import { runCaptureContentScript } from '@/lib/content/main';

// Thin wiring: the pinduoduo adapters only, so this bundle carries no other platform's code.
export default defineContentScript({
  matches: hostPatternsOf(pinduoduoAdapters),
  runAt: 'document_start',
  main: (ctx) => runCaptureContentScript(ctx, pinduoduoAdapters),
});
