/**
 * Ad consoles (京准通, 巨量千川): the shop's sales and orders words are the ads' there
 * (lib/adapters/ad-console.ts), so one metric id means one thing on every platform.
 */
import { describe, expect, it } from 'vitest';
import { asAdConsoleFigures } from '../../../lib/adapters/ad-console';
import { qianchuanReportAdapter } from '../../../lib/adapters/douyin/qianchuan-report';
import type { Extracted } from '../../../lib/adapters/types';
import type { MetricReading } from '../../../lib/capture/schema';

const reading = (metric: string, label: string, value: number, unit: MetricReading['unit'] = 'yuan'): MetricReading => ({ metric, label, value, unit, bound: 'exact' });
const extracted = (metrics: MetricReading[], issues: Extracted['issues'] = []): Extracted => ({ period: null, metrics, listing: null, results: null, issues });

describe('asAdConsoleFigures', () => {
  it.each([
    ['成交金额 → adSales', [reading('payAmount', '成交金额', 8213.92)], [['adSales', '成交金额', 8213.92]]],
    ['成交订单数 → adOrders', [reading('orders', '成交订单数', 57, 'count')], [['adOrders', '成交订单数', 57]]],
    ['spend and ROI unchanged', [reading('adSpend', '消耗', 10), reading('roi', 'ROI', 2, 'multiple')], [['adSpend', '消耗', 10], ['roi', 'ROI', 2]]],
    ['成交金额 agreeing with 总订单金额: one figure', [reading('adSales', '总订单金额', 100), reading('payAmount', '成交金额', 100)], [['adSales', '总订单金额', 100]]],
    ['成交金额 disagreeing with 总订单金额: neither', [reading('adSales', '总订单金额', 100), reading('payAmount', '成交金额', 90)], []],
  ])('%s', (_case, metrics, expected) => {
    expect(asAdConsoleFigures(extracted(metrics)).metrics.map((m) => [m.metric, m.label, m.value])).toEqual(expected);
  });

  it('renames the issues about those metrics, and says when two showings disagree', () => {
    const result = asAdConsoleFigures(
      extracted([reading('adSales', '总订单金额', 100), reading('payAmount', '成交金额', 90)], [{ field: 'metrics.orders', problem: "'成交订单数' shown as '-' (no data)" }]),
    );
    expect(result.issues).toEqual([
      { field: 'metrics.adOrders', problem: "'成交订单数' shown as '-' (no data)" },
      { field: 'metrics.adSales', problem: "shown with different values ('总订单金额' 100, '成交金额' 90): none kept" },
    ]);
  });

  it('is what the 千川 report gives: 成交金额 is the ads’ sales', () => {
    const doc = new DOMParser().parseFromString(
      '<!doctype html><html><body><main><section><h3>数据概览</h3><div><div>消耗(元)</div><div>1,000.00</div></div><div><div>成交金额(元)</div><div>3,000.00</div></div></section></main></body></html>',
      'text/html',
    );
    const metrics = qianchuanReportAdapter.extract(doc, new URL('https://qianchuan.jinritemai.com/uni-prom?aavid=1')).metrics;
    expect(metrics.map((m) => m.metric)).not.toContain('payAmount');
    expect(metrics.find((m) => m.label === '成交金额')?.metric).toBe('adSales');
  });
});
