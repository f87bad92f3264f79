/**
 * Lint for the canonical metrics (lib/metrics/definitions.ts): unique ids, names in both
 * languages, no label claimed by two metrics on one platform (common labels count on every
 * platform), and the meanings the adapters rely on: 商品访客数 is not the shop's 访客数, 成交花费 is not
 * 总花费, and an ad console's sales are adSales on every platform.
 */
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../lib/capture/schema';
import { METRIC_DEFINITIONS, metricForLabel, normaliseLabel, type MetricDefinition } from '../../../lib/metrics';

const PLATFORMS: readonly Platform[] = ['taobao', 'pinduoduo', 'douyin', 'jd'];
const DEFINITIONS = METRIC_DEFINITIONS as readonly MetricDefinition[];

describe('metric definitions', () => {
  it('has unique ids and a name in Chinese and English for each', () => {
    const ids = DEFINITIONS.map((def) => def.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const def of DEFINITIONS) {
      expect(def.name.zh, def.id).toMatch(/[\u4e00-\u9fa5]/);
      expect(def.name.en, def.id).toMatch(/^[A-Z][A-Za-z -]+$/);
    }
  });

  it.each(PLATFORMS)('claims no label twice on %s', (platform) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const def of DEFINITIONS) {
      for (const label of [...(def.labels.common ?? []), ...(def.labels[platform] ?? [])]) {
        const key = normaliseLabel(label);
        const known = owner.get(key);
        if (known !== undefined && known !== def.id) clashes.push(`${label}: ${known} and ${def.id}`);
        owner.set(key, def.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    // Shop visitors and item-page visitors are two figures (PDD 流量数据 shows 8,960 and 7,714).
    ['pinduoduo', '店铺访客数', 'visitors'],
    ['pinduoduo', '商品访客数', 'itemVisitors'],
    ['taobao', '访客数', 'visitors'],
    ['taobao', '商品访客数', 'itemVisitors'],
    ['douyin', '商品访客数', 'itemVisitors'],
    ['douyin', '进店人数', 'visitors'],
    // 多多推广: 成交花费 is the part of 总花费 charged for orders.
    ['pinduoduo', '总花费', 'adSpend'],
    ['pinduoduo', '成交花费', 'adOrderSpend'],
    // Ad consoles' sales and orders are the ads', on every platform.
    ['pinduoduo', '交易额', 'adSales'],
    ['taobao', '总成交金额', 'adSales'],
    ['jd', '总订单金额', 'adSales'],
    ['jd', '总订单行', 'adOrders'],
    ['jd', '成交金额', 'payAmount'],
  ] as const)('%s: %s → %s', (platform, label, id) => {
    expect(metricForLabel(platform, label)?.id).toBe(id);
  });
});
