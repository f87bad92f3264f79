/**
 * Ratios ShopLens can compute from figures captured together, and which page labels each one
 * reproduces. Site knowledge, kept as data; linted by tests/unit/diagnostics/data-lint.test.ts
 * (metrics exist, units agree, every check label is a label of the metric).
 *
 * `checkLabels`: a figure the page shows is compared with the formula only when the page's
 * label is listed. Labels that name a different ratio under the same metric id are left out on
 * purpose, so a correct read is never called inconsistent:
 * - 下单转化率 counts order placers, not payers (buyers);
 * - plain 退款率 is often a trailing-30-day or order-count rate whatever the page's period, so
 *   only the explicitly amount-based labels are checked;
 * - 点击-成交转化率 (Douyin) divides by click users, 观看-成交率 by viewers.
 *
 * `derive`: fill the metric from this formula when the page does not show it; the first
 * derivable formula whose inputs were captured wins.
 *
 * `adsPagesOnly`: ROI = ad sales / ad spend is read on an ads page only (adSales is the ads' own
 * attributed sales, which only ad consoles show; lib/adapters/ad-console.ts). The shop's pay
 * amount over its spend is a different figure (全店投产), never judged against break-even ROI.
 *
 * Visitors: 访客数 (visitors) and 商品访客数 (itemVisitors, visitors of item pages) are both bases
 * of the same rates (PDD's 成交转化率 and an item's own figures use 商品访客数); the shop's
 * visitors come first when a page shows both.
 */
import type { MetricId } from '../../metrics/definitions';

export interface RatioFormula {
  metric: MetricId;
  numerator: MetricId;
  denominator: MetricId;
  checkLabels: readonly string[];
  derive: boolean;
  adsPagesOnly?: boolean;
}

export const RATIO_FORMULAS: readonly RatioFormula[] = [
  {
    metric: 'ctr',
    numerator: 'clicks',
    denominator: 'impressions',
    checkLabels: ['点击率', '商品点击率', '曝光-点击率', '搜索点击率'],
    derive: true,
  },
  {
    // Backends that count people (生意参谋 商品点击率 on some pages) give the same label.
    metric: 'ctr',
    numerator: 'clickUsers',
    denominator: 'impressionUsers',
    checkLabels: ['点击率', '商品点击率', '曝光-点击率', '搜索点击率'],
    derive: true,
  },
  {
    metric: 'conversionRate',
    numerator: 'buyers',
    denominator: 'visitors',
    checkLabels: ['支付转化率', '成交转化率'],
    derive: true,
  },
  {
    metric: 'conversionRate',
    numerator: 'buyers',
    denominator: 'itemVisitors',
    checkLabels: ['支付转化率', '成交转化率'],
    derive: true,
  },
  {
    metric: 'conversionRate',
    numerator: 'buyers',
    denominator: 'clickUsers',
    checkLabels: ['点击-成交转化率', '商品点击-成交率', '点击成交转化率'],
    derive: false,
  },
  {
    metric: 'conversionRate',
    numerator: 'buyers',
    denominator: 'viewers',
    checkLabels: ['观看-成交率'],
    derive: false,
  },
  {
    metric: 'uvValue',
    numerator: 'payAmount',
    denominator: 'visitors',
    checkLabels: ['UV价值', '访客平均价值', '成交UV价值'],
    derive: true,
  },
  {
    metric: 'uvValue',
    numerator: 'payAmount',
    denominator: 'itemVisitors',
    checkLabels: ['UV价值', '访客平均价值', '成交UV价值'],
    derive: true,
  },
  {
    metric: 'aov',
    numerator: 'payAmount',
    denominator: 'buyers',
    checkLabels: ['客单价'],
    derive: true,
  },
  {
    metric: 'roi',
    numerator: 'adSales',
    denominator: 'adSpend',
    checkLabels: ['ROI', '成交ROI', '投产比', '整体ROI', '实际投产比', '投入产出比'],
    derive: true,
    adsPagesOnly: true,
  },
  {
    // 多多推广 defines 实际投产比 as 交易额 / 成交花费 (660 / 171.93 = 3.84, SOURCES-2.md C1).
    metric: 'roi',
    numerator: 'adSales',
    denominator: 'adOrderSpend',
    checkLabels: ['实际投产比'],
    derive: false,
    adsPagesOnly: true,
  },
  {
    metric: 'refundRate',
    numerator: 'refundAmount',
    denominator: 'payAmount',
    checkLabels: ['金额退款率', '退款率(金额)'],
    derive: true,
  },
  {
    metric: 'addToCartRate',
    numerator: 'addToCartUsers',
    denominator: 'visitors',
    checkLabels: ['访问加购转化率', '加购率', '加购转化率'],
    derive: true,
  },
  {
    metric: 'addToCartRate',
    numerator: 'addToCartUsers',
    denominator: 'itemVisitors',
    checkLabels: ['访问加购转化率', '加购率', '加购转化率'],
    derive: true,
  },
];
