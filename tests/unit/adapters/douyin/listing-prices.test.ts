/**
 * 抖音商城 product page prices when the page is damaged or partly rendered (fuzz findings on
 * douyin/listing-haohuo and douyin/listing-two-prices): a price shown but unreadable still counts,
 * a labelled (券后) price is never promoted in place of an unreadable main price, and the selected
 * SKU's bar (已选 …) is never the listing's price.
 */
import { describe, expect, it } from 'vitest';
import { haohuoListingAdapter } from '../../../../lib/adapters/douyin/listing';

const ITEM = new URL('https://haohuo.jinritemai.com/views/product/item2?id=3718502021305860341');
const split = (int: string, dec: string) => `<span>¥</span><span>${int}</span><span>${dec}</span>`;

function price(body: string) {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body><h1>山野小灶 汤料</h1>${body}<div>已售 3000+</div></body></html>`, 'text/html');
  const result = haohuoListingAdapter.extract(doc, ITEM);
  return { price: result.listing?.price, problem: result.issues.find((issue) => issue.field === 'listing.price')?.problem };
}

describe('haohuo prices on a damaged page', () => {
  it.each([
    ['main price readable, coupon beside it', `<div>${split('59', '.9')}</div><div><span>券后</span><span>¥49.9</span></div>`, { min: 59.9, kind: 'shown' }],
    ['main price unreadable (¥5?.9): the coupon price is not promoted', `<div>${split('5?', '.9')}</div><div><span>券后</span><span>¥49.9</span></div>`, undefined],
    ['main price drawn with a lost glyph (¥口9.9)', `<div>${split('口9', '.9')}</div><div><span>券后</span><span>¥49.9</span></div>`, undefined],
    ['main price shown as ¥--', `<div>¥--</div><div><span>券后</span><span>¥49.9</span></div>`, undefined],
    ['two unlabelled prices: ambiguous', `<div>${split('39', '.90')}</div><div>${split('69', '.90')}</div>`, undefined],
    ['two unlabelled prices, one unreadable: still ambiguous', `<div>${split('x9', '.90')}</div><div>${split('69', '.90')}</div>`, undefined],
    ['a coupon price alone', `<div><span>券后</span><span>¥49.9</span></div>`, { min: 49.9, kind: 'coupon', label: '券后' }],
    ['a coupon price beside an unreadable labelled one', `<div><span>券后</span><span>¥49.9</span></div><div><span>活动价</span><span>¥4?.9</span></div>`, undefined],
    ['an instalment is no competitor', `<div>${split('59', '.9')}</div><div>分期 <span>¥20.0/期</span></div>`, { min: 59.9, kind: 'shown' }],
  ])('%s', (_case, body, expected) => {
    const read = price(body);
    expect(read.price).toEqual(expected);
    if (expected === undefined) expect(read.problem).toMatch(/none taken/);
  });

  it('never reads the selected SKU’s bar (已选 …) as the listing’s price', () => {
    const bar = `<div class="bar"><div>已选：冷泡乌龙 60袋</div><div>${split('69', '.90')}</div><button>立即购买</button></div>`;
    expect(price(`<div>${split('39', '.90')}</div>${bar}`).price).toEqual({ min: 39.9, kind: 'shown' });
    // With the page's own price gone, the bar's price is still not the listing's.
    expect(price(bar).price).toBeUndefined();
  });
});
