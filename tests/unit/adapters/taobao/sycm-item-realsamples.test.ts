/**
 * 生意参谋 item pages against real exported values kept outside the project
 * (../shared/realpages/extracted_samples/sycm, SOURCES.md "Extracted samples"):
 * - 商品360 销售分析 core row (`coreList[0]`): its figures, written the way the page writes them
 *   (`1,961`, `9.99%`, `8,286.20`), are drawn as 核心指标 cards and must come back as the sample
 *   states them;
 * - 宏观监控 (one day's shop-wide sums of item figures): drawn as the page's overview cards, they
 *   must NOT be read (they are neither one item's figures nor the shop's own 访客数 / 支付金额).
 * The pages are built here from the samples; the samples are not copied. Skipped without them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sycmItemReportAdapter } from '../../../../lib/adapters/taobao/sycm-item';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SAMPLES = join(resolve(projectRoot, '../shared/realpages'), 'extracted_samples/sycm');
const ITEM360_SAMPLE = join(SAMPLES, 'sycm-item360-sale-analysis_sample.json');
const MACRO_SAMPLE = join(SAMPLES, 'sycm-macro-monitor_day_sample.json');

const card = (label: string, value: string | number) => `<div class="card"><div class="name">${label}</div><div class="value">${value}</div></div>`;

describe.skipIf(!existsSync(ITEM360_SAMPLE))('商品360 core figures (real sample)', () => {
  const sample = existsSync(ITEM360_SAMPLE) ? (JSON.parse(readFileSync(ITEM360_SAMPLE, 'utf8')) as Array<{ coreList: Array<Record<string, string | number>> }>) : [];
  const core = sample[0]?.coreList[0] ?? {};
  // The sample's field → the label the 商品360 page shows it under, and the metric it is.
  const fields: Array<[field: string, label: string, metric: string]> = [
    ['itemUv', '商品访客数', 'itemVisitors'],
    ['itemPv', '商品浏览量', 'pageViews'],
    ['payAmt', '支付金额', 'payAmount'],
    ['payBuyerCnt', '支付买家数', 'buyers'],
    ['payQty', '支付件数', 'units'],
    ['payRate', '商品支付转化率', 'conversionRate'],
    ['itemCartBuyerCnt', '商品加购人数', 'addToCartUsers'],
    ['itemCartCnt', '商品加购件数', 'addToCartUnits'],
    ['itemCollectBuyerCnt', '商品收藏人数', 'favoriteUsers'],
    ['orderAmt', '下单金额', 'orderAmount'],
    ['sucRefundAmt', '成功退款金额', 'refundAmount'],
    // 下单转化率 is shown too, and deliberately not read (it would claim the conversion rate).
    ['orderConvertRate', '下单转化率', ''],
  ];
  const url = new URL('https://sycm.taobao.com/cc/item_archives?activeKey=sale&dateType=day&itemId=1010000088');
  const html = `<!doctype html><html><body><main><div class="head"><span>商品ID：1010000088</span></div>
    <section><div><span>核心指标</span> <span>统计时间 2026-07-06</span></div><div class="grid">${fields.map(([field, label]) => card(label, core[field]!)).join('')}</div></section></main></body></html>`;

  it('reads every core figure as the sample states it', () => {
    const { items, issues } = sycmItemReportAdapter.extract(documentFromHtml(html, url), url);
    expect(items).toHaveLength(1);
    const read = new Map(items![0]!.metrics.map((metric) => [metric.metric, metric.value]));
    const number = (text: string | number) => (typeof text === 'number' ? text : Number(text.replace(/,/g, '').replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1));
    for (const [field, , metric] of fields) {
      if (!metric) continue;
      expect(read.get(metric), `${field} ${core[field]}`).toBeCloseTo(number(core[field]!), 10);
    }
    expect(read.size).toBe(fields.filter(([, , metric]) => metric).length);
    expect(issues).toEqual([]);
  });
});

describe.skipIf(!existsSync(MACRO_SAMPLE))('宏观监控 overview (real sample)', () => {
  const row = existsSync(MACRO_SAMPLE) ? (JSON.parse(readFileSync(MACRO_SAMPLE, 'utf8')) as Record<string, string | number>) : {};
  const url = new URL('https://sycm.taobao.com/cc/macro_monitor?dateType=day');
  const cards = [
    ['商品访客数', row.item_uv],
    ['商品浏览量', row.item_pv],
    ['支付金额', row.pay_amt],
    ['支付件数', row.pay_item_cnt],
    ['支付转化率', row.pay_convert_rate],
    ['客单价', row.avg_price_per_buyer],
  ] as const;
  const html = `<!doctype html><html><body><main><h3>宏观监控</h3><div>统计时间 ${row.stat_date}</div>
    <section><h4>核心指标</h4>${cards.map(([label, value]) => card(label, value!)).join('')}</section></main></body></html>`;

  it('does not read the shop-wide sums as an item or as the shop’s own figures', () => {
    const doc = documentFromHtml(html, url);
    const { items, metrics, period } = sycmItemReportAdapter.extract(doc, url);
    expect(items).toEqual([]);
    expect(metrics).toEqual([]);
    expect(period?.start).toBe(row.stat_date);
    expect(sycmItemReportAdapter.detect(doc, url)).toBe(false);
  });
});
