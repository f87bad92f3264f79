/**
 * Douyin adapters against real data kept outside the project (../shared/realpages, SOURCES-2.md
 * §B1, §B3, §B4, §E and the 千川 sample in extracted_samples/qianchuan). Skipped when that folder
 * is absent, e.g. on a fresh clone. None of these files is a saved page, so each test builds the
 * smallest page that carries the real text or values and runs it through the adapter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureSchema, type Capture } from '../../../../lib/capture/schema';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageResponse } from '../../../../lib/adapters/types';
import { readTableRows } from '../../../../lib/capture/finder';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const realpages = resolve(projectRoot, '../shared/realpages');
const at = new Date('2026-11-22T00:00:00.000Z');

function page(bodyHtml: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${bodyHtml}</body></html>`, 'text/html');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function capture(doc: Document, address: string, adapterId: string, responses: PageResponse[] = []): Capture {
  const url = new URL(address);
  const adapter = adapterForUrl(url);
  expect(adapter?.id).toBe(adapterId);
  const result = captureFrom(adapter!, doc, url, at, responses);
  const checked = captureSchema.safeParse(result);
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  return result;
}

function metric(result: Capture, id: string) {
  return result.metrics.find((m) => m.metric === id);
}

interface ProbeEntry {
  label: string;
  value?: string | null;
  cardText?: string;
  why: string;
}

describe.skipIf(!existsSync(realpages))('douyin adapters on real data', () => {
  describe('§B1 抖店 home card texts (ShopPilot probe of the live page)', () => {
    const probe = existsSync(realpages)
      ? (JSON.parse(readFileSync(join(realpages, 'fxg_compass/fxg-homepage-2026_card-text-anchors_ShopPilot.json'), 'utf8')) as {
          url: string;
          res: ProbeEntry[];
        })
      : { url: '', res: [] };
    const found = probe.res.filter((entry) => entry.why === 'ok' && entry.cardText);

    /**
     * Each probed card as a card: the label in its own element, the rest of the card text after
     * it (the probe recorded innerText, so the text runs as one line). A card whose text does not
     * start with the probed label (`销量高`, `达人精准匹配，引爆商品销量`) is its text alone.
     */
    function cardOf(entry: ProbeEntry): string {
      const text = entry.cardText!;
      // Cards are built from the whole label that starts the text (`成交订单数` for the probe's `订单数`).
      const label = text.startsWith(entry.label) ? entry.label : '';
      if (!label) return `<div class="card"><div>${escapeHtml(text)}</div></div>`;
      const rest = text.slice(label.length).trim();
      return `<div class="card"><div class="card_title">${escapeHtml(label)}</div><div class="card_body">${escapeHtml(rest)}</div></div>`;
    }

    const expectations = (result: Capture) => {
      // 成交金额 ¥29.96 … 较昨日 71.99% (sign only a colour: change dropped, issue) … 结算金额¥29.96 ignored.
      expect(metric(result, 'payAmount')).toEqual({ metric: 'payAmount', label: '成交金额', value: 29.96, unit: 'yuan', bound: 'exact' });
      // 成交订单数 3 较昨日 25.00% 同行标杆值9 → 3, never 9; 9 is a peer value.
      expect(metric(result, 'orders')).toEqual({
        metric: 'orders',
        label: '成交订单数',
        value: 3,
        unit: 'count',
        bound: 'exact',
        peers: [{ label: '同行标杆值', value: 9 }],
      });
      const signless = result.issues.filter((issue) => issue.problem.includes('without a sign'));
      expect(signless.map((issue) => issue.field).sort()).toEqual(['metrics.orders', 'metrics.payAmount']);
      // Marketing and helper text (支付金额 2500+, 销量高, 预估挽回订单量, 达人精准匹配，引爆商品销量, an empty
      // 退款金额 title) never becomes a metric.
      expect(result.metrics.map((m) => m.metric).sort()).toEqual(['orders', 'payAmount']);
      expect(result.metrics.some((m) => m.value === 2500 || m.value === 9)).toBe(false);
    };

    it('the probe has the cards SOURCES-2.md §B1 describes', () => {
      expect(probe.url).toBe('https://fxg.jinritemai.com/ffa/mshop/homepage/index');
      expect(found.map((entry) => entry.label)).toEqual(
        expect.arrayContaining(['成交金额', '支付金额', '成交订单数', '销量', '商品销量', '订单量', '退款金额']),
      );
    });

    it('reads 成交金额 29.96 and 成交订单数 3 (not 9) with every card inside one data section', () => {
      const cards = found.map(cardOf).join('');
      const doc = page(`<main><section><h3>经营数据</h3><div class="grid">${cards}</div></section></main>`);
      expectations(capture(doc, probe.url, 'douyin/fxg-home'));
    });

    it('reads the same with no known section title (main area) and the promotion cards in promotion blocks', () => {
      const [data, marketing] = [
        found.filter((entry) => ['成交金额', '成交订单数', '退款金额'].includes(entry.label)),
        found.filter((entry) => !['成交金额', '成交订单数', '退款金额'].includes(entry.label)),
      ];
      const doc = page(
        `<main><div class="grid">${data.map(cardOf).join('')}</div>` +
          `<div class="promo">${marketing.map(cardOf).join('')}<button>立即报名</button></div></main>`,
      );
      expectations(capture(doc, probe.url, 'douyin/fxg-home'));
    });
  });

  /** A small CSV reader for the exports: commas, and double-quoted cells holding commas ("4,769"). */
  function csv(text: string): string[][] {
    return text
      .trim()
      .split(/\r?\n/)
      .map((line) => Array.from(line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g), (m) => m[2] ?? m[1] ?? '').slice(0, -1));
  }

  function table(rows: string[][]): string {
    const [head, ...body] = rows;
    const cells = (tag: string, row: string[]) => `<tr>${row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
    return `<table><thead>${cells('th', head!)}</thead><tbody>${body.map((row) => cells('td', row)).join('')}</tbody></table>`;
  }

  function exportRows(name: string): string[][] {
    const rows = csv(readFileSync(join(realpages, 'fxg_compass', name), 'utf8'));
    // Every export row has as many cells as the header (the quoted "4,769" stays one cell).
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    return rows;
  }

  describe('§B3 罗盘 export headers and values, rendered as tables', () => {
    it('商品卡列表 → one item row through douyin/item-report (商品卡用户支付金额 2311.10 → 2311.1)', () => {
      const doc = page(`<main>${table(exportRows('compass-export_product-card-list_2026-07-23_masked.csv.txt'))}</main>`);
      const result = capture(doc, 'https://compass.jinritemai.com/shop/commodity/product-list', 'douyin/item-report');
      expect(result.items).toEqual([
        {
          itemId: 'product-real-001',
          title: '测试商品',
          metrics: [
            { metric: 'impressionUsers', label: '商品卡曝光人数', value: 6992, unit: 'count', bound: 'exact' },
            { metric: 'clickUsers', label: '商品卡点击人数', value: 553, unit: 'count', bound: 'exact' },
            { metric: 'userPayAmount', label: '商品卡用户支付金额', value: 2311.1, unit: 'yuan', bound: 'exact' },
            { metric: 'buyers', label: '商品卡成交人数', value: 91, unit: 'count', bound: 'exact' },
            { metric: 'orders', label: '商品卡成交订单数', value: 95, unit: 'count', bound: 'exact' },
          ],
        },
      ]);
      expect(result.issues).toEqual([]);
    });

    it('直播明细 → a room page through douyin/compass-live (直播时长(分钟) 955 → 57,300 s; 成交 vs 用户支付 kept apart)', () => {
      const doc = page(`<main>${table(exportRows('compass-export_live-detail_2026-07-23_masked.csv.txt'))}</main>`);
      const result = capture(doc, 'https://compass.jinritemai.com/shop/live-detail?live_room_id=1', 'douyin/compass-live');
      expect(result.metrics.map((m) => [m.label, m.metric, m.value, m.unit])).toEqual([
        ['直播时长', 'liveDuration', 57300, 'seconds'],
        ['直播间曝光人数', 'impressionUsers', 93743, 'count'],
        ['直播间观看人数', 'viewers', 4166, 'count'],
        ['直播间商品点击人数', 'clickUsers', 1561, 'count'],
        ['直播间成交订单数', 'orders', 486, 'count'],
        ['直播间成交金额', 'payAmount', 12808.29, 'yuan'],
        ['直播间用户支付金额', 'userPayAmount', 10307.03, 'yuan'],
        ['直播间成交件数', 'units', 523, 'count'],
        ['直播间成交人数', 'buyers', 348, 'count'],
        ['直播间退款金额', 'refundAmount', 836.62, 'yuan'],
      ]);
    });

    it('视频详情 → 视频观看次数 "4,769" → 4769, 用户支付金额(元) 682.80', () => {
      const rows = exportRows('compass-export_video-detail_2026-07-23_masked.csv.txt');
      expect(rows[1]).toContain('4,769');
      const [read] = readTableRows(page(table(rows)).body, 'douyin');
      expect(read!.rows.map((row) => row.metrics.map((m) => [m.metric, m.value]))).toEqual([
        [
          ['videoViews', 4769],
          ['userPayAmount', 682.8],
          ['refundAmount', 22.8],
        ],
      ]);
      expect(read!.rows[0]!.cells['发布时间']).toBe('2026/07/22 09:00:00');
    });
  });

  describe('巨量千川 (extracted_samples/qianchuan): page text (valueStr) reads as the value the API gives', () => {
    /** 千川 field → the label its board shows (the test's own table; 千川 names each figure this way). */
    const LABELS: Record<string, string> = {
      statCost: '消耗',
      showCnt: '展示次数',
      clickCnt: '点击次数',
      ctr: '点击率',
      payOrderCount: '成交订单数',
      payOrderAmount: '成交金额',
      prepayAndPayOrderRoi: '支付ROI',
      cpmPlatform: '平均千次展示费用',
    };

    it('直播加热 汇总指标: 5,792.00 → 5792, 5.33% → 0.0533, ROI 0.24 …', () => {
      const [sample] = JSON.parse(
        readFileSync(join(realpages, 'extracted_samples/qianchuan/qianchuan-brand-live-heat_summary_sample.json'), 'utf8'),
      ) as Array<{ totalMetrics: { metrics: Record<string, { value: number; valueStr: string }> }; startDate: string; endDate: string }>;
      const metrics = sample!.totalMetrics.metrics;
      const cards = Object.entries(LABELS)
        .map(([key, label]) => `<div class="card"><div>${label}</div><div>${escapeHtml(metrics[key]!.valueStr)}</div></div>`)
        .join('');
      const doc = page(
        `<main><div><input value="${sample!.startDate}"><span>至</span><input value="${sample!.endDate}"></div><div><div>数据总览</div>${cards}</div></main>`,
      );
      const result = capture(doc, 'https://qianchuan.jinritemai.com/uni-promover/all?aavid=1', 'douyin/qianchuan-report');
      expect(result.period).toEqual({ label: '2026-07-16~2026-08-14', start: '2026-07-16', end: '2026-08-14' });
      const byLabel = new Map(result.metrics.map((m) => [m.label, m]));
      for (const [key, label] of Object.entries(LABELS)) {
        // 千川 gives ctr as a percent number (5.33); ShopLens stores ratios as fractions.
        const expected = key === 'ctr' ? metrics[key]!.value / 100 : metrics[key]!.value;
        expect(byLabel.get(label)?.value, label).toBeCloseTo(expected, 10);
      }
      expect(byLabel.get('消耗')?.value).toBe(5792);
      expect(byLabel.get('点击率')?.value).toBe(0.0533);
      expect(byLabel.get('支付ROI')).toMatchObject({ metric: 'roi', value: 0.24, unit: 'multiple' });
    });

    it('素材诊断: "21,167" → 21167, showCount "502", totalCost "132.56", clickRate "1.20%"', () => {
      const records = JSON.parse(
        readFileSync(join(realpages, 'extracted_samples/qianchuan-material-video-live-diagnosis_rpa-doc-sample_2026-06.json'), 'utf8'),
      ) as Array<Record<string, unknown>>;
      const detail = records.find((record) => record.recordType === 'delivery_material_detail')!;
      const crowd = records.find((record) => record.recordType === 'crowd_analysis') as { Metrics: Record<string, { Value: number; ValueStr: string }> };
      const shown = crowd.Metrics.live_show_count_for_roi2_v2!;
      const doc = page(
        `<main><div><div>数据总览</div>` +
          `<div class="card"><div>消耗(元)</div><div>${detail.totalCost}</div></div>` +
          `<div class="card"><div>展示次数</div><div>${detail.showCount}</div></div>` +
          `<div class="card"><div>点击次数</div><div>${detail.clickCount}</div></div>` +
          `<div class="card"><div>点击率</div><div>${detail.clickRate}</div></div>` +
          `<div class="card"><div>整体展示次数</div><div>${shown.ValueStr}</div></div>` +
          `</div></main>`,
      );
      const result = capture(doc, 'https://qianchuan.jinritemai.com/dataV2/bidding/site-promotion?aavid=1', 'douyin/qianchuan-report');
      // 展示次数 502 and 整体展示次数 21,167 are one metric with two values: neither is kept, an issue says so.
      expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
        ['adSpend', 132.56],
        ['clicks', 6],
        ['ctr', 0.012],
      ]);
      expect(result.issues).toContainEqual({ field: 'metrics.impressions', problem: expect.stringContaining('different values') });
      expect(shown.Value).toBe(21167);
      const alone = page(`<main><div><div>数据总览</div><div class="card"><div>整体展示次数</div><div>${shown.ValueStr}</div></div></div></main>`);
      expect(capture(alone, 'https://qianchuan.jinritemai.com/uni-prom?aavid=1', 'douyin/qianchuan-report').metrics[0]?.value).toBe(shown.Value);
    });
  });

  describe('§E 罗盘 shop_rank values (DY-capture), rendered as a rank table', () => {
    it('reads ￥20.17万 → 201700, 18.25万 → 182500 and keeps both ends of the ranges of row 2', () => {
      const rows = [
        ['排名', '排名变化', '店铺名称', '用户支付金额', '成交订单数', '商品曝光人数', '投放效率（店铺被投）', '客单价', '商品点击人数', '成交人数'],
        ['48', '↑13', 'ZIPPO同城打火机专卖店', '￥20.17万', '3,522', '18.25万', '6.67', '￥139.76', '1.65万', '1,443'],
        ['49', '-', '-', '￥100万-￥250万', '1万-2.5万', '-', '3-5', '￥0-￥250', '-', '-'],
      ];
      const [read] = readTableRows(page(table(rows)).body, 'douyin');
      const [first, second] = read!.rows;
      expect(first!.cells).toEqual({ 排名: '48', 排名变化: '↑13', 店铺名称: 'ZIPPO同城打火机专卖店', '投放效率（店铺被投）': '6.67' });
      expect(first!.metrics.map((m) => [m.metric, m.value])).toEqual([
        ['userPayAmount', 201700],
        ['orders', 3522],
        ['impressionUsers', 182500],
        ['aov', 139.76],
        ['clickUsers', 16500],
        ['buyers', 1443],
      ]);
      expect(second!.metrics.map((m) => [m.metric, m.value, m.max])).toEqual([
        ['userPayAmount', 1000000, 2500000],
        ['orders', 10000, 25000],
        ['aov', 0, 250],
      ]);
      expect(second!.cells['投放效率（店铺被投）']).toBe('3-5');
      // '-' cells are missing, never 0.
      expect(second!.issues.map((issue) => issue.field).sort()).toEqual(['metrics.buyers', 'metrics.clickUsers', 'metrics.impressionUsers']);
    });
  });
});
