import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopLensDb } from '../../../lib/db/schema';
import { captureRow, DASHBOARD_URL, dashboardCapture, freshDb, reading, seed, SHOP_KEY } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;

beforeEach(async () => {
  db = freshDb();
  await seed(db, { captures: [captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY)] });
  pinPanelTo(DASHBOARD_URL);
});

afterEach(() => {
  db.close();
});

function row(metric: string): HTMLElement {
  const rows = screen.getAllByTestId('figure-row').filter((el) => el.dataset.metric === metric);
  expect(rows, metric).toHaveLength(1);
  return rows[0]!;
}

describe('a dashboard capture', () => {
  it('names the page, the shop and the period', async () => {
    renderPanel(db);
    await expectState('captured');
    expect(screen.getByTestId('capture-page').textContent).toBe('淘宝/天猫 · 后台数据页');
    expect(screen.getByTestId('capture-shop').textContent).toBe('店铺：山茶花旗舰店');
    expect(screen.getByTestId('period').textContent).toBe('统计周期 昨日（2026-11-21）');
  });

  it('lists every figure in page order with its formatted value and unit', async () => {
    renderPanel(db);
    await expectState('captured');
    const rows = screen.getAllByTestId('figure-row');
    expect(rows.map((el) => el.dataset.metric)).toEqual(['visitors', 'payAmount', 'conversionRate']);
    const values = rows.map((el) => within(el).getByTestId('figure-value').textContent);
    expect(values).toEqual(['1.23万', '¥1.01万', '5.63%']);
    expect(within(row('visitors')).getByTestId('figure-value').title).toBe('12,345');
    expect(within(row('payAmount')).getByTestId('figure-unit').textContent).toBe('元');
  });

  it("shows the page's label and, when it differs, the canonical metric name", async () => {
    renderPanel(db);
    await expectState('captured');
    expect(row('conversionRate').textContent).toContain('成交转化率');
    expect(within(row('conversionRate')).getByTestId('figure-metric-name').textContent).toBe('支付转化率');
    // Same words: said once.
    expect(within(row('payAmount')).queryByTestId('figure-metric-name')).toBeNull();
  });

  it("shows the page's comparison with its basis and sign", async () => {
    renderPanel(db);
    await expectState('captured');
    expect(within(row('visitors')).getByTestId('figure-change').textContent).toBe('较前一日 +12.30%');
    expect(within(row('payAmount')).getByTestId('figure-change').textContent).toBe('较前一日 \u22125.20%');
    expect(within(row('conversionRate')).queryByTestId('figure-change')).toBeNull();
  });

  it("shows a peer value as a peer benchmark, apart from the shop's own figure", async () => {
    renderPanel(db);
    await expectState('captured');
    const visitors = row('visitors');
    expect(within(visitors).getByTestId('figure-value').textContent).toBe('1.23万');
    const peers = within(visitors).getByTestId('figure-peers');
    expect(peers.textContent).toContain('同行参考（不是本店数据）');
    expect(within(peers).getByTestId('peer-value').textContent).toBe('同行均值 8,800');
    expect(within(visitors).getByTestId('figure-value').contains(peers)).toBe(false);
    expect(within(row('payAmount')).queryByTestId('figure-peers')).toBeNull();
  });

  it('lists what could not be read, and never shows a "-" figure as a value', async () => {
    renderPanel(db);
    await expectState('captured');
    const issues = screen.getByTestId('issues-list');
    expect(within(issues).getByText('metrics.refundRate')).toBeTruthy();
    expect(issues.textContent).toContain('页面显示 "-"：没有数据，不是 0');
    expect(screen.getAllByTestId('figure-row').some((el) => el.dataset.metric === 'refundRate')).toBe(false);
  });

  it('marks lower bounds and ranges in the value and explains them', async () => {
    await seed(db, {
      captures: [
        captureRow(
          dashboardCapture('2026-11-23T01:00:00.000Z', {
            metrics: [
              reading('payAmount', '支付金额', 7500000, 'yuan', { max: 10000000 }),
              reading('buyers', '支付买家数', 100000, 'count', { bound: 'atLeast' }),
              reading('tradeIndex', '交易指数', 123456, 'index'),
            ],
            issues: [],
          }),
          SHOP_KEY,
        ),
      ],
    });
    renderPanel(db);
    await expectState('captured');
    expect(within(row('payAmount')).getByTestId('figure-value').textContent).toBe('¥750万 ~ ¥1000万');
    const buyers = within(row('buyers')).getByTestId('figure-value');
    expect(buyers.textContent).toBe('10万+');
    expect(buyers.dataset.bound).toBe('atLeast');
    expect(buyers.title).toContain('100,000+');
    expect(within(row('tradeIndex')).getByTestId('figure-unit').textContent).toBe('指数（相对值，非金额）');
    expect(screen.queryByTestId('issues-list')).toBeNull();
  });

  it('says when the page shows no period', async () => {
    await seed(db, { captures: [captureRow(dashboardCapture('2026-11-23T01:00:00.000Z', { period: null }), SHOP_KEY)] });
    renderPanel(db);
    await expectState('captured');
    expect(screen.getByTestId('period').textContent).toContain('页面未标明统计周期');
  });
});
