/**
 * The listing fields the scorecard reads (images, SKUs and their common price, attributes,
 * shipping promise, return terms), from the embedded ICE data and from the page text, as tables
 * of small pages. Each value is right or reported missing; a 不支持 never becomes a promise.
 */
import { describe, expect, it } from 'vitest';
import { taobaoListingAdapter } from '../../../../lib/adapters/taobao/listing';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const URL_ITEM = new URL('https://detail.tmall.com/item.htm?id=1001');

function page(res: Record<string, unknown> | null, body: string) {
  const script = res
    ? `<script>window.__ICE_APP_CONTEXT__ = ${JSON.stringify({ loaderData: { home: { data: { res: { item: { title: '保温杯', itemId: '1001', ...(res.item as object) }, ...res } } } } })};</script>`
    : '';
  return documentFromHtml(`<html><head><title>保温杯-tmall.com天猫</title>${script}</head><body><h1>保温杯</h1><div>￥ 89</div>${body}</body></html>`, URL_ITEM);
}

function listingOf(res: Record<string, unknown> | null, body = '') {
  const extracted = taobaoListingAdapter.extract(page(res, body), URL_ITEM);
  return { listing: extracted.listing!, issues: extracted.issues.map((issue) => issue.field) };
}

const sku = (id: string, priceText: string, title = '优惠前') => [id, { price: { priceTitle: title, priceText, priceMoney: String(Math.round(Number(priceText) * 100)) } }];

describe('embedded data', () => {
  it.each([
    ['five images, video list given', { item: { images: ['a', 'b', 'c', 'd', 'e'], videos: [{ videoId: '1' }] } }, { count: 5, video: true }],
    ['empty video list: no video', { item: { images: ['a'], videos: [] } }, { count: 1, video: false }],
    ['no video list: not known', { item: { images: ['a', '', 'b'] } }, { count: 2 }],
  ])('images: %s', (_name, res, images) => {
    expect(listingOf(res).listing.images).toEqual(images);
  });

  it('reports images missing rather than 0 when the data has none', () => {
    const { listing, issues } = listingOf({ item: {} });
    expect(listing.images).toBeUndefined();
    expect(issues).toContain('listing.images');
  });

  it.each([
    ['three SKUs, median of their prices', { skuBase: { skus: [{ skuId: '1' }, { skuId: '2' }, { skuId: '3' }] }, skuCore: { sku2info: Object.fromEntries([sku('1', '9.9'), sku('2', '199'), sku('3', '229')]) } }, 3, 199],
    ['a single-spec item (empty list) is one SKU', { skuBase: { skus: [] }, skuCore: { sku2info: { 0: { price: { priceText: '89' } } } } }, 1, undefined],
    ['SKU prices of another kind (券后) are not the common price', { skuBase: { skus: [{}, {}] }, componentsVO: { priceVO: { price: { priceTitle: '优惠前', priceText: '89' } } }, skuCore: { sku2info: Object.fromEntries([sku('1', '59', '券后'), sku('2', '89')]) } }, 2, 89],
    ['a SKU price disagreeing with its fen amount is left out', { skuBase: { skus: [{}, {}] }, skuCore: { sku2info: { 1: { price: { priceText: '89', priceMoney: '1' } }, 2: { price: { priceText: '99', priceMoney: '9900' } } } } }, 2, 99],
  ])('SKUs: %s', (_name, res, count, median) => {
    const { listing } = listingOf(res);
    expect(listing.skuCount).toBe(count);
    expect(listing.skuPriceMedian).toBe(median);
  });

  it.each([
    ['a shipping promise', '预计24小时内发货', '预计24小时内发货'],
    ['two promises', '预计11小时内发货｜承诺48小时内发货', '预计11小时内发货｜承诺48小时内发货'],
    ['not a promise', '现货', undefined],
  ])('shipping: %s', (_name, logisticsTime, expected) => {
    expect(listingOf({ skuCore: { sku2info: { 0: { logisticsTime } } } }).listing.shipping).toBe(expected);
  });

  it('counts attributes with a value in the 参数信息 block', () => {
    const infos = [
      { title: '服务保障', items: [{ title: '退货', text: ['7天无理由'] }] },
      { title: '参数信息', items: [{ title: '品牌', text: ['暖山'] }, { title: '材质', text: '316不锈钢' }, { title: '产地', text: ['-'] }, { title: '容量', text: [] }, { text: ['无标题'] }] },
    ];
    expect(listingOf({ componentsVO: { extensionInfoVO: { infos } } }).listing.attributesFilled).toBe(2);
  });
});

describe('page text', () => {
  it.each([
    ['a list with colons', '<div><h3>参数信息</h3><ul><li>品牌：暖山</li><li>材质: 陶瓷</li><li>产地：-</li></ul></div>', 2],
    ['a table', '<section><div><h2>产品参数</h2></div><table><tr><th>品牌</th><td>陶趣</td></tr><tr><th>风格</th><td>--</td></tr></table></section>', 1],
    ['dt/dd pairs', '<div><h3>规格参数</h3><dl><dt>尺寸</dt><dd>1.8m</dd><dt>颜色</dt><dd>奶咖</dd></dl></div>', 2],
  ])('attributes: %s', (_name, body, count) => {
    expect(listingOf(null, body).listing.attributesFilled).toBe(count);
  });

  it.each([
    ['the guarantee row, whole', '<div><span>保障</span> <span>退货宝</span> · <span>7天无理由退货</span></div>', '保障 退货宝 · 7天无理由退货'],
    ['a refusal stays a refusal', '<p><span>服务</span> <span>不支持7天无理由退货</span></p>', '服务 不支持7天无理由退货'],
    ['a footer help link is not this item’s terms', '<footer><a href="#">如何申请7天无理由退货</a></footer>', undefined],
    ['a recommended item’s card is not this item’s terms', '<div><div>看了又看</div><ul><li>其他杯子 7天无理由退货</li></ul></div>', undefined],
  ])('returns: %s', (_name, body, expected) => {
    expect(listingOf(null, body).listing.returns).toBe(expected);
  });

  it.each([
    ['only the promise, not the freight words', '<li><span>运费</span> <span>浙江 至 上海</span> <span>快递 免运费</span> <span>承诺72小时内发货</span></li>', '承诺72小时内发货'],
    ['same-day shipping', '<div>今日发货</div>', '今日发货'],
    ['the word 发货 alone', '<div>发货地 浙江</div>', undefined],
  ])('shipping: %s', (_name, body, expected) => {
    expect(listingOf(null, body).listing.shipping).toBe(expected);
  });

  it('reports images and SKUs missing on a page without embedded data', () => {
    const { listing, issues } = listingOf(null);
    expect(listing.images).toBeUndefined();
    expect(listing.skuCount).toBeUndefined();
    expect(issues).toEqual(expect.arrayContaining(['listing.images', 'listing.skuCount', 'listing.attributesFilled', 'listing.shipping', 'listing.returns']));
  });
});
