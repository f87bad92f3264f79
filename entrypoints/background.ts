import { browser } from 'wxt/browser';
import { handleContentMessage } from '@/lib/background/handle-capture';
import { isContentMessageType, type MessageResponse } from '@/lib/background/messages';
import { forgetTabStatus } from '@/lib/background/page-status';
import { setupToolbarButton } from '@/lib/background/toolbar';
import { openDb } from '@/lib/db/schema';

// The only writer of the database. Listeners are registered synchronously at start, as a
// Manifest V3 service worker requires; the logic lives in lib/background.
export default defineBackground(() => {
  const db = openDb();

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: MessageResponse) => void) => {
    if (!isContentMessageType(message)) return undefined;
    handleContentMessage(message, sender, { db }).then(sendResponse, (error: unknown) => {
      console.error('ShopLens: message handling failed', error);
      sendResponse({ ok: false, reason: 'store-failed' });
    });
    return true; // the answer is sent asynchronously
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabStatus(tabId);
  });

  setupToolbarButton(browser);
});
