/**
 * Default benchmarks: ShopLens' own rough references, used only when the page shows no peer
 * value and the operator set none (see lib/diagnostics/benchmarks.ts for the order of trust).
 * Linted by tests/unit/diagnostics/data-lint.test.ts.
 *
 * Each entry is a typical range [low, high] in the metric's unit (ratios as fractions). These
 * are rules of thumb, not platform data: they vary widely by category, price band and traffic
 * source, so every one is labelled `confidence: 'low'` and its source says how rough it is.
 * A low-confidence reference never raises a finding above `info` unless the figure is far
 * outside the range (see LOW_CONFIDENCE_WARNING_RATIO in lib/diagnostics/benchmarks.ts).
 *
 * A platform-specific entry replaces the 'all' entry for the same metric and page kind.
 */
import type { PageKind, Platform } from '../../capture/schema';
import type { MetricId } from '../../metrics/definitions';
import type { Confidence, Localized } from '../types';

export interface DefaultBenchmark {
  metric: MetricId;
  platforms: readonly Platform[] | 'all';
  pageKinds: readonly PageKind[];
  low: number;
  high: number;
  confidence: Confidence;
  source: Localized;
}

const OWN_FIGURES: readonly PageKind[] = ['dashboard', 'item-report'];

export const DEFAULT_BENCHMARKS: readonly DefaultBenchmark[] = [
  {
    metric: 'ctr',
    platforms: 'all',
    pageKinds: OWN_FIGURES,
    low: 0.02,
    high: 0.05,
    confidence: 'low',
    source: {
      zh: '经验值：运营教程常引用的搜索点击率区间 2%–5%，非平台数据，类目和流量来源差异很大',
      en: 'Rule of thumb: the 2–5 % search click-through range operator tutorials often quote; not platform data, varies widely by category and traffic source',
    },
  },
  {
    metric: 'conversionRate',
    platforms: 'all',
    pageKinds: OWN_FIGURES,
    low: 0.015,
    high: 0.04,
    confidence: 'low',
    source: {
      zh: '经验值：常引用的访客（点击）到支付转化率 1.5%–4%，非平台数据，客单价越高通常越低',
      en: 'Rule of thumb: the often-quoted 1.5–4 % visitor (click) to payment conversion; not platform data, usually lower for higher-priced items',
    },
  },
  {
    metric: 'refundRate',
    platforms: 'all',
    pageKinds: OWN_FIGURES,
    low: 0.05,
    high: 0.2,
    confidence: 'low',
    source: {
      zh: '经验值：常引用的退款率区间 5%–20%，非平台数据，服饰类通常在高端',
      en: 'Rule of thumb: the often-quoted 5–20 % refund rate range; not platform data, apparel usually at the high end',
    },
  },
  {
    metric: 'addToCartRate',
    platforms: 'all',
    pageKinds: OWN_FIGURES,
    low: 0.05,
    high: 0.1,
    confidence: 'low',
    source: {
      zh: '粗略参考：海外电商统计的平均加购率约 6%–8%（如 Smart Insights 等的汇总），国内平台可能不同',
      en: 'Rough reference: web-shop add-to-cart averages of about 6–8 % in Western benchmark summaries (e.g. Smart Insights); Chinese marketplaces may differ',
    },
  },
];
