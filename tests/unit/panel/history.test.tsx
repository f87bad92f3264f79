import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopLensDb } from '../../../lib/db/schema';
import { formatDateTime } from '../../../lib/i18n/format';
import {
  captureRow,
  DASHBOARD_URL,
  dashboardCapture,
  freshDb,
  ITEM_KEY,
  LISTING_URL,
  listingCapture,
  reading,
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
});

function listingAt(capturedAt: string, price: number, sales: number) {
  const capture = listingCapture(capturedAt);
  capture.listing!.price = { min: price, kind: 'coupon', label: '券后' };
  capture.listing!.sales = { value: sales, bound: 'atLeast' };
  return captureRow(capture, ITEM_KEY);
}

describe('history', () => {
  it("lists the listing's two earlier snapshots, newest first, with price and sales", async () => {
    await seed(db, {
      captures: [
        listingAt('2026-11-20T02:00:00.000Z', 159, 80000),
        listingAt('2026-11-22T02:00:00.000Z', 143.5, 100000),
        listingAt('2026-11-21T02:00:00.000Z', 149, 90000),
      ],
    });
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    const rows = within(screen.getByTestId('history-list')).getAllByTestId('history-row');
    expect(rows.map((row) => row.dataset.capturedAt)).toEqual(['2026-11-21T02:00:00.000Z', '2026-11-20T02:00:00.000Z']);
    expect(rows[0]!.textContent).toContain(formatDateTime('2026-11-21T02:00:00.000Z'));
    expect(within(rows[0]!).getAllByTestId('history-value').map((el) => el.textContent)).toEqual(['¥149.00 券后价', '9万+']);
    expect(within(rows[1]!).getAllByTestId('history-value').map((el) => el.textContent)).toEqual(['¥159.00 券后价', '8万+']);
    // The current capture is the page's view, not a history row.
    expect(screen.getByTestId('listing-price').textContent).toContain('¥143.50');
  });

  it("shows a dashboard's earlier periods with the figures now on screen", async () => {
    const earlier = (capturedAt: string, day: string, visitors: number) =>
      captureRow(
        dashboardCapture(capturedAt, {
          period: { label: '昨日', start: day, end: day },
          metrics: [reading('buyers', '支付买家数', 300, 'count'), reading('visitors', '访客数', visitors, 'count')],
        }),
        SHOP_KEY,
      );
    await seed(db, {
      captures: [
        earlier('2026-11-20T01:00:00.000Z', '2026-11-19', 9800),
        earlier('2026-11-21T01:00:00.000Z', '2026-11-20', 11000),
        captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY),
      ],
    });
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db);
    await expectState('captured');
    const rows = within(screen.getByTestId('history-list')).getAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('昨日（2026-11-20）');
    expect(rows[1]!.textContent).toContain('昨日（2026-11-19）');
    // visitors is on screen now, buyers is not: visitors comes first.
    const first = within(rows[0]!).getAllByTestId('history-value');
    expect(first[0]!.closest('li')?.dataset.metric).toBe('visitors');
    expect(first[0]!.textContent).toBe('1.1万');
    expect(within(rows[1]!).getAllByTestId('history-value')[0]!.textContent).toBe('9,800');
  });

  it('says there is no earlier snapshot yet', async () => {
    await seed(db, { captures: [captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY)] });
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db);
    await expectState('captured');
    expect(screen.queryByTestId('history-list')).toBeNull();
    expect(screen.getByTestId('history-empty').textContent).toContain('还没有更早的快照');
  });
});
