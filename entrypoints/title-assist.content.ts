import { browser } from 'wxt/browser';
import { startTitleAssist } from '@/lib/content/title-assist';
import { EDITOR_ADAPTERS, EDITOR_HOST_PATTERNS } from '@/lib/content/title-assist-adapters';
import { enabledAdapters, readDisabledAdapters } from '@/lib/settings/disabled-adapters';

// Thin wiring for the live title assistant (lib/content/title-assist.ts): a length counter and
// risky-word warnings under the title field of listing editors, as the operator types.
//
// Its own content script on the editor hosts only, not part of capture.js: the audit's word
// packs are ~20 KB gzipped, and every other marketplace tab would load them for nothing.
// Timers and listeners go through ctx so nothing runs after the extension reloads or updates.
export default defineContentScript({
  matches: EDITOR_HOST_PATTERNS,
  runAt: 'document_idle',
  async main(ctx) {
    const log = (message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? '');
    // The adapter kill switches hold here too: a switched-off editor adapter gets no assistant.
    const adapters = enabledAdapters(EDITOR_ADAPTERS, await readDisabledAdapters(browser.storage.local, log));
    if (ctx.isInvalid) return;
    const assist = startTitleAssist({
      document,
      currentUrl: () => location.href,
      adapters,
      storage: browser.storage,
      timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
      log,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => assist.locationChanged());
    ctx.onInvalidated(() => assist.stop());
  },
});
