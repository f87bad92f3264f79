// First: zod must be jitless before any module builds a schema (the CSP forbids eval).
import '@/lib/csp/zod-jitless';
import { browser } from 'wxt/browser';
import { handleContentMessage } from '@/lib/background/handle-capture';
import { isContentMessageType, type MessageResponse } from '@/lib/background/messages';
import { createFindingsNotifier } from '@/lib/background/page-findings';
import { forgetTabStatus } from '@/lib/background/page-status';
import { setupToolbarButton } from '@/lib/background/toolbar';
import { openDb } from '@/lib/db/schema';
import { createCaptureWriter } from '@/lib/background/capture-writer';
import { ADAPTERS } from '@/lib/adapters/registry';
import { applyStoredRetention, attachDataPort, type DataPort } from '@/lib/background/handle-data';
import { handlePanelMessage } from '@/lib/background/handle-panel';
import { notifyAlerts } from '@/lib/background/notify';
import { setupBackgroundRefresh } from '@/lib/background/refresh-setup';
import { readLangChoice } from '@/lib/i18n/stored-lang';
import { isPanelMessageType, type PanelResponse } from '@/lib/watch/messages';

// The only writer of the database. Listeners are registered synchronously at start, as a
// Manifest V3 service worker requires; the logic lives in lib/background.
export default defineBackground(() => {
  const db = openDb();
  const writer = createCaptureWriter(db);
  const findings = createFindingsNotifier({ db, api: browser });
  // Notifications speak the language chosen in the panel, read when each one is shown (a switch holds for the next).
  const chosenLang = () => readLangChoice(browser.storage.local);
  // Watch alerts as browser notifications.
  const onAlerts = (alerts: Parameters<typeof notifyAlerts>[1]) => notifyAlerts(browser.notifications, alerts, chosenLang);
  // The optional background refresh of watched listings (off by default): alarm, tabs, risk signals.
  const refresh = setupBackgroundRefresh(browser, db, chosenLang);

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: MessageResponse) => void) => {
    if (!isContentMessageType(message)) return undefined;
    handleContentMessage(message, sender, { db, findings, store: writer.store, onAlerts, onAccepted: refresh.accepted }).then(sendResponse, (error: unknown) => {
      console.error('ShopLens: message handling failed', error);
      sendResponse({ ok: false, reason: 'store-failed' });
    });
    return true; // the answer is sent asynchronously
  });

  // Watchlist changes asked by the side panel (extension pages only: handle-panel checks the sender).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: PanelResponse) => void) => {
    if (!isPanelMessageType(message)) return undefined;
    handlePanelMessage(message, sender, { db, extensionRoot: browser.runtime.getURL('/'), onRefreshChanged: refresh.tick }).then(sendResponse, () => sendResponse({ ok: false, reason: 'failed' }));
    return true;
  });

  // Restore, retention and re-derive asked by the options page (extension pages only: handle-data checks the sender).
  const currentVersions = Object.fromEntries(ADAPTERS.map((adapter) => [adapter.id, adapter.version]));
  browser.runtime.onConnect.addListener((port) => {
    attachDataPort(port as unknown as DataPort, { db, extensionOrigin: browser.runtime.getURL('/'), currentVersions });
  });
  void applyStoredRetention(db);

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabStatus(tabId);
  });

  setupToolbarButton(browser);
});
