import { describe, expect, it, vi } from 'vitest';
import { panelWindowUrl, setupToolbarButton, type ToolbarApi } from '../../../lib/background/toolbar';

const ROOT = 'chrome-extension://abcdef/';

function apiWith(parts: Partial<ToolbarApi>) {
  const installed: (() => void)[] = [];
  const clicked: ((tab: { url?: string }) => void)[] = [];
  const api: ToolbarApi = {
    runtime: { getURL: () => ROOT, onInstalled: { addListener: (cb) => void installed.push(cb) } },
    action: { onClicked: { addListener: (cb) => void clicked.push(cb) } },
    windows: { create: vi.fn(async () => ({})) },
    ...parts,
  };
  return { api, installed, clicked };
}

describe('setupToolbarButton', () => {
  it('opens the side panel on click where the API exists, set at start and on install', () => {
    const setPanelBehavior = vi.fn(async () => undefined);
    const { api, installed, clicked } = apiWith({ sidePanel: { setPanelBehavior } });
    expect(setupToolbarButton(api)).toBe('side-panel');
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    installed.forEach((cb) => cb());
    expect(setPanelBehavior).toHaveBeenCalledTimes(2);
    expect(clicked).toHaveLength(0); // no popup fallback next to the side panel
  });

  it('toggles the sidebar on click in Firefox (sidebar_action), with no popup window', () => {
    const toggle = vi.fn(async () => undefined);
    const { api, clicked } = apiWith({ sidebarAction: { toggle } });
    expect(setupToolbarButton(api)).toBe('sidebar');
    expect(clicked).toHaveLength(1);
    clicked[0]!({ url: 'https://sycm.taobao.com/portal/home.htm' });
    expect(toggle).toHaveBeenCalledTimes(1);
    expect(api.windows!.create).not.toHaveBeenCalled();
  });

  it('without the side panel API, a click opens the panel in a popup window about the tab', () => {
    const { api, clicked } = apiWith({});
    expect(setupToolbarButton(api)).toBe('popup-window');
    clicked[0]!({ url: 'https://sycm.taobao.com/portal/home.htm?spm=a&x=1' });
    expect(api.windows!.create).toHaveBeenCalledWith({
      url: `${ROOT}sidepanel.html?url=${encodeURIComponent('https://sycm.taobao.com/portal/home.htm?spm=a&x=1')}`,
      type: 'popup',
      width: 420,
      height: 760,
    });
  });

  it('falls back to browserAction (Manifest V2)', () => {
    const clicked: ((tab: { url?: string }) => void)[] = [];
    const { api } = apiWith({ action: undefined, browserAction: { onClicked: { addListener: (cb) => void clicked.push(cb) } } });
    expect(setupToolbarButton(api)).toBe('popup-window');
    clicked[0]!({});
    expect(api.windows!.create).toHaveBeenCalledWith(expect.objectContaining({ url: `${ROOT}sidepanel.html` }));
  });

  it('does nothing where there is neither a side panel nor windows', () => {
    const { api } = apiWith({ windows: undefined });
    expect(setupToolbarButton(api)).toBe('none');
  });
});

describe('panelWindowUrl', () => {
  it.each([
    ['https://item.taobao.com/item.htm?id=1', `${ROOT}sidepanel.html?url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D1`],
    [undefined, `${ROOT}sidepanel.html`],
    ['chrome://newtab/', `${ROOT}sidepanel.html`],
    ['javascript:alert(1)', `${ROOT}sidepanel.html`],
  ])('%s', (tabUrl, expected) => {
    expect(panelWindowUrl(ROOT, tabUrl)).toBe(expected);
  });
});
