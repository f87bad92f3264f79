/**
 * The Douyin item report, product page and product editor: one rule per case (placeholder rows,
 * ids and titles, which price, recommendations, counters). Whole pages are pinned by the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { itemReportAdapter } from '../../../../lib/adapters/douyin/item-report';
import { haohuoListingAdapter } from '../../../../lib/adapters/douyin/listing';
import { fxgEditorAdapter } from '../../../../lib/adapters/douyin/editor';

const PRODUCTS = new URL('https://compass.jinritemai.com/shop/commodity/product-list');
const GOODS = new URL('https://fxg.jinritemai.com/ffa/g/list');
const ITEM = new URL('https://haohuo.jinritemai.com/views/product/item2?id=3718502021305860341');
const CREATE = new URL('https://fxg.jinritemai.com/ffa/g/create');

function page(bodyHtml: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${bodyHtml}</body></html>`, 'text/html');
}

describe('item report', () => {
  const head = '<thead><tr><th>商品</th><th>成交金额</th><th>成交订单数</th></tr></thead>';

  it('reads one row per product with id and title from the product cell, and skips placeholder rows', () => {
    const doc = page(
      `<main><table>${head}<tbody>` +
        '<tr><td><div>莓果冻干主粮</div><div>ID：3718502021305860341</div><div>¥59.90</div></td><td>¥15,199.11</td><td>593</td></tr>' +
        '<tr><td colspan="3">加载中...</td></tr>' +
        '<tr><td></td><td></td><td></td></tr>' +
        '<tr><td>-</td><td>-</td><td>-</td></tr>' +
        '</tbody></table></main>',
    );
    const result = itemReportAdapter.extract(doc, PRODUCTS);
    expect(result.items).toEqual([
      {
        itemId: '3718502021305860341',
        title: '莓果冻干主粮',
        metrics: [
          { metric: 'payAmount', label: '成交金额', value: 15199.11, unit: 'yuan', bound: 'exact' },
          { metric: 'orders', label: '成交订单数', value: 593, unit: 'count', bound: 'exact' },
        ],
      },
    ]);
    expect(result.metrics).toEqual([]);
  });

  it('reads a fixed header table above its body table', () => {
    const doc = page(
      `<main><div><div><table>${head}</table></div><div><table><tbody>` +
        '<tr><td>A ID：123456789</td><td>¥1.00</td><td>1</td></tr><tr><td>B ID：123456780</td><td>-</td><td>2</td></tr>' +
        '</tbody></table></div></div></main>',
    );
    const result = itemReportAdapter.extract(doc, PRODUCTS);
    expect(result.items?.map((item) => [item.itemId, item.title, item.metrics.map((m) => m.value)])).toEqual([
      ['123456789', 'A', [1, 1]],
      ['123456780', 'B', [2]],
    ]);
    expect(result.issues).toEqual([{ field: 'items[1].metrics.payAmount', problem: "'成交金额' shown as '-' (no data)" }]);
  });

  it('reads price, stock and sales only as product-table columns', () => {
    const doc = page(
      '<main><table><thead><tr><th>商品信息</th><th>价格</th><th>库存</th><th>销量</th></tr></thead><tbody>' +
        '<tr><td>乌龙茶 ID: 3691230000001234567</td><td>¥68.00 ~ ¥128.00</td><td>86</td><td>1.2万</td></tr>' +
        '</tbody></table><div><span>销量</span><span>10万+</span></div></main>',
    );
    const [item] = itemReportAdapter.extract(doc, GOODS).items ?? [];
    expect(item?.metrics.map((m) => [m.metric, m.value, m.max])).toEqual([
      ['price', 68, 128],
      ['stock', 86, undefined],
      ['sales', 12000, undefined],
    ]);
  });

  it('ignores tables without a product column', () => {
    const doc = page('<main><table><thead><tr><th>日期</th><th>成交金额</th><th>成交订单数</th></tr></thead><tbody><tr><td>11-20</td><td>¥1</td><td>1</td></tr><tr><td>11-21</td><td>¥2</td><td>2</td></tr></tbody></table></main>');
    const result = itemReportAdapter.extract(doc, PRODUCTS);
    expect(result.items).toEqual([]);
    expect(result.issues[0]).toEqual({ field: 'items', problem: expect.stringContaining('no product table') });
    expect(itemReportAdapter.detect(doc, PRODUCTS)).toBe(false);
  });
});

describe('haohuo product page', () => {
  const shop = '<div><div>小鹿家居旗舰店</div><div><span>商品体验分</span><span>4.8</span></div><a href="/shop">进店</a></div>';

  it.each([
    ['split spans', '<div><span>¥</span><span>59</span><span>.9</span></div>', { min: 59.9, kind: 'shown' }],
    ['a range', '<div>¥19.9 - ¥29.9</div>', { min: 19.9, max: 29.9, kind: 'shown' }],
    ['a coupon price alone', '<div><span>券后</span><span>¥49.9</span></div><del>¥89.00</del>', { min: 49.9, kind: 'coupon', label: '券后' }],
  ])('reads the price from %s', (_how, priceHtml, price) => {
    const doc = page(`<h1>汤料</h1>${priceHtml}<div>已售 3000+</div>${shop}`);
    expect(haohuoListingAdapter.extract(doc, ITEM).listing?.price).toEqual(price);
  });

  it('never takes an instalment, a recommended item or a hidden SKU price, nor their sales', () => {
    const doc = page(
      '<h1>汤料</h1><div>分期 <span>¥20.0/期</span></div><div>已售1.2万+</div>' +
        '<div><div>为你推荐</div><div><span>¥</span><span>9</span><span>.9</span></div><div>已售5万+</div></div>' +
        '<div style="display:none"><span>¥</span><span>69</span><span>.9</span></div>' +
        `<div><span>¥</span><span>59</span><span>.9</span></div>${shop}`,
    );
    const listing = haohuoListingAdapter.extract(doc, ITEM).listing;
    expect(listing?.price).toEqual({ min: 59.9, kind: 'shown' });
    expect(listing?.sales).toEqual({ value: 12000, bound: 'atLeast', phrase: '已售1.2万+' });
  });

  it('takes no price when two different unlabelled prices compete', () => {
    const doc = page(`<h1>汤料</h1><div>¥59.9</div><div>¥69.9</div>${shop}`);
    const result = haohuoListingAdapter.extract(doc, ITEM);
    expect(result.listing?.price).toBeUndefined();
    expect(result.issues).toContainEqual({ field: 'listing.price', problem: expect.stringContaining('none taken') });
  });

  it('reads the shop beside 进店 and the experience scores with their level', () => {
    const doc = page(`<h1>汤料</h1><div>¥59.9</div>${shop.replace('<span>4.8</span>', '<span>4.8</span><span>高</span>')}`);
    const listing = haohuoListingAdapter.extract(doc, ITEM).listing;
    expect(listing?.shop).toEqual({ name: '小鹿家居旗舰店' });
    expect(listing?.scores).toEqual([{ metric: 'experienceScore', label: '商品体验分', value: 4.8, level: '高' }]);
  });

  it('takes the title from the heading, else the share meta, never the bare site name', () => {
    expect(haohuoListingAdapter.extract(page('<div>¥1</div>', '<meta property="og:title" content="乌龙茶 - 抖音商城">'), ITEM).listing?.title).toBe('乌龙茶');
    expect(haohuoListingAdapter.extract(page('<div>¥1</div>', '<title>抖音商城</title>'), ITEM).listing).toBeNull();
  });
});

describe('抖店 product editor', () => {
  const item = (label: string, control: string) => `<div class="form-item"><div class="label"><label>${label}</label></div><div class="control">${control}</div></div>`;

  it('reads the title as typed with its own counter, never another field\'s', () => {
    const doc = page(
      `<form>${item('* 商品标题', '<input value="冷泡乌龙茶 30袋"><span>15/60</span>')}${item('商品卖点', '<input value=""><span>0/30</span>')}</form>`,
    );
    expect(fxgEditorAdapter.extract(doc, CREATE).editor).toMatchObject({ title: '冷泡乌龙茶 30袋', counter: { length: 15, limit: 60 } });
  });

  it('reads an empty title as empty, and no counter when it shows none', () => {
    const doc = page(`<form>${item('商品标题', '<input value="">')}</form>`);
    expect(fxgEditorAdapter.extract(doc, CREATE).editor?.title).toBe('');
    expect(fxgEditorAdapter.extract(doc, CREATE).editor?.counter).toBeUndefined();
    expect(fxgEditorAdapter.detect(doc, CREATE)).toBe(true);
  });

  it('reads the category text without its button, and prices with their kind', () => {
    const doc = page(
      `<form>${item('商品标题', '<input value="x">')}${item('* 发布类目', '<span>茶 &gt; 乌龙茶</span><a>修改类目</a>')}` +
        `${item('售价', '<input value="39.90">')}${item('划线价', '<input value="59">')}${item('库存', '<input value="1200">')}</form>`,
    );
    const editor = fxgEditorAdapter.extract(doc, CREATE).editor;
    expect(editor?.category).toBe('茶>乌龙茶');
    expect(editor?.prices).toEqual([
      { min: 39.9, kind: 'shown', label: '售价' },
      { min: 59, kind: 'list', label: '划线价' },
    ]);
  });

  it('reports a price field that holds no price, and reads nothing without a title field', () => {
    const doc = page(`<form>${item('商品标题', '<input value="x">')}${item('价格', '<input value="abc">')}</form>`);
    expect(fxgEditorAdapter.extract(doc, CREATE).issues).toContainEqual({ field: 'editor.prices', problem: expect.stringContaining('not a price') });
    const none = page('<div>请选择商品类目</div>');
    expect(fxgEditorAdapter.extract(none, CREATE).editor).toBeNull();
    expect(fxgEditorAdapter.detect(none, CREATE)).toBe(false);
  });
});
