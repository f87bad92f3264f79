/**
 * The PDD goods-page adapter, one rule per case: embedded units, the check against the shown
 * price, price kinds by their words, sales that count the shop, sections about other goods.
 * Whole pages are pinned by tests/fixtures/pinduoduo/listing-*.html.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddListingAdapter } from '../../../../lib/adapters/pinduoduo/listing';
import { readRawPrices, readRawSales } from '../../../../lib/adapters/pinduoduo/listing-rawdata';

const URL_ = new URL('https://mobile.yangkeduo.com/goods.html?goods_id=612345678901');

function page(body: string, rawData?: unknown, title = '拼多多'): Document {
  const script = rawData === undefined ? '' : `<script>window.rawData=${JSON.stringify(rawData)};</script>`;
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>${title}</title>${script}</head><body>${body}</body></html>`, 'text/html');
}

function goods(fields: Record<string, unknown>) {
  return { store: { initDataObj: { goods: { goodsID: 612345678901, goodsName: '竹炭软毛牙刷成人家用护龈', ...fields } } } };
}

function extract(doc: Document) {
  const capture = captureFrom(pddListingAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

function problems(capture: ReturnType<typeof extract>, field: string): string[] {
  return capture.issues.filter((issue) => issue.field === field).map((issue) => issue.problem);
}

describe('embedded prices and their units', () => {
  it.each([
    ['camelCase yuan', { minGroupPrice: 9.9, maxGroupPrice: 12.9 }, { min: 9.9, max: 12.9 }],
    ['yuan as strings', { minGroupPrice: '9.90', maxGroupPrice: '9.90' }, { min: 9.9 }],
    ['snake_case fen', { min_group_price: 990, max_group_price: 1290 }, { min: 9.9, max: 12.9 }],
    ['yuan and fen agreeing', { minGroupPrice: 9.9, min_group_price: 990 }, { min: 9.9 }],
    ['SKU prices when no min/max', { skus: [{ groupPrice: '12.9' }, { groupPrice: '9.9' }] }, { min: 9.9, max: 12.9 }],
  ])('reads the group price from %s', (_case, fields, expected) => {
    const { prices, problems: found } = readRawPrices(goods(fields).store.initDataObj.goods);
    expect(prices.find((price) => price.kind === 'group')).toEqual({ ...expected, kind: 'group', label: '拼单价' });
    expect(found).toEqual([]);
  });

  it.each([
    ['yuan and fen disagreeing (29.9 vs 299 fen)', { minGroupPrice: 29.9, min_group_price: 299 }, 'disagree'],
    ['a yuan field with three decimals', { minGroupPrice: 9.999 }, 'not yuan amounts'],
    ['a fen field with decimals', { min_group_price: 990.5 }, 'not whole fen'],
    ['a range running backwards', { minGroupPrice: 12.9, maxGroupPrice: 9.9 }, 'not yuan amounts'],
    ['SKUs with a price missing', { skus: [{ groupPrice: '9.9' }, { normalPrice: '12.9' }] }, 'missing'],
  ])('reads no group price from %s', (_case, fields, why) => {
    const { prices, problems: found } = readRawPrices(goods(fields).store.initDataObj.goods);
    expect(prices.find((price) => price.kind === 'group')).toBeUndefined();
    expect(found.join(' ')).toContain(why);
  });

  it('drops embedded prices the page contradicts (990 in a yuan field against ¥9.9 shown)', () => {
    const capture = extract(page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥<span>9</span><span>.9</span></div>', goods({ minGroupPrice: 990 })));
    expect(capture.listing?.price).toEqual({ min: 9.9, kind: 'shown' });
    expect(problems(capture, 'listing.price')).toEqual([expect.stringContaining('units uncertain')]);
  });

  it('keeps embedded prices the page agrees with, and drops page prices inside their ranges', () => {
    const capture = extract(
      page(
        '<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥<span>9</span><span>.9</span></div><div role="button"><span>¥13.9</span><span>单独购买</span></div>',
        goods({ minGroupPrice: 9.9, maxGroupPrice: 12.9, minNormalPrice: 13.9, maxNormalPrice: 16.9 }),
      ),
    );
    expect(capture.listing?.price).toEqual({ min: 9.9, max: 12.9, kind: 'group', label: '拼单价' });
    expect(capture.listing?.otherPrices).toEqual([{ min: 13.9, max: 16.9, kind: 'list', label: '单买价' }]);
    expect(problems(capture, 'listing.price')).toEqual([]);
  });

  it('does not use embedded data about another goods', () => {
    const data = goods({ minGroupPrice: 5 });
    data.store.initDataObj.goods.goodsID = 999;
    const capture = extract(page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥9.9</div>', data));
    expect(capture.listing?.price).toEqual({ min: 9.9, kind: 'shown' });
    expect(problems(capture, 'embedded')).toEqual([expect.stringContaining('not 612345678901')]);
  });
});

describe('embedded sales', () => {
  it.each([
    [{ sideSalesTip: '已拼10万+件' }, { value: 100000, bound: 'atLeast', phrase: '已拼10万+件' }],
    [{ sideSalesTip: '已拼1.2万件', soldQuantity: 12345 }, { value: 12000, bound: 'exact', phrase: '已拼1.2万件' }],
    [{ soldQuantity: 321 }, { value: 321, bound: 'exact' }],
    [{ sold_quantity: '77' }, { value: 77, bound: 'exact' }],
  ])('%o → %o', (fields, sales) => {
    expect(readRawSales(goods(fields).store.initDataObj.goods).sales).toEqual(sales);
  });

  it('refuses a tip counting the whole shop, and notes a count below the tip', () => {
    expect(readRawSales(goods({ sideSalesTip: '本店已拼12.8万+件' }).store.initDataObj.goods)).toMatchObject({
      problem: expect.stringContaining('whole shop'),
    });
    expect(readRawSales(goods({ sideSalesTip: '已拼10万+件', soldQuantity: 500 }).store.initDataObj.goods).notes).toEqual([
      expect.stringContaining('below the sales tip'),
    ]);
    expect(readRawSales(goods({ soldQuantity: 2.5 }).store.initDataObj.goods).sales).toBeUndefined();
  });
});

describe('page prices by their words', () => {
  it.each([
    ['<div role="button"><span>¥9.9</span><span>发起拼单</span></div>', { min: 9.9, kind: 'group', label: '发起拼单' }],
    ['<div><span role="img" aria-label="首件¥17.78"><span aria-hidden="true">首件</span><span aria-hidden="true">¥17.78</span></span></div>', { min: 17.78, kind: 'firstItem', label: '首件' }],
    ['<div>¥<span>29</span><span>.99</span></div>', { min: 29.99, kind: 'shown' }],
    ['<div><span>百亿补贴</span><span>¥</span><span>19</span><span>.9</span></div>', { min: 19.9, kind: 'subsidised', label: '百亿补贴' }],
  ])('reads %s as the headline price', (html, price) => {
    expect(extract(page(`<h1>竹炭软毛牙刷成人家用护龈</h1>${html}`)).listing?.price).toEqual(price);
  });

  it('keeps labelled side prices apart and never takes them for the headline', () => {
    const capture = extract(
      page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>券前¥19.78</div><div>券后¥8.9</div><div><span>即将恢复29.98元</span></div><div><del>¥39</del></div>'),
    );
    expect(capture.listing?.price).toBeUndefined();
    expect(capture.listing?.otherPrices).toEqual([
      { min: 19.78, kind: 'list', label: '券前' },
      { min: 8.9, kind: 'coupon', label: '券后' },
      { min: 29.98, kind: 'list', label: '即将恢复' },
      { min: 39, kind: 'list' },
    ]);
    expect(problems(capture, 'listing.price')).toEqual([expect.stringContaining('only labelled prices')]);
  });

  it('refuses two different unlabelled prices, a `¥-`, and words it does not know', () => {
    expect(problems(extract(page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥9.9</div><p>x</p><div>¥12.9</div>')), 'listing.price')).toEqual([
      expect.stringContaining('several different unlabelled prices'),
    ]);
    expect(problems(extract(page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥<span>-</span></div>')), 'listing.price')).toEqual([
      expect.stringContaining('price shown as'),
    ]);
    const unknown = extract(page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>新人专享¥1.9</div><div>¥9.9</div>'));
    expect(unknown.listing?.price).toEqual({ min: 9.9, kind: 'shown' });
    expect(problems(unknown, 'listing.price')).toEqual([expect.stringContaining('not a known kind')]);
  });

  it('reads nothing inside sections about other goods, and no price from 先用后付 0元下单', () => {
    const capture = extract(
      page(
        `<div id="main"><h1>竹炭软毛牙刷成人家用护龈</h1><div>¥9.9</div><div><span>先用后付</span><span>0元下单</span></div><span>已拼2万+件</span></div>
         <div><div>相似商品</div><div><div>另一把牙刷 家庭装</div><div>¥5.9</div><div>已拼50万+件</div><span>满10减1</span></div></div>`,
      ),
    );
    expect(capture.listing).toMatchObject({ price: { min: 9.9, kind: 'shown' }, sales: { value: 20000, bound: 'atLeast' } });
    expect(capture.listing?.promotions).toBeUndefined();
  });

  it('does not take the shop sales in the mall block for the goods', () => {
    const capture = extract(page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥9.9</div><div><div>洁齿日用专营店</div><div>本店已拼12.8万+件</div></div>'));
    expect(capture.listing?.sales).toBeUndefined();
    expect(problems(capture, 'listing.sales')).toEqual([expect.stringContaining("only the shop's sales")]);
  });
});

describe('detection', () => {
  it.each([
    ['embedded data with a title', page('', goods({})), true],
    ['a title and a price on the page', page('<h1>竹炭软毛牙刷成人家用护龈</h1><div>¥9.9</div>'), true],
    ['a title without a price', page('<h1>竹炭软毛牙刷成人家用护龈</h1>'), false],
    ['a skeleton', page('<div class="skeleton"></div>'), false],
  ])('%s → %s', (_case, doc, detected) => {
    expect(pddListingAdapter.detect(doc, URL_)).toBe(detected);
  });
});
