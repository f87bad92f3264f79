/**
 * The panel's Trends section and alert list, on stored history: the listing's price history as
 * values and chart, metric and period switching, pinning through the background's message
 * handler, alerts, and a keyword's competitor table.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handlePanelMessage } from '../../../lib/background/handle-panel';
import type { Capture, SearchResult } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { evaluateWatches } from '../../../lib/watch/run';
import { pinEntity } from '../../../lib/watch/store';
import { DASHBOARD_URL, dashboardCapture, freshDb, ITEM_KEY, LISTING_URL, listingCapture, reading, SHOP_KEY } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;
beforeEach(() => {
  db = freshDb();
  // The background's side of the panel's messages, on the test database.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    handlePanelMessage(message, { url: fakeBrowser.runtime.getURL('/sidepanel.html') }, { db, extensionRoot: fakeBrowser.runtime.getURL('/') }),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function store(capture: Capture) {
  const result = await storeCapture(db, capture, new Date(capture.capturedAt));
  if (result.stored) await evaluateWatches(db, capture, result.captureId, new Date(capture.capturedAt));
}

function listingAt(capturedAt: string, price: number, sales = 100000, bound: 'exact' | 'atLeast' = 'atLeast'): Capture {
  const capture = listingCapture(capturedAt);
  capture.listing!.price = { min: price, kind: 'coupon', label: '券后' };
  capture.listing!.sales = { value: sales, bound };
  return capture;
}

/** The machine is shared: the first render loads chart.js and the database. */
const SLOW = { timeout: 5000 };

const points = () => within(screen.getByTestId('trend-point-list')).getAllByTestId('trend-point');

describe('trends on a listing', () => {
  it('shows both prices of a listing visited twice, as values and a chart', async () => {
    await store(listingAt('2026-11-20T02:00:00.000Z', 159));
    await store(listingAt('2026-11-22T03:00:00.000Z', 143.5));
    pinPanelTo(`${LISTING_URL}&spm=a.b.c`);
    renderPanel(db);
    await expectState('captured');
    await waitFor(() => expect(points()).toHaveLength(2), SLOW);
    expect(points().map((p) => [p.dataset.day, p.dataset.value])).toEqual([
      ['2026-11-20', '159'],
      ['2026-11-22', '143.5'],
    ]);
    expect(points().map((p) => p.textContent)).toEqual(['2026-11-20 ¥159.00', '2026-11-22 ¥143.50']);
    // The day between was not observed: listed as a gap, never a value.
    const gap = within(screen.getByTestId('trend-point-list')).getByTestId('trend-gap');
    expect(gap.dataset).toMatchObject({ from: '2026-11-21', to: '2026-11-21' });
    expect(gap.textContent).toBe('2026-11-21 未观察到');
    expect(screen.getByTestId('trend-chart')).toBeTruthy();
    expect(screen.getByTestId('trend-latest').textContent).toContain('¥143.50');
    expect(screen.getByTestId('trend-summary').textContent).toContain('−9.75%');
    const metrics = screen.getAllByTestId('trend-metric');
    expect(metrics.map((m) => m.dataset.metric)).toEqual(['price', 'sales', 'reviews', 'stock']);
    expect(metrics[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('switches to sales and marks lower bounds as such', async () => {
    await store(listingAt('2026-11-20T02:00:00.000Z', 159, 10000, 'atLeast'));
    await store(listingAt('2026-11-21T02:00:00.000Z', 159, 12345, 'exact'));
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    await waitFor(() => expect(screen.getAllByTestId('trend-metric').length).toBeGreaterThan(1), SLOW);
    fireEvent.click(screen.getAllByTestId('trend-metric').find((m) => m.dataset.metric === 'sales')!);
    await waitFor(() => expect(points()[0]!.dataset.value).toBe('10000'), SLOW);
    expect(points().map((p) => [p.dataset.bound, p.textContent])).toEqual([
      ['atLeast', '2026-11-20 1万+ · 下限值'],
      ['exact', '2026-11-21 1.23万'],
    ]);
    expect(screen.getByText('三角点、虚线：下限值（如“10万+”）')).toBeTruthy();
  });

  it('pins the listing through the background, then shows its rules and role', async () => {
    await store(listingAt('2026-11-20T02:00:00.000Z', 159));
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    const pin = await screen.findByTestId('pin-button', {}, SLOW);
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    await act(async () => {
      fireEvent.click(pin);
    });
    await waitFor(() => expect(screen.getByTestId('pin-button').getAttribute('aria-pressed')).toBe('true'), SLOW);
    const watch = await db.watches.get(ITEM_KEY);
    expect(watch).toMatchObject({ kind: 'item', role: 'unset', url: listingCapture('x').url });
    expect(screen.getByTestId('watch-rules')).toBeTruthy();
    fireEvent.change(screen.getByTestId('watch-role'), { target: { value: 'competitor' } });
    await waitFor(async () => expect((await db.watches.get(ITEM_KEY))?.role).toBe('competitor'), SLOW);
    // Its shop can be pinned too.
    expect(screen.getByTestId('pin-shop-button').textContent).toContain('山茶花旗舰店');
  });

  it('lists alerts, newest first, and marks them read', async () => {
    await store(listingAt('2026-11-20T02:00:00.000Z', 159));
    await pinEntity(db, { key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯' });
    await store(listingAt('2026-11-21T02:00:00.000Z', 120));
    await store(listingAt('2026-11-22T02:00:00.000Z', 159));
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    const list = await screen.findByTestId('alert-list', {}, SLOW);
    await waitFor(() => expect(within(list).getAllByTestId('alert')).toHaveLength(2), SLOW);
    const alerts = within(list).getAllByTestId('alert');
    expect(alerts.map((a) => [a.dataset.seen, a.dataset.type])).toEqual([
      ['false', 'change'],
      ['false', 'change'],
    ]);
    expect(alerts[0]!.textContent).toContain('价格上涨 32.50%');
    expect(alerts[1]!.textContent).toContain('价格下降 24.53%');
    expect(alerts[1]!.textContent).toContain('¥159.00 → ¥120.00');
    expect(list.dataset.unseen).toBe('2');
    await act(async () => {
      fireEvent.click(screen.getByTestId('alerts-mark-seen'));
    });
    await waitFor(() => expect(screen.getByTestId('alert-list').dataset.unseen).toBe('0'), SLOW);
    expect(within(screen.getByTestId('alert-list')).getAllByTestId('alert').map((a) => a.dataset.seen)).toEqual(['true', 'true']);
  });

  it('says there are no alerts yet on any page', async () => {
    pinPanelTo('https://example.com/');
    renderPanel(db);
    await expectState('unsupported');
    expect((await screen.findByTestId('alerts-none')).textContent).toContain('还没有提醒');
  });
});

describe('trends on own figures', () => {
  it('offers daily and 7-day series separately and never mixes them', async () => {
    const day = (d: number, visitors: number, period: Capture['period'], hour = 1) =>
      dashboardCapture(`2026-11-${String(d + 1).padStart(2, '0')}T0${hour}:00:00.000Z`, { period, metrics: [reading('visitors', '访客数', visitors, 'count')] });
    await store(day(19, 1000, { label: '昨日', start: '2026-11-19', end: '2026-11-19' }));
    await store(day(20, 1100, { label: '昨日', start: '2026-11-20', end: '2026-11-20' }));
    await store(day(21, 1200, { label: '昨日', start: '2026-11-21', end: '2026-11-21' }));
    await store(day(21, 7700, { label: '近7天', start: '2026-11-15', end: '2026-11-21' }, 5));
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db);
    await expectState('captured');
    await waitFor(() => expect(screen.getAllByTestId('trend-group').length).toBe(2), SLOW);
    expect(points().map((p) => p.dataset.value)).toEqual(['1000', '1100', '1200']);
    fireEvent.click(screen.getAllByTestId('trend-group').find((b) => b.dataset.group === 'days:7')!);
    await waitFor(() => expect(points().map((p) => p.dataset.value)).toEqual(['7700']), SLOW);
    expect(screen.getByTestId('trend-left-out').textContent).toContain('3');
    expect(SHOP_KEY).toBe('taobao:shop:5000123');
  });
});

describe('trends on a keyword', () => {
  const search = (capturedAt: string, results: SearchResult[]): Capture => ({
    platform: 'taobao',
    pageKind: 'search',
    url: 'https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF',
    capturedAt,
    adapter: { id: 'taobao/search', version: 1 },
    period: null,
    metrics: [],
    listing: null,
    results,
    issues: [],
  });
  const r = (rank: number, itemId: string, price: number | null): SearchResult => ({ rank, itemId, title: `杯${itemId}`, price: price === null ? null : { min: price, kind: 'shown' } });

  it('shows the market median over time and a sortable competitor table', async () => {
    await store(search('2026-11-20T02:00:00.000Z', [r(1, 'a', 100), r(2, 'b', 60), r(3, 'c', 80)]));
    await store(search('2026-11-21T02:00:00.000Z', [r(1, 'a', 90), r(2, 'b', 66), r(3, 'c', null)]));
    pinPanelTo('https://s.taobao.com/search?q=保温杯');
    renderPanel(db);
    await expectState('captured');
    await waitFor(() => expect(points()).toHaveLength(2), SLOW);
    expect(points().map((p) => [p.dataset.value, p.dataset.estimated])).toEqual([
      ['80', 'true'],
      ['78', 'true'],
    ]);
    const rows = () => within(screen.getByTestId('competitor-table')).getAllByTestId('competitor-row');
    expect(rows()).toHaveLength(3);
    fireEvent.click(screen.getAllByTestId('competitor-sort').find((b) => b.dataset.key === 'price')!);
    expect(rows().map((row) => row.dataset.itemId)).toEqual(['b', 'a', 'c']);
    expect(within(rows()[1]!).getByTestId('competitor-change').textContent).toBe('−10.00%');
    expect(screen.getByTestId('market-summary')).toBeTruthy();
  });
});
