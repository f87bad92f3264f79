/**
 * What the toolbar button does. Where the browser has the side panel API (Chrome, Edge), the
 * button opens the side panel. In Firefox, where the same page is the sidebar (`sidebar_action`),
 * the button toggles the sidebar. Elsewhere it opens the same panel page in a small popup window,
 * told which page to describe through `?url=` (the panel cannot ask for "the active tab" from
 * a separate window). Reading the clicked tab's address needs no `tabs` permission when the tab
 * is on an adapter host: host permissions already cover it; elsewhere the panel opens without it.
 */

/** The slice of the browser API this module uses, so tests can pass a plain object. */
export interface ToolbarApi {
  runtime: {
    getURL(path: '/'): string;
    onInstalled: { addListener(callback: () => void): void };
  };
  sidePanel?: { setPanelBehavior?(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
  sidebarAction?: { toggle?(): Promise<void> };
  action?: { onClicked: { addListener(callback: (tab: { url?: string }) => void): void } };
  browserAction?: { onClicked: { addListener(callback: (tab: { url?: string }) => void): void } };
  windows?: { create(data: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
}

const POPUP_SIZE = { width: 420, height: 760 };

/** The panel page's address for a popup window about `tabUrl`. */
export function panelWindowUrl(extensionRoot: string, tabUrl: string | undefined): string {
  const url = new URL('sidepanel.html', extensionRoot);
  if (tabUrl && /^https?:/.test(tabUrl)) url.searchParams.set('url', tabUrl);
  return url.href;
}

/** Wires the toolbar button. Call once, synchronously, when the service worker starts. */
export function setupToolbarButton(api: ToolbarApi): 'side-panel' | 'sidebar' | 'popup-window' | 'none' {
  const setPanelBehavior = api.sidePanel?.setPanelBehavior?.bind(api.sidePanel);
  if (setPanelBehavior) {
    const openOnClick = () => {
      setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => console.warn('ShopLens: setPanelBehavior failed', error));
    };
    api.runtime.onInstalled.addListener(openOnClick);
    // Also on every start: cheap, and it heals a profile where the setting was lost.
    openOnClick();
    return 'side-panel';
  }

  const button = api.action ?? api.browserAction;
  const toggleSidebar = api.sidebarAction?.toggle?.bind(api.sidebarAction);
  if (button && toggleSidebar) {
    // Called straight from the click: Firefox opens a sidebar only from a user action.
    button.onClicked.addListener(() => {
      toggleSidebar().catch((error: unknown) => console.warn('ShopLens: could not toggle the sidebar', error));
    });
    return 'sidebar';
  }

  const windows = api.windows;
  if (!button || !windows) return 'none';
  button.onClicked.addListener((tab) => {
    windows
      .create({ url: panelWindowUrl(api.runtime.getURL('/'), tab.url), type: 'popup', ...POPUP_SIZE })
      .catch((error: unknown) => console.warn('ShopLens: could not open the panel window', error));
  });
  return 'popup-window';
}
