/**
 * The Pinduoduo adapters on real captures kept outside the project (../shared/realpages/pdd and
 * extracted_samples, see SOURCES.md and SOURCES-2.md). Skipped when that folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { fenToYuan } from '../../../../lib/capture/numbers';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { captureFrom } from '../../../../lib/adapters/run';
import { loadHtmlFile } from '../../../../lib/cli/load-document';
import { pddDomView, readDomPrices, readDomPromotions } from '../../../../lib/adapters/pinduoduo/listing-dom';
import { readRawPrices } from '../../../../lib/adapters/pinduoduo/listing-rawdata';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const realpages = resolve(projectRoot, '../shared/realpages');
const pdd = join(realpages, 'pdd');
const at = new Date('2026-11-22T00:00:00.000Z');

async function capture(file: string, url: string, adapterId: string) {
  const page = await loadHtmlFile(join(pdd, file), url);
  const adapter = adapterForUrl(page.url);
  expect(adapter?.id).toBe(adapterId);
  expect(adapter!.detect(page.doc, page.url)).toBe(true);
  const result = captureFrom(adapter!, page.doc, page.url, at);
  expect(captureSchema.safeParse(result).success).toBe(true);
  return result;
}

async function dialog(file: string) {
  const page = await loadHtmlFile(join(pdd, file), 'https://mobile.yangkeduo.com/goods.html?goods_id=985864719369');
  const view = pddDomView(page.doc);
  return { prices: readDomPrices(view), promotions: readDomPromotions(view) };
}

describe.skipIf(!existsSync(pdd))('Pinduoduo adapters on real captures', () => {
  it('live goods page 672673135904: id, title, the selected option price 0.99 from split spans, promotions', async () => {
    const { listing } = await capture(
      'pdd-live-detail_672673135904.html',
      'https://mobile.yangkeduo.com/goods.html?goods_id=672673135904',
      'pinduoduo/listing',
    );
    expect(listing).toMatchObject({
      itemId: '672673135904',
      title: '通风透气花盆托盘',
      price: { min: 0.99, kind: 'shown' },
      promotions: ['2件9.9折', '满50减2'],
    });
    expect(listing?.otherPrices).toBeUndefined();
    // Attribute rows (品牌, 发货地) and the quantity field are no prices or sales.
    expect(listing?.sales).toBeUndefined();
  });

  it('search card: title, 券后 ¥4.92 as a coupon price, 疯抢136.4万支 as 1364000; 回头客 is not sales', async () => {
    const { results, issues } = await capture(
      'pdd-search-decorated-title.html',
      'https://mobile.yangkeduo.com/search_result.html?search_key=%E7%89%99%E5%88%B7',
      'pinduoduo/search',
    );
    expect(results).toEqual([
      {
        rank: 1,
        title: '倍加洁黑白软毛牙刷学生情侣护龈深层清洁成人家庭装高档宿舍家用',
        price: { min: 4.92, kind: 'coupon', label: '券后' },
        sales: { value: 1364000, bound: 'exact', phrase: '疯抢136.4万支' },
      },
    ]);
    expect(issues).toEqual([]);
  });

  it('fan SKU dialog: ¥ + 29 + .99 is the selected option price, one of the observed SKU prices', async () => {
    const observed = JSON.parse(readFileSync(join(pdd, 'pdd-goods-985864719369_sku-dialog_fan.observed.json'), 'utf8')) as Array<{ price: string; specs: string[] }>;
    const { prices, promotions } = await dialog('pdd-goods-985864719369_sku-dialog_fan.html');
    expect(prices.price).toEqual({ min: 29.99, kind: 'shown' });
    // 已选：…米白色 豪华款… was recorded at ¥29.99 on the live page.
    const selected = observed.find((sku) => sku.specs.some((spec) => spec.includes('米白色')) && sku.specs.some((spec) => spec.startsWith('豪华款')));
    expect(selected?.price).toBe('¥29.99');
    expect(promotions).toEqual(['2件9.9折']);
  });

  it('cleanser SKU dialog: 首件¥17.78 (aria-label only) as first-item price, 券前¥19.78 and 即将恢复29.98元 as list prices', async () => {
    const observed = JSON.parse(readFileSync(join(pdd, 'pdd-goods_sku-dialog_cleanser_first-item-price.observed.json'), 'utf8')) as Array<{ price: string; specs: string[] }>;
    const { prices, promotions } = await dialog('pdd-goods_sku-dialog_cleanser_first-item-price.html');
    expect(prices.price).toEqual({ min: 17.78, kind: 'firstItem', label: '首件' });
    expect(observed.find((sku) => sku.specs.includes('芦荟洗面奶1支'))?.price).toBe('首件¥17.78');
    expect(prices.otherPrices).toEqual([
      { min: 19.78, kind: 'list', label: '券前' },
      { min: 29.98, kind: 'list', label: '即将恢复' },
    ]);
    // 预计后天送达 is delivery, not a promotion.
    expect(promotions).toEqual(['2件9.5折', '满100减5']);
  });

  it('saucer SKU dialog: ¥ + 3 + .52', async () => {
    const { prices, promotions } = await dialog('pdd-goods_sku-dialog_saucer_stock.html');
    expect(prices.price).toEqual({ min: 3.52, kind: 'shown' });
    expect(promotions).toEqual(['2件9.6折']);
  });

  it.each(['pdd-2018-category-goods-list_jerrychan807_compares_1.json', 'pdd-2018-category-goods-list_jerrychan807_compares_3.json'])(
    '%s: snake_case API prices are whole fen (normal_price 79900 = ¥799), group ≤ single-buy',
    (file) => {
      const list = (JSON.parse(readFileSync(join(pdd, file), 'utf8')) as { goods_list: Array<Record<string, unknown>> }).goods_list;
      expect(list.length).toBeGreaterThan(50);
      for (const goods of list) {
        const normal = goods.normal_price as number;
        const group = (goods.group as { price: number }).price;
        expect(Number.isInteger(normal) && Number.isInteger(group)).toBe(true);
        expect(group).toBeLessThanOrEqual(normal);
        // The reader's fen fields give the same yuan as fenToYuan on the raw value.
        const { prices } = readRawPrices({ min_group_price: group, min_normal_price: normal });
        expect(prices).toEqual([
          { min: fenToYuan(group)!, kind: 'group', label: '拼单价' },
          { min: fenToYuan(normal)!, kind: 'list', label: '单买价' },
        ]);
      }
    },
  );

  it('category list: the first goods (normal_price 79900, group.price 65464) reads as ¥654.64 group, ¥799 single-buy', () => {
    const [first] = (JSON.parse(readFileSync(join(pdd, 'pdd-2018-category-goods-list_jerrychan807_compares_1.json'), 'utf8')) as {
      goods_list: Array<{ normal_price: number; group: { price: number } }>;
    }).goods_list;
    expect(readRawPrices({ min_group_price: first!.group.price, min_normal_price: first!.normal_price }).prices).toEqual([
      { min: 654.64, kind: 'group', label: '拼单价' },
      { min: 799, kind: 'list', label: '单买价' },
    ]);
  });
});

describe.skipIf(!existsSync(join(realpages, 'extracted_samples')))('Pinduoduo backend figures against real samples', () => {
  it('商品明细 row sample: the values the goods-effect fixture carries for goods 930005554830', () => {
    const [row] = JSON.parse(readFileSync(join(realpages, 'extracted_samples/pdd_mms/pdd-goods-effect-detail_row_sample.json'), 'utf8')) as Array<Record<string, unknown>>;
    const expected = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/pinduoduo/goods-effect-table.expected.json'), 'utf8'));
    const item = expected.items.find((candidate: { itemId?: string }) => candidate.itemId === String(row!.goodsId));
    const value = (metric: string) => item.metrics.find((m: { metric: string }) => m.metric === metric)?.value;
    expect(item.title).toBe(row!.goodsName);
    expect(value('itemVisitors')).toBe(Number(row!.goodsUv));
    expect(value('pageViews')).toBe(Number(row!.goodsPv));
    expect(value('favoriteUsers')).toBe(Number(row!.goodsFavCnt));
    expect(value('orders')).toBe(Number(row!.payOrdrCnt));
    expect(value('units')).toBe(Number(row!.payOrdrGoodsQty));
    expect(value('buyers')).toBe(Number(row!.payOrdrUsrCnt));
    expect(value('payAmount')).toBe(Number(row!.payOrdrAmt));
    expect(value('conversionRate')).toBe(Number(String(row!.goodsVcr).replace('%', '')) / 100);
    expect(item.metrics.find((m: { metric: string }) => m.metric === 'itemVisitors').change.ratio).toBe(row!.goodsUvPpr);
  });

  it('多多推广 report sample: the fetched-report fixture reads the same spend, sales, ROI, exposures and clicks', () => {
    const [row] = JSON.parse(readFileSync(join(realpages, 'extracted_samples/pdd-yingxiao-goods-promotion-report_rpa-doc-sample_2026-04-25.json'), 'utf8')) as Array<Record<string, number>>;
    const expected = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/pinduoduo/yingxiao-report-fetch.expected.json'), 'utf8'));
    const value = (metric: string) => expected.metrics.find((m: { metric: string }) => m.metric === metric)?.value;
    expect(value('adSpend')).toBe(row!.total_cost);
    expect(value('adSales')).toBe(row!.trade_amount);
    expect(value('roi')).toBe(row!.actual_roi);
    expect(value('adOrders')).toBe(row!.deal_count);
    expect(value('impressions')).toBe(row!.impressions);
    expect(value('clicks')).toBe(row!.clicks);
    // The sample's own arithmetic: 实际投产比 = 交易额 / 成交花费.
    expect(Number((row!.trade_amount! / row!.deal_cost!).toFixed(2))).toBe(row!.actual_roi);
  });
});
