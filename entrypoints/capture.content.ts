import { browser } from 'wxt/browser';
import { adapterHostPatterns } from '@/lib/adapters/hosts';
import { startCaptureLoop } from '@/lib/content/capture-loop';

// Thin wiring: the loop (lib/content/capture-loop.ts) decides when a page is read and sent.
// Timers go through ctx so nothing fires after the extension reloads or updates.
export default defineContentScript({
  matches: adapterHostPatterns,
  runAt: 'document_idle',
  main(ctx) {
    const loop = startCaptureLoop({
      document,
      currentUrl: () => location.href,
      send: (message) => browser.runtime.sendMessage(message),
      timers: {
        now: () => Date.now(),
        setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
        clearTimeout: (handle) => clearTimeout(handle as number),
      },
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => loop.locationChanged());
    ctx.onInvalidated(() => loop.stop());
  },
});
