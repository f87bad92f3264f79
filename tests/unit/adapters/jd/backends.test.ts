/**
 * 京东商智 (overview, 商品明细) and 京准通 adapters, one rule per case. Whole pages are pinned by the
 * fixtures (tests/fixtures/jd/sz-*.html, jzt-*.html).
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageAdapter } from '../../../../lib/adapters/types';
import { jdSzDashboardAdapter } from '../../../../lib/adapters/jd/sz-dashboard';
import { jdSzItemReportAdapter } from '../../../../lib/adapters/jd/sz-item-report';
import { jdJztReportAdapter } from '../../../../lib/adapters/jd/jzt-report';

const HOME = new URL('https://jdsz.jd.com/szweb/view/index/home.html');
const DETAIL = new URL('https://jdsz.jd.com/szweb/view/product/productDetail.html');
const JZT = new URL('https://jzt.jd.com/report/index.html#/rtb/basic');

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

function run(adapter: PageAdapter, url: URL, body: string) {
  const capture = captureFrom(adapter, page(body), url, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

const card = (label: string, value: string, extra = '') => `<div class="idx"><div class="name">${label}</div><div class="value">${value}</div>${extra}</div>`;
const section = (title: string, cards: string, meta = '<div>统计时间：2026-11-21</div>') => `<section><div class="head"><h3>${title}</h3>${meta}</div><div class="grid">${cards}</div></section>`;

describe('商智 overview', () => {
  it('reads the shop’s own figure, never a 同行 value, and keeps peers and changes apart', () => {
    const body = section('经营概况', card('成交金额', '1,000.00', '<div>同行同级均值 9,000.00</div><div>环比 -10.00%</div>') + card('访客数', '-', '<div>同行上级均值 500</div>'));
    const { metrics, issues, period } = run(jdSzDashboardAdapter, HOME, body);
    expect(metrics).toEqual([
      { metric: 'payAmount', label: '成交金额', value: 1000, unit: 'yuan', bound: 'exact', change: { basis: '环比', ratio: -0.1 }, peers: [{ label: '同行同级均值', value: 9000 }] },
    ]);
    expect(issues).toEqual([{ field: 'metrics.visitors', problem: "'访客数' shown as '-' (no data)" }]);
    expect(period).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
  });

  it('leaves out intraday sections, 今日快照 and upsell banners', () => {
    const body =
      `<div class="banner"><div>成交金额</div><div>30%</div><button>立即订购</button></div>` +
      section('实时数据', card('成交金额', '88.00') + card('访客数', '12'), '<div>更新于 10:42</div>') +
      section('今日快照', card('访客数', '48,120'), '<div>近15天</div>') +
      section('经营概况', card('成交金额', '1,000.00') + card('访客数', '300'));
    const { metrics, issues } = run(jdSzDashboardAdapter, HOME, body);
    expect(metrics.map((m) => [m.metric, m.value])).toEqual([
      ['payAmount', 1000],
      ['visitors', 300],
    ]);
    expect(issues).toEqual([]);
  });

  it('does not read 下单转化率 as the conversion rate', () => {
    const body = section('经营概况', card('下单转化率', '2.10%') + card('成交转化率', '1.94%'));
    const { metrics, issues } = run(jdSzDashboardAdapter, HOME, body);
    expect(metrics.map((m) => [m.metric, m.label, m.value])).toEqual([['conversionRate', '成交转化率', 0.0194]]);
    expect(issues).toEqual([]);
  });

  it('reads the period from the date picker when no 统计时间 line is shown', () => {
    const body = `<div class="picker"><input value="2026-11-15"><span>至</span><input value="2026-11-21"></div>` + section('交易概况', card('成交金额', '1.00'), '');
    expect(run(jdSzDashboardAdapter, HOME, body).period).toEqual({ label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' });
  });

  it.each([
    ['figures', section('经营概况', card('成交金额', '1.00')), true],
    ['placeholders only', section('经营概况', card('成交金额', '--')), false],
    ['figures outside any data section', `<div>${card('成交金额', '1.00')}</div>`, false],
  ])('detect with %s → %s', (_name, body, expected) => {
    expect(jdSzDashboardAdapter.detect(page(body), HOME)).toBe(expected);
  });
});

describe('京准通 report', () => {
  it('reads the summary block on an ad console: 总订单金额 as the ads’ sales, 总订单行 as their orders', () => {
    const body =
      section('数据概览', card('花费(元)', '3,456.78') + card('展现数', '128,903') + card('总订单行', '57') + card('总订单金额(元)', '11,862.40') + card('ROI', '3.43') + card('平均点击成本(元)', '1.49')) +
      '<table><thead><tr><th>日期</th><th>花费</th><th>ROI</th></tr></thead><tbody><tr><td>2026-11-21</td><td>512.30</td><td>3.52</td></tr><tr><td>2026-11-20</td><td>498.10</td><td>2.92</td></tr></tbody></table>';
    const { metrics } = run(jdJztReportAdapter, JZT, body);
    expect(metrics.map((m) => [m.metric, m.value, m.unit])).toEqual([
      ['adSpend', 3456.78, 'yuan'],
      ['impressions', 128903, 'count'],
      ['adOrders', 57, 'count'],
      ['adSales', 11862.4, 'yuan'],
      ['roi', 3.43, 'multiple'],
    ]);
  });

  it('reads the shop’s sales words on an ad console as the ads’ (成交金额 → adSales, 成交订单数 → adOrders)', () => {
    const body = section('数据概览', card('花费(元)', '3,456.78') + card('成交订单数', '57') + card('成交金额(元)', '11,862.40'));
    const { metrics } = run(jdJztReportAdapter, JZT, body);
    expect(metrics.map((m) => [m.metric, m.label, m.value])).toEqual([
      ['adSpend', '花费', 3456.78],
      ['adOrders', '成交订单数', 57],
      ['adSales', '成交金额', 11862.4],
    ]);
  });

  it('does not read a plan table whose single row is one plan when no summary block is titled', () => {
    const body =
      '<main><div>统计时间：2026-11-21</div><table><thead><tr><th>计划名称</th><th>花费</th><th>ROI</th></tr></thead><tbody><tr><td>计划A</td><td>10.00</td><td>2.00</td></tr></tbody></table></main>';
    const { metrics, issues } = run(jdJztReportAdapter, JZT, body);
    expect(metrics).toEqual([]);
    expect(issues).toEqual([{ field: 'metrics', problem: 'no summary block (数据概览, 数据汇总 …) with figures found on the page' }]);
    expect(jdJztReportAdapter.detect(page(body), JZT)).toBe(false);
  });
});

describe('商智 商品明细', () => {
  const table = (rows: string, head = '<th>商品名称</th><th>SKU</th><th>成交金额</th><th>访客数</th><th>成交转化率</th>') =>
    `<div><input value="2026-06-04"></div><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  const row = (...cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;

  it('skips the 合计 row and reads each SKU by column header', () => {
    const { items, issues, period } = run(
      jdSzItemReportAdapter,
      DETAIL,
      table(row('合计', '-', '5,000.00', '100', '2.00%') + row('甲 沙发', '10216519586736', '4,012.17', '2', '50.00%') + row('乙 餐桌', '10216519586737', '-', '98', '0.00%')),
    );
    expect(items).toEqual([
      {
        itemId: '10216519586736',
        title: '甲 沙发',
        metrics: [
          { metric: 'payAmount', label: '成交金额', value: 4012.17, unit: 'yuan', bound: 'exact' },
          { metric: 'visitors', label: '访客数', value: 2, unit: 'count', bound: 'exact' },
          { metric: 'conversionRate', label: '成交转化率', value: 0.5, unit: 'ratio', bound: 'exact' },
        ],
      },
      {
        itemId: '10216519586737',
        title: '乙 餐桌',
        metrics: [
          { metric: 'visitors', label: '访客数', value: 98, unit: 'count', bound: 'exact' },
          { metric: 'conversionRate', label: '成交转化率', value: 0, unit: 'ratio', bound: 'exact' },
        ],
      },
    ]);
    expect(issues).toEqual([{ field: 'items.metrics.payAmount', problem: "'成交金额' shown as '-' (no data) (row 2)" }]);
    expect(period?.start).toBe('2026-06-04');
  });

  it('takes the SKU written in the product cell, and keeps neither of one metric shown twice with different values', () => {
    const { items, issues } = run(
      jdSzItemReportAdapter,
      DETAIL,
      table(row('<div>丙 台灯</div><div>SKU：100061234567</div>', '3,097', '1,200'), '<th>商品信息</th><th>访客数</th><th>UV</th>'),
    );
    expect(items).toEqual([{ itemId: '100061234567', title: '丙 台灯', metrics: [] }]);
    expect(issues).toEqual([{ field: 'items.metrics.visitors', problem: "shown with different values ('访客数' 3097, 'UV' 1200): none kept (row 1)" }]);
  });

  it.each([
    ['SKU：100061234567', '100061234567'],
    // A glyph lost in the id (fuzz, seeds 7 and 10): no id, never its first digits.
    ['SKU：1000口1234567', undefined],
    ['SKU：10006123456?', undefined],
  ])('reads the SKU in %s as %s', (cell, expected) => {
    const { items } = run(jdSzItemReportAdapter, DETAIL, table(row(`<div>丙 台灯</div><div>${cell}</div>`, '3,097'), '<th>商品信息</th><th>访客数</th>'));
    expect(items?.[0]?.itemId).toBe(expected);
  });

  it('gives no SKU to an SPU table', () => {
    const { items } = run(jdSzItemReportAdapter, DETAIL, table(row('丁 水杯', '10023923194464', '1.00'), '<th>商品名称</th><th>SPU</th><th>成交金额</th>'));
    expect(items?.map((item) => [item.itemId, item.title])).toEqual([[undefined, '丁 水杯']]);
  });

  it.each([
    ['item rows', table(row('甲', '1', '1.00', '2', '1.00%')), true],
    ['only the 合计 row', table(row('合计', '-', '1.00', '2', '1.00%')), false],
    ['an empty table saying 暂无数据', table('') + '<div class="empty">暂无数据</div>', true],
    ['a loading table', table('') + '<div class="loading">加载中</div>', false],
    ['no table', '<div>成交金额 1.00</div>', false],
  ])('detect with %s → %s', (_name, body, expected) => {
    expect(jdSzItemReportAdapter.detect(page(body), DETAIL)).toBe(expected);
  });
});
