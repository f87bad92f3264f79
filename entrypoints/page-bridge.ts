import { bootPageBridge, type PageWindow } from '@/lib/bridge/page-world';

// Runs in the page's own world (injected by the content script with WXT's injectScript, listed in
// web_accessible_resources for the adapter hosts only). All logic and the threat model live in
// lib/bridge: page-world.ts here, protocol.ts for what crosses. `document.currentScript` is our
// own script element only while this runs synchronously: read it first thing.
export default defineUnlistedScript(() => {
  bootPageBridge(document.currentScript, window as unknown as PageWindow);
});
