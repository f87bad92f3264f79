/**
 * PDD goods and search pages damaged or partly rendered (fuzz findings with seeds 1–5): a figure
 * with a lost glyph is never read as its first digits (`¥19.口` is not ¥19, `已拼6.x万件` not 6), a
 * group price shown unreadable leaves the price missing, and an embedded price whose unit nothing
 * confirms (a yuan field that may hold fen) is not used without a shown price to check it against.
 */
import { describe, expect, it } from 'vitest';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddListingAdapter } from '../../../../lib/adapters/pinduoduo/listing';
import { pddSearchAdapter } from '../../../../lib/adapters/pinduoduo/search';

const GOODS = new URL('https://mobile.yangkeduo.com/goods.html?goods_id=612345678901');
const SEARCH = new URL('https://mobile.yangkeduo.com/search_result.html?search_key=%E7%89%99%E5%88%B7');
const at = new Date('2026-11-22T00:00:00Z');

function page(body: string, rawData?: unknown): Document {
  const script = rawData === undefined ? '' : `<script>window.rawData=${JSON.stringify(rawData)};</script>`;
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>拼多多</title>${script}</head><body>${body}</body></html>`, 'text/html');
}

const raw = (fields: Record<string, unknown>) => ({ store: { initDataObj: { goods: { goodsID: 612345678901, goodsName: '竹炭软毛牙刷', ...fields } } } });

describe('goods page', () => {
  const listing = (body: string, rawData?: unknown) => {
    const capture = captureFrom(pddListingAdapter, page(`<h1>竹炭软毛牙刷</h1>${body}`, rawData), GOODS, at);
    return { price: capture.listing?.price, problems: capture.issues.filter((i) => i.field === 'listing.price').map((i) => i.problem) };
  };

  it.each([
    ['a readable group price', '<div><span>¥</span><span>9</span><span>.9</span><span>发起拼单</span></div>', { min: 9.9, kind: 'group', label: '发起拼单' }],
    ['a group price with a lost glyph (¥9.x)', '<div><span>¥</span><span>9</span><span>.x</span><span>发起拼单</span></div>', undefined],
    ['an unreadable group price beside a readable unlabelled one', '<div><span>¥9.口</span><span>发起拼单</span></div><div>¥12.9</div>', undefined],
  ])('%s', (_case, body, expected) => {
    expect(listing(body).price).toEqual(expected);
  });

  it('does not use a yuan-field price it cannot check: 990 may be 990 fen', () => {
    const read = listing('', raw({ minGroupPrice: 990, maxGroupPrice: 990 }));
    expect(read.price).toBeUndefined();
    expect(read.problems[0]).toMatch(/cannot be checked against a shown price: units uncertain, not used/);
  });

  it.each([
    ['a fen field (unit confirmed by real data)', raw({ min_group_price: 990 }), { min: 9.9, kind: 'group', label: '拼单价' }],
    ['a yuan field agreeing with a fen field', raw({ minGroupPrice: 9.9, min_group_price: 990 }), { min: 9.9, kind: 'group', label: '拼单价' }],
  ])('uses an embedded price without a shown one when its unit is confirmed: %s', (_case, data, expected) => {
    expect(listing('', data).price).toEqual(expected);
  });

  it('uses a yuan-field price the shown price confirms', () => {
    expect(listing('<div><span>¥9.9</span><span>发起拼单</span></div>', raw({ minGroupPrice: 9.9 })).price).toEqual({ min: 9.9, kind: 'group', label: '拼单价' });
  });
});

describe('search cards', () => {
  const card = (price: string, sales: string) =>
    `<div class="c"><div class="img"><img src="x.jpg"></div><div class="info"><div class="t">竹炭细毛牙刷 小头软毛 学生宿舍用 6支装</div><p class="p">${price}<span>${sales}</span></p></div></div>`;
  const result = (price: string, sales = '已拼10万+件') => captureFrom(pddSearchAdapter, page(`<div class="list">${card(price, sales)}${card('<span>¥</span><span>45</span>', '已拼8000+件')}</div>`), SEARCH, at).results?.[0];

  it.each([
    ['<span>¥</span><span>19</span><span>.9</span>', { min: 19.9, kind: 'shown' }],
    ['<span>¥</span><span>19</span><span>.口</span>', null],
    ['<span>¥</span><span>1?</span><span>.9</span>', null],
  ])('reads the split price %s as %o, never its first digits', (price, expected) => {
    expect(result(price)?.price ?? null).toEqual(expected);
  });

  it.each([
    ['已拼6.3万件', { value: 63000, bound: 'exact', phrase: '已拼6.3万件' }],
    ['已拼6.x万件', undefined],
  ])('reads the sales %s as %o', (sales, expected) => {
    expect(result('<span>¥</span><span>19</span><span>.9</span>', sales)?.sales).toEqual(expected);
  });
});
