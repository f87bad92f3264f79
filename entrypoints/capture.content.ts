import { browser } from 'wxt/browser';
import { injectScript } from 'wxt/utils/inject-script';
import { adapterHostPatterns } from '@/lib/adapters/hosts';
import { ADAPTERS } from '@/lib/adapters/registry';
import type { PageResponse } from '@/lib/adapters/types';
import { createBridgeController } from '@/lib/bridge/content-link';
import { MAX_HELD_RESPONSES, startCaptureLoop, type CaptureLoop } from '@/lib/content/capture-loop';
import { startOverlay } from '@/lib/content/overlay';
import { startTitleAssist } from '@/lib/content/title-assist';
import { enabledAdapters, readDisabledAdapters } from '@/lib/settings/disabled-adapters';

// Thin wiring: the loop (lib/content/capture-loop.ts) decides when a page is read and sent; the
// bridge controller (lib/bridge/content-link.ts) injects the page-world script for adapters that
// read fetched JSON. Timers and listeners go through ctx so nothing runs after the extension
// reloads or updates.
//
// document_start, so the page-world bridge is in place before the page's own scripts fetch their
// figures (at document_idle the first, often only, request has usually gone out already). The
// loop itself still starts once the document is parsed, as before: reading a half-parsed page
// is wasted work.
export default defineContentScript({
  matches: adapterHostPatterns,
  runAt: 'document_start',
  async main(ctx) {
    const log = (message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? '');
    // Kill switches first: a switched-off adapter gets no bridge, no reading and no status.
    const adapters = enabledAdapters(ADAPTERS, await readDisabledAdapters(browser.storage.local, log));
    if (ctx.isInvalid) return;

    let loop: CaptureLoop | undefined;
    /** Responses that arrive before the document is parsed and the loop runs. */
    const early: [PageResponse, string][] = [];
    const bridge = createBridgeController({
      adapters,
      currentUrl: () => location.href,
      inject: (modifyScript) => injectScript('/page-bridge.js', { modifyScript }),
      deliver: (response, pageUrl) => {
        if (loop) return loop.addResponse(response, pageUrl);
        if (early.push([response, pageUrl]) > MAX_HELD_RESPONSES) early.shift();
      },
      log,
    });
    bridge.update();
    ctx.onInvalidated(() => bridge.stop());

    // Badges beside the figures, from the findings the background sends back (lib/content/overlay.ts).
    const overlay = startOverlay({
      document,
      currentUrl: () => location.href,
      browser,
      language: navigator.language,
      timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
      log,
    });
    ctx.onInvalidated(() => overlay.stop());

    // Live length counter and risky-word warnings under the title field of listing editors (lib/content/title-assist.ts).
    const titleAssist = startTitleAssist({
      document,
      currentUrl: () => location.href,
      adapters,
      storage: browser.storage,
      language: navigator.language,
      timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
      log,
    });
    ctx.onInvalidated(() => titleAssist.stop());

    const start = () => {
      if (loop || ctx.isInvalid) return;
      loop = startCaptureLoop({
        document,
        currentUrl: () => location.href,
        send: (message) => browser.runtime.sendMessage(message),
        timers: {
          now: () => Date.now(),
          setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
          clearTimeout: (handle) => clearTimeout(handle as number),
        },
        adapters,
        log,
      });
      for (const [response, pageUrl] of early.splice(0)) loop.addResponse(response, pageUrl);
      ctx.onInvalidated(() => loop?.stop());
    };
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      bridge.update();
      loop?.locationChanged();
      overlay.locationChanged();
      titleAssist.locationChanged();
    });
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  },
});
