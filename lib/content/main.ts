/**
 * The capture content script, shared by the per-platform entrypoints
 * (entrypoints/<platform>-{public,seller}.content.ts): each passes only its own half of one
 * platform's adapters, so a Taobao listing never loads the JD or 生意参谋 readers and every bundle
 * stays within the size budget.
 *
 * The loop (./capture-loop.ts) decides when a page is read and sent; the bridge controller
 * (lib/bridge/content-link.ts) injects the page-world script for adapters that read fetched
 * JSON. Timers and listeners go through ctx so nothing runs after the extension reloads or
 * updates.
 *
 * The entrypoints run at document_start, so the page-world bridge is in place before the page's
 * own scripts fetch their figures (at document_idle the first, often only, request has usually
 * gone out already). The loop itself still starts once the document is parsed: reading a
 * half-parsed page is wasted work.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { injectScript } from 'wxt/utils/inject-script';
import type { PageAdapter, PageResponse } from '../adapters/types';
import { createBridgeController } from '../bridge/content-link';
import { enabledAdapters, readDisabledAdapters } from '../settings/disabled-adapters';
import { MAX_HELD_RESPONSES, startCaptureLoop, type CaptureLoop } from './capture-loop';
import { startOverlay } from './overlay';
import { startRiskProbe } from './risk-probe';

export async function runCaptureContentScript(ctx: ContentScriptContext, platformAdapters: readonly PageAdapter[]): Promise<void> {
  const log = (message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? '');

  // The page-world bridge goes in first, synchronously at document_start: a script element
  // inserted before the load event runs before the page's load handlers, which is where small
  // pages fire their first (often only) data request. Reading the kill switches below takes a
  // storage round trip, long enough to miss that request. The price: on a page whose adapter is
  // switched off, fetch is still wrapped (responses pass through untouched and are never read).
  let loop: CaptureLoop | undefined;
  /** Responses that arrive before the document is parsed and the loop runs. */
  const early: [PageResponse, string][] = [];
  const bridge = createBridgeController({
    adapters: platformAdapters,
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

  // Kill switches: a switched-off adapter reads nothing and reports nothing.
  const adapters = enabledAdapters(platformAdapters, await readDisabledAdapters(browser.storage.local, log));
  if (ctx.isInvalid) return;

  // Badges beside the figures, from the findings the background sends back (lib/content/overlay.ts).
  const overlay = startOverlay({
    document,
    currentUrl: () => location.href,
    browser,
    timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
    log,
  });
  ctx.onInvalidated(() => overlay.stop());

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
  });
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
  else start();

  // Public pages: report signs of risk control (captcha, slider, 操作过于频繁) to the background
  // refresh, which stops when the page is one it opened (lib/content/risk-probe.ts).
  if (platformAdapters.some((adapter) => adapter.pageKind === 'listing')) {
    const beginProbe = () => {
      if (ctx.isInvalid) return;
      const probe = startRiskProbe({
        document,
        currentUrl: () => location.href,
        send: (message) => browser.runtime.sendMessage(message),
        timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
        log,
      });
      ctx.onInvalidated(() => probe.stop());
      ctx.addEventListener(window, 'wxt:locationchange', () => probe.locationChanged());
    };
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', beginProbe, { once: true });
    else beginProbe();
  }
}
