/**
 * Which page the panel describes. `sidepanel.html?url=<page url>` pins one page (browser
 * tests and the popup-window fallback use it); otherwise it follows the active tab of the
 * panel's window and refreshes when the operator switches tabs or a page navigates
 * (single-page backends change the URL without reloading, which `onUpdated` reports too).
 *
 * Without the `tabs` permission Chrome gives `tab.url` only for hosts in host_permissions,
 * i.e. the marketplace hosts: every other tab reads as "no page", which is what the panel
 * needs.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** A web page address worth looking up, or null (new tab, chrome://, missing, malformed). */
export function webPageUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The `?url=` a panel was opened with, or undefined when it follows the active tab. */
export function pinnedPageUrl(search: string): string | undefined {
  const pinned = new URLSearchParams(search).get('url');
  return pinned === null ? undefined : pinned;
}

/** undefined while the active tab is being looked up; null when there is no web page. */
export function usePageUrl(): string | null | undefined {
  const [pinned] = useState(() => pinnedPageUrl(globalThis.location?.search ?? ''));
  const [url, setUrl] = useState<string | null | undefined>(() => (pinned === undefined ? undefined : webPageUrl(pinned)));

  useEffect(() => {
    if (pinned !== undefined) return;
    let latestRequest = 0;
    let disposed = false;
    const refresh = async () => {
      // Tab events can overlap; only the newest lookup may set the page.
      const request = ++latestRequest;
      let next: string | null;
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        next = webPageUrl(tab?.url);
      } catch {
        next = null;
      }
      if (!disposed && request === latestRequest) setUrl(next);
    };
    const onActivated = () => void refresh();
    const onUpdated = (_tabId: number, change: { url?: string; status?: string }, tab: { active?: boolean }) => {
      if (tab.active && (change.url !== undefined || change.status === 'complete')) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      disposed = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [pinned]);

  return url;
}
