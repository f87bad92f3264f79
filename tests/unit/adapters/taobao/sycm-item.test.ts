/**
 * 生意参谋 item pages (商品排行 / 宏观监控 tables, 商品360) and the market 产品排行, one rule per
 * case (whole pages: tests/fixtures/taobao/sycm-item-*.html, sycm-market-rank*.html; the real
 * 产品排行 page: ./sycm-market-rank-realpages.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureSchema, type Capture } from '../../../../lib/capture/schema';
import { metricForLabel } from '../../../../lib/metrics';
import { captureFrom } from '../../../../lib/adapters/run';
import { sycmItemPage, sycmItemReportAdapter } from '../../../../lib/adapters/taobao/sycm-item';
import { isSycmMarketRankUrl, sycmMarketRankAdapter } from '../../../../lib/adapters/taobao/sycm-market-rank';
import * as WORDS from '../../../../lib/adapters/taobao/sycm-item-words';
import { entityOf, observationsOf, rowEntitiesOf } from '../../../../lib/db/store';
import { FIXTURE_ROOT } from '../../../../lib/cli/fixtures';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const RANK = new URL('https://sycm.taobao.com/cc/item_rank?dateType=day');
const ITEM360 = new URL('https://sycm.taobao.com/cc/item_archives?activeKey=sale&itemId=729386171519');
const MARKET = new URL('https://sycm.taobao.com/mq/industry/product/rank.htm');

function page(body: string, url: URL): Document {
  return documentFromHtml(`<!doctype html><html><body>${body}</body></html>`, url);
}

function run(adapter: typeof sycmItemReportAdapter, body: string, url: URL): Capture {
  const capture = captureFrom(adapter, page(body, url), url, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

const HEAD = '<thead><tr><th>排名</th><th>商品</th><th>商品访客数</th><th>支付金额</th><th>商品支付转化率</th><th>下单转化率</th></tr></thead>';
const row = (cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
const itemCell = (id: string, title = `商品${id}`) => `<a href="//item.taobao.com/item.htm?id=${id}">${title}</a><div>ID：${id}</div>`;
const table = (rows: string[]) => `<div>统计时间 2026-11-21</div><table>${HEAD}<tbody>${rows.join('')}</tbody></table>`;

describe('addresses', () => {
  it.each([
    ['https://sycm.taobao.com/cc/item_rank', { kind: 'table' }],
    ['https://sycm.taobao.com/cc/macro_monitor/', { kind: 'table' }],
    ['http://sycm.taobao.com:8080/cc/item_archives?itemId=42', { kind: 'item360', itemId: '42' }],
    ['https://sycm.taobao.com/cc/item_archives?itemId=', undefined],
    ['https://sycm.taobao.com/cc/item_archives?id=42', undefined],
    ['https://sycm.taobao.com/portal/home.htm', undefined],
    ['https://sycm.taobao.com.evil.example/cc/item_rank', undefined],
  ])('%s', (url, expected) => {
    expect(sycmItemPage(new URL(url))).toEqual(expected);
  });

  it('keeps the market ranking apart from the item pages', () => {
    expect(isSycmMarketRankUrl(MARKET)).toBe(true);
    expect(sycmItemPage(MARKET)).toBeUndefined();
    expect(isSycmMarketRankUrl(RANK)).toBe(false);
  });
});

describe('word lists', () => {
  const lists = Object.entries(WORDS).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1]));

  it.each(lists)('%s has no empty or repeated entries', (_name, list) => {
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) expect(word.trim() === word && word !== '').toBe(true);
  });

  it('claims no column header twice, and names no metric as an item, product or rank column', () => {
    const headers = [...WORDS.SYCM_ITEM_COLUMN_HEADERS, ...WORDS.SYCM_PRODUCT_COLUMN_HEADERS, ...WORDS.SYCM_RANK_COLUMN_HEADERS];
    expect(new Set(headers).size).toBe(headers.length);
    for (const header of headers) expect(metricForLabel('taobao', header), header).toBeUndefined();
  });

  it('adds page labels only for metrics that exist and that the platform does not already name', () => {
    for (const [label, metric] of Object.entries(WORDS.SYCM_ITEM_EXTRA_LABELS)) {
      expect(metricForLabel('taobao', label), label).toBeUndefined();
      expect(['conversionRate']).toContain(metric);
    }
    for (const label of WORDS.SYCM_ITEM_UNREAD_LABELS) expect(metricForLabel('taobao', label), label).toBeDefined();
  });
});

describe('item tables (商品排行, 宏观监控)', () => {
  it('reads each item by column header, with its id from the link and 下单转化率 left out', () => {
    const capture = run(sycmItemReportAdapter, table([row(['1', itemCell('101', '床头柜'), '2,345', '12,345.60', '3.88%', '4.10%'])]), RANK);
    expect(capture.items).toEqual([
      {
        metrics: [
          { metric: 'itemVisitors', label: '商品访客数', value: 2345, unit: 'count', bound: 'exact' },
          { metric: 'payAmount', label: '支付金额', value: 12345.6, unit: 'yuan', bound: 'exact' },
          { metric: 'conversionRate', label: '商品支付转化率', value: 0.0388, unit: 'ratio', bound: 'exact' },
        ],
        rank: 1,
        itemId: '101',
        title: '床头柜',
      },
    ]);
    expect(capture.metrics).toEqual([]);
    expect(capture.issues).toEqual([]);
  });

  it.each<[string, string[], Array<string | undefined>, string[]]>([
    ['the 合计 row is no item', [row(['合计', '', '9,999', '99,999.00', '3.00%', '3.50%']), row(['1', itemCell('101'), '10', '1.00', '1.00%', '1.00%'])], ['101'], []],
    ['a loading row of `-` is no item', [row(['1', itemCell('101'), '10', '1.00', '1.00%', '1.00%']), row(['2', '', '-', '-', '-', '-'])], ['101'], []],
    ['an id written without a link', [row(['1', '抱枕套 ID：688120934455', '10', '1.00', '1.00%', '1.00%'])], ['688120934455'], []],
    ['a short number after ID is no item id', [row(['1', '抱枕套 ID：202', '10', '1.00', '1.00%', '1.00%'])], [undefined], ['items.itemId: no item id in the item cell (no item link, no ID line) (row 1)']],
    [
      'two different ids in one cell give none',
      [row(['1', '<a href="//item.taobao.com/item.htm?id=101">甲</a> ID：688120934455', '10', '1.00', '1.00%', '1.00%'])],
      [undefined],
      ['items.itemId: the item cell names 2 different item ids: none kept (row 1)'],
    ],
    [
      '`-` in an item row is unknown, per row',
      [row(['1', itemCell('101'), '-', '1.00', '1.00%', '1.00%']), row(['2', itemCell('102'), '-', '2.00', '1.00%', '1.00%'])],
      ['101', '102'],
      ["items.metrics.itemVisitors: '商品访客数' shown as '-' (no data) (rows 1, 2)"],
    ],
  ])('%s', (_name, rows, ids, issues) => {
    const capture = run(sycmItemReportAdapter, table(rows), RANK);
    expect(capture.items!.map((item) => item.itemId)).toEqual(ids);
    expect(capture.issues.map((issue) => `${issue.field}: ${issue.problem}`)).toEqual(issues);
  });

  it('records the rows on each item’s own entity (own items of the operator’s shop)', () => {
    const html = readFileSync(join(FIXTURE_ROOT, 'taobao/sycm-item-rank.html'), 'utf8');
    const url = new URL('https://sycm.taobao.com/cc/item_rank?dateRange=2026-11-21%7C2026-11-21&dateType=day');
    const capture = captureFrom(sycmItemReportAdapter, documentFromHtml(html, url), url, new Date('2026-11-22T00:00:00Z'));
    expect(rowEntitiesOf(capture).map((entity) => entity.key)).toEqual(['taobao:item:729386171519', 'taobao:item:652378190043', 'taobao:item:688120934455']);
    const rows = observationsOf(capture, 'c1', entityOf(capture)!.key);
    expect(rows.filter((obs) => obs.entityKey === 'taobao:item:729386171519').map((obs) => [obs.metric, obs.value])).toContainEqual(['payAmount', 12345.6]);
    // Nothing of the table lands on the shop: the capture has no shop-level figure.
    expect(rows.filter((obs) => obs.entityKey === entityOf(capture)!.key)).toEqual([]);
  });

  it('is detected on an empty table that says so, not on one still loading', () => {
    const empty = `<table>${HEAD}<tbody><tr><td colspan="6">暂无数据</td></tr></tbody></table>`;
    const loading = `<table>${HEAD}<tbody><tr><td colspan="6">加载中…</td></tr></tbody></table>`;
    expect(sycmItemReportAdapter.detect(page(empty, RANK), RANK)).toBe(true);
    expect(run(sycmItemReportAdapter, empty, RANK).issues[0]).toEqual({ field: 'items', problem: 'the item table shows no items (暂无数据)' });
    expect(sycmItemReportAdapter.detect(page(loading, RANK), RANK)).toBe(false);
  });
});

describe('商品360', () => {
  const card = (label: string, value: string, more = '') => `<div class="card"><div>${label}</div><div>${value}</div>${more}</div>`;
  const core = (cards: string) => `<section><div><span>核心指标</span><span>统计时间 2026-11-21</span></div><div class="grid">${cards}</div></section>`;
  const head = (id: string) => `<div class="head"><a href="//item.taobao.com/item.htm?id=${id}">北欧实木床头柜</a><span>商品ID：${id}</span></div>`;

  it('reads the 核心指标 cards as one row of the address’s item', () => {
    const capture = run(sycmItemReportAdapter, head('729386171519') + core(card('支付金额', '12,345.60', '<div>较前一日 -3.20%</div>') + card('商品访客数', '2,345')), ITEM360);
    expect(capture.metrics).toEqual([]);
    expect(capture.items).toEqual([
      {
        itemId: '729386171519',
        metrics: [
          { metric: 'payAmount', label: '支付金额', value: 12345.6, unit: 'yuan', bound: 'exact', change: { basis: '较前一日', ratio: -0.032 } },
          { metric: 'itemVisitors', label: '商品访客数', value: 2345, unit: 'count', bound: 'exact' },
        ],
        title: '北欧实木床头柜',
      },
    ]);
    expect(capture.period).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
  });

  it('reads nothing while the page still shows another item than the address names', () => {
    const capture = run(sycmItemReportAdapter, head('111111111111') + core(card('支付金额', '99.00')), ITEM360);
    expect(capture.items).toEqual([]);
    expect(capture.issues[0]).toEqual({ field: 'items', problem: 'the page shows item 111111111111, the address names 729386171519 (not updated yet?): not read' });
    expect(sycmItemReportAdapter.detect(page(head('111111111111') + core(card('支付金额', '99.00')), ITEM360), ITEM360)).toBe(false);
  });

  it('never takes a one-row SKU table or the 实时 block for the item’s figures', () => {
    const body =
      head('729386171519') +
      '<section><h4>实时概况</h4><div>支付金额</div><div>1,204.00</div></section>' +
      '<section><h4>SKU销售详情</h4><table><thead><tr><th>SKU</th><th>支付金额</th></tr></thead><tbody><tr><td>胡桃色</td><td>39.90</td></tr></tbody></table></section>';
    const capture = run(sycmItemReportAdapter, body, ITEM360);
    expect(capture.items).toEqual([]);
    expect(capture.issues[0]).toEqual({ field: 'items', problem: 'no 核心指标 section with figures on the 商品360 page' });
  });
});

describe('market 产品排行', () => {
  const head = '<thead><tr><th>排名</th><th>产品名称</th><th>交易指数</th><th>支付件数</th></tr></thead>';
  const product = (rank: string, name: string, index: string, units: string, title = '') =>
    `<tr><td>${rank}</td><td><a class="name" href="//sycm.taobao.com/mq/industry/product/detail.htm#/?spuId=9${rank}"><span title="${title}">${name}</span></a></td><td>${index}</td><td>${units}</td></tr>`;

  it('reads 交易指数 as an index and 支付件数 as a count, completes a cut name, and gives rows no item id', () => {
    const body = `<table>${head}<tbody>${product('1', '收纳王+折叠箱...', '98,402', '3,120', '收纳王 + 折叠箱 66L*3个装')}${product('2', '百露+压缩袋', '40,518', '-')}</tbody></table>`;
    const capture = run(sycmMarketRankAdapter, body, MARKET);
    expect(capture.items).toEqual([
      {
        metrics: [
          { metric: 'tradeIndex', label: '交易指数', value: 98402, unit: 'index', bound: 'exact' },
          { metric: 'units', label: '支付件数', value: 3120, unit: 'count', bound: 'exact' },
        ],
        rank: 1,
        title: '收纳王+折叠箱 66L*3个装',
      },
      { metrics: [{ metric: 'tradeIndex', label: '交易指数', value: 40518, unit: 'index', bound: 'exact' }], rank: 2, title: '百露+压缩袋' },
    ]);
    expect(capture.issues).toContainEqual({ field: 'items[2].metrics.units', problem: "'支付件数' shown as '-' (no data)" });
  });

  it('keeps a cut name when the title attribute is about something else', () => {
    const body = `<table>${head}<tbody>${product('1', '收纳王+折叠箱...', '1', '1', '别的产品')}</tbody></table>`;
    expect(run(sycmMarketRankAdapter, body, MARKET).items![0]!.title).toBe('收纳王+折叠箱...');
  });

  it('puts nothing on any item entity and no figure on the operator’s shop', () => {
    const html = readFileSync(join(FIXTURE_ROOT, 'taobao/sycm-market-rank.html'), 'utf8');
    const capture = captureFrom(sycmMarketRankAdapter, documentFromHtml(html, MARKET), MARKET, new Date('2026-11-22T00:00:00Z'));
    expect(capture.items!.length).toBe(3);
    expect(capture.items!.every((item) => item.itemId === undefined)).toBe(true);
    expect(rowEntitiesOf(capture)).toEqual([]);
    expect(observationsOf(capture, 'c1', entityOf(capture)!.key)).toEqual([]);
  });
});
