/**
 * Wires the background refresh (./refresh.ts) to the browser at service worker start: the alarm,
 * the tab events, the content scripts' risk signals. Listeners are registered synchronously, as a
 * Manifest V3 service worker requires. Returns the refresh so the capture and panel handlers can
 * tell it about accepted captures and changed settings.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import { adapterForUrl } from '../adapters/registry';
import type { ShopLensDb } from '../db/schema';
import type { NotificationLang } from './notify';
import { createBackgroundRefresh, type BackgroundRefresh, type RefreshApi } from './refresh';
import { isRiskSignalMessageType } from './refresh-messages';

/** A public listing page by the registry: the adapter that reads the address reads listings. */
export function isPublicListingPage(url: string): boolean {
  try {
    return adapterForUrl(new URL(url))?.pageKind === 'listing';
  } catch {
    return false;
  }
}

export function setupBackgroundRefresh(browser: typeof wxtBrowser, db: ShopLensDb, lang: NotificationLang): BackgroundRefresh {
  const api: RefreshApi = {
    alarms: browser.alarms,
    tabs: browser.tabs,
    notifications: browser.notifications,
    session: browser.storage.session,
  };
  const refresh = createBackgroundRefresh({ db, api, lang, isListingPage: isPublicListingPage, setTimer: (handler, ms) => setTimeout(handler, ms) });

  browser.alarms.onAlarm.addListener((alarm) => void refresh.onAlarm(alarm));
  browser.tabs.onRemoved.addListener((tabId) => void refresh.tabRemoved(tabId));
  browser.tabs.onActivated.addListener(({ tabId }) => void refresh.tabActivated(tabId));
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRiskSignalMessageType(message)) return undefined;
    void refresh.riskSignal(message, sender);
    return undefined; // no answer: the content script does not wait for one
  });
  void refresh.start();
  return refresh;
}
