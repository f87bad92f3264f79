/**
 * The background refresh in the side panel: a pinned listing's own refresh mark (PinBar), and the
 * refresh's state above the alerts (RefreshStatus): the stop says when, where and why.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handlePanelMessage } from '../../../lib/background/handle-panel';
import type { ShopLensDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { pinEntity, saveRefreshSettings, saveRefreshStatus, stopRefresh } from '../../../lib/watch/store';
import { DASHBOARD_URL, dashboardCapture, freshDb, ITEM_KEY, LISTING_URL, listingCapture } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;
const SLOW = { timeout: 5000 };

beforeEach(() => {
  db = freshDb();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    handlePanelMessage(message, { url: fakeBrowser.runtime.getURL('/sidepanel.html') }, { db, extensionRoot: fakeBrowser.runtime.getURL('/') }),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a pinned listing’s refresh mark', () => {
  it('marks and unmarks the listing, and says when the global switch is off', async () => {
    const capture = listingCapture('2026-11-22T02:00:00.000Z');
    await storeCapture(db, capture);
    await pinEntity(db, { key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯', url: capture.url });
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    const mark = (await screen.findByTestId('watch-refresh', {}, SLOW)) as HTMLInputElement;
    expect(mark.checked).toBe(false);
    await act(async () => {
      fireEvent.click(mark);
    });
    await waitFor(async () => expect((await db.watches.get(ITEM_KEY))?.refresh).toBe(true), SLOW);
    await waitFor(() => expect((screen.getByTestId('watch-refresh') as HTMLInputElement).checked).toBe(true), SLOW);
    expect(screen.getByTestId('watch-refresh').parentElement!.textContent).toContain('总开关在设置页，目前关闭');
    await saveRefreshSettings(db, { enabled: true });
    await waitFor(() => expect(screen.getByTestId('watch-refresh').parentElement!.textContent).not.toContain('目前关闭'), SLOW);
  });

  it('is not offered on a page that is not a public listing', async () => {
    await storeCapture(db, dashboardCapture('2026-11-22T01:00:00.000Z'));
    await pinEntity(db, { key: 'taobao:shop:5000123', platform: 'taobao', kind: 'shop', ref: '5000123', name: '山茶花旗舰店' });
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db);
    await expectState('captured');
    await screen.findByTestId('pin-button', {}, SLOW);
    expect(screen.queryByTestId('watch-refresh')).toBeNull();
  });
});

describe('the refresh state above the alerts', () => {
  it('says nothing while refresh is off (the default)', async () => {
    pinPanelTo('https://example.com/');
    renderPanel(db);
    await screen.findByTestId('alert-list', {}, SLOW);
    expect(screen.queryByTestId('refresh-status')).toBeNull();
  });

  it('shows a stop with its time, page and reason', async () => {
    await saveRefreshSettings(db, { enabled: true });
    await stopRefresh(db, { kind: 'captcha', evidence: '验证码' }, 'https://item.jd.com/100066896338.html', new Date('2026-11-22T06:00:00.000Z'));
    pinPanelTo('https://example.com/');
    renderPanel(db);
    const status = await screen.findByTestId('refresh-status', {}, SLOW);
    expect(status.dataset.state).toBe('stopped');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toContain('后台刷新已停止');
    expect(status.textContent).toContain('https://item.jd.com/100066896338.html');
    expect(status.textContent).toContain('验证码或安全验证');
    expect(screen.getByTestId('refresh-open-options')).toBeTruthy();
  });

  it('while on, says so and what it refreshed last', async () => {
    await saveRefreshSettings(db, { enabled: true });
    await saveRefreshStatus(db, (status) => ({ ...status, lastPageAt: '2026-11-22T06:00:00.000Z', lastUrl: 'https://item.taobao.com/item.htm?id=1', lastOutcome: 'captured' }));
    pinPanelTo('https://example.com/');
    renderPanel(db);
    const status = await screen.findByTestId('refresh-status', {}, SLOW);
    expect(status.dataset.state).toBe('on');
    expect(status.textContent).toContain('https://item.taobao.com/item.htm?id=1');
    expect(status.textContent).toContain('已读取');
  });
});
