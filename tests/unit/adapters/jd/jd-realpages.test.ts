/**
 * The JD adapters on real values kept outside the project (../shared/realpages, see SOURCES.md):
 * a crawled item.jd.com record (iPhone 15, 100066896338) and a 商智 商品明细 SKU row. Neither is a
 * saved page, so each is put into the shape the page has (title and 商品编号 in the HTML, price
 * and comment summary as the page's fetched JSON; the row as cells under their column headers)
 * with its real values and formats untouched. Skipped when that folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageResponse } from '../../../../lib/adapters/types';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const samples = resolve(projectRoot, '../shared/realpages/extracted_samples/jd');
const at = new Date('2026-11-22T00:00:00.000Z');

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.skipIf(!existsSync(samples))('JD adapters on real values', () => {
  it('jd-item-crawl-record_100066896338.json: title, 5999.00, 200万+ reviews (a lower bound), 好评率 95', () => {
    const record = JSON.parse(readFileSync(join(samples, 'jd-item-crawl-record_100066896338.json'), 'utf8'));
    const url = new URL(record.productLink.trim());
    const sku = /(\d+)/.exec(record.productNumber)![1]!;
    const html =
      `<html><head><title>【AppleiPhone 15】${escape(record.productName)}【行情 报价 价格 评测】-京东</title></head><body>` +
      `<div class="sku-name">${escape(record.productName)}</div>` +
      `<div class="summary-price"><div class="dt">京 东 价</div><span>￥</span><span class="price J-p-${sku}"></span></div>` +
      `<ul class="parameter2"><li>${escape(record.productNumber)}</li></ul></body></html>`;
    const responses: PageResponse[] = [
      { endpoint: 'price-mgets', url: `https://p.3.cn/prices/mgets?skuIds=J_${sku}`, body: [{ id: `J_${sku}`, p: record.productPrice }] },
      {
        endpoint: 'comments-page',
        url: `https://club.jd.com/comment/productPageComments.action?productId=${sku}&score=0&sortType=5&page=0&pageSize=10`,
        body: { productCommentSummary: record.productCommentSummary },
      },
    ];
    const doc = documentFromHtml(html, url);
    const adapter = adapterForUrl(url)!;
    expect(adapter.id).toBe('jd/listing');
    expect(adapter.detect(doc, url, responses)).toBe(true);
    const capture = captureFrom(adapter, doc, url, at, responses);
    expect(captureSchema.safeParse(capture).success).toBe(true);
    expect(capture.listing).toMatchObject({
      itemId: '100066896338',
      title: 'Apple/苹果 iPhone 15 (A3092) 256GB 黑色 支持移动联通电信5G 双卡双待手机',
      price: { min: 5999, kind: 'shown' },
      reviews: { value: 2_000_000, bound: 'atLeast', phrase: '200万+' },
      scores: [{ metric: 'goodRate', label: '好评率', value: 0.95 }],
    });
    expect(capture.listing?.otherPrices).toBeUndefined();
    // The record has no shop link: reported, not invented.
    expect(capture.issues).toEqual([{ field: 'listing.shop', problem: 'no shop link (mall.jd.com) on the page' }]);
  });

  it('jdsz-product-detail-sku_row_sample.json: a 商品明细 row by column header, "1.0" counts and "50.00%" ratios', () => {
    const row = JSON.parse(readFileSync(join(samples, 'jdsz-product-detail-sku_row_sample.json'), 'utf8'));
    // Export field → the column header the page shows for it.
    const columns: Array<[string, string]> = [
      ['商品名称', 'skuName'],
      ['SKU', 'skuId'],
      ['成交金额', 'payAmt'],
      ['成交商品件数', 'paySkuQty'],
      ['成交单量', 'payOrderQty'],
      ['成交客户数', 'payBuyerCnt'],
      ['成交转化率', 'payRate'],
      ['客单价', 'payPerBuyerAmt'],
      ['件单价', 'payPerSkuAmt'],
      ['UV价值', 'uvValue'],
      ['浏览量', 'itemPv'],
      ['访客数', 'itemUv'],
      ['加购客户数', 'cartBuyerCnt'],
      ['加购商品件数', 'cartSkuQty'],
      ['加购转化率', 'cartRate'],
      ['下单金额', 'orderAmt'],
      ['下单转化率', 'orderRate'],
      ['取消订单金额', 'cancelOrderAmt'],
    ];
    const cell = (value: unknown) => (value === null || value === undefined ? '-' : escape(String(value)));
    const html =
      `<html><body><div>统计时间：${row.statTime}</div><table><thead><tr>${columns.map(([header]) => `<th>${header}</th>`).join('')}</tr></thead>` +
      `<tbody><tr>${columns.map(([, key]) => `<td>${cell(row[key])}</td>`).join('')}</tr></tbody></table></body></html>`;
    const url = new URL('https://jdsz.jd.com/szweb/view/product/productDetail.html');
    const doc = documentFromHtml(html, url);
    const adapter = adapterForUrl(url)!;
    expect(adapter.id).toBe('jd/sz-item-report');
    expect(adapter.detect(doc, url)).toBe(true);
    const capture = captureFrom(adapter, doc, url, at);
    expect(captureSchema.safeParse(capture).success).toBe(true);
    expect(capture.period).toEqual({ label: '2026-06-04', start: '2026-06-04', end: '2026-06-04' });
    expect(capture.items).toHaveLength(1);
    const item = capture.items![0]!;
    expect(item.itemId).toBe('10216519586736');
    expect(item.title).toBe(row.skuName);
    expect(Object.fromEntries(item.metrics.map((m) => [m.metric, m.value]))).toEqual({
      payAmount: 4012.17,
      units: 1,
      orders: 1,
      buyers: 1,
      conversionRate: 0.5,
      aov: 4012.17,
      uvValue: 2006.085,
      pageViews: 2,
      visitors: 2,
      addToCartUsers: 1,
      addToCartUnits: 2,
      addToCartRate: 0.5,
      orderAmount: 4012.17,
    });
    expect(capture.issues).toEqual([]);
  });
});
