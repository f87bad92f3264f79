import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ShopLensDb } from '../../../lib/db/schema';
import {
  captureRow,
  DASHBOARD_URL,
  dashboardCapture,
  freshDb,
  ITEM_KEY,
  LISTING_URL,
  listingCapture,
  seed,
  SHOP_KEY,
} from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

/**
 * The active tab as tabs.query reports it. The fake browser cannot make a tab with an address
 * active, so query is stubbed and the tab events are fired the way Chrome fires them.
 */
let activeTab: { id: number; windowId: number; active: true; url?: string };

function stubActiveTab(url: string | undefined) {
  activeTab = { id: 1, windowId: 1, active: true, url };
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [activeTab as never]);
}

/** The active tab's page navigates (a single-page backend changes its address). */
async function navigate(url: string) {
  activeTab = { ...activeTab, url };
  await fakeBrowser.tabs.onUpdated.trigger(activeTab.id, { url }, activeTab as never);
}

/** The operator switches to another tab. */
async function switchTo(url: string) {
  const previousTabId = activeTab.id;
  activeTab = { ...activeTab, id: previousTabId + 1, url };
  await fakeBrowser.tabs.onActivated.trigger({ tabId: activeTab.id, windowId: activeTab.windowId, previousTabId });
}

describe('no marketplace page', () => {
  it('says which pages are supported when the active tab is not one', async () => {
    stubActiveTab('https://www.baidu.com/s?wd=保温杯');
    pinPanelTo(null);
    renderPanel(db);
    const state = await expectState('unsupported');
    expect(state.textContent).toContain('当前标签页不是店镜支持的电商页面');
    const supported = within(screen.getByTestId('supported-pages'));
    expect(supported.getByText('淘宝/天猫').parentElement?.textContent).toBe('淘宝/天猫：后台数据页、商品详情页、搜索结果页');
    expect(supported.getByText('拼多多').parentElement?.textContent).toBe('拼多多：商品详情页');
  });

  it.each([
    ['a page no adapter reads', 'https://sycm.taobao.com/cc/macro_monitor'],
    ['a browser page', 'chrome://extensions/'],
    ['an address that is not one', 'not a url'],
  ])('treats %s as unsupported', async (_name, url) => {
    pinPanelTo(url);
    renderPanel(db);
    await expectState('unsupported');
  });

  it('treats a tab without an address (no host permission) as no page', async () => {
    stubActiveTab(undefined);
    pinPanelTo(null);
    renderPanel(db);
    await expectState('unsupported');
  });

  it('says so when no page adapter exists at all', async () => {
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db, []);
    const state = await expectState('unsupported');
    expect(state.textContent).toContain('这个版本还没有可用的页面读取器');
  });
});

describe('waiting for figures', () => {
  it('names the supported page and asks the operator to let it finish loading', async () => {
    pinPanelTo(`${DASHBOARD_URL}?spm=a21ag`);
    renderPanel(db);
    const state = await expectState('waiting');
    expect(state.textContent).toContain('等待读取数据');
    expect(state.textContent).toContain('淘宝/天猫 · 后台数据页');
    expect(state.textContent).toContain('完全加载');
  });

  it('shows a capture the background stores while the panel is open, without a reload', async () => {
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db);
    await expectState('waiting');
    await act(() => seed(db, { captures: [captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY)] }));
    await expectState('captured');
    expect(screen.getAllByTestId('figure-row')).toHaveLength(3);
  });
});

describe('captured', () => {
  it('shows a stored capture even when no adapter reads the page any more', async () => {
    await seed(db, { captures: [captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY)] });
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db, []);
    await expectState('captured');
  });
});

describe('following the active tab', () => {
  it('asks the browser for the active tab of the current window', async () => {
    stubActiveTab(DASHBOARD_URL);
    pinPanelTo(null);
    renderPanel(db);
    await expectState('waiting');
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('refreshes when the page navigates and when the operator switches tabs', async () => {
    await seed(db, { captures: [captureRow(listingCapture('2026-11-22T00:00:00.000Z'), ITEM_KEY)] });
    stubActiveTab('https://www.baidu.com/');
    pinPanelTo(null);
    renderPanel(db);
    await expectState('unsupported');

    await act(() => navigate(DASHBOARD_URL));
    await expectState('waiting');

    await act(() => switchTo(`${LISTING_URL}&spm=from.search`));
    await expectState('captured');
    expect(screen.getByTestId('listing-title').textContent).toBe('保温杯 316不锈钢 <b>大容量</b>');

    await act(() => switchTo('https://www.baidu.com/'));
    await expectState('unsupported');
  });
});
