/**
 * JD's price and comment endpoints: which requests they are (the bridge's own matching rule),
 * and how their bodies are read — per SKU, in yuan, bounds kept, other SKUs' data never mixed in.
 */
import { describe, expect, it } from 'vitest';
import { matchEndpoint } from '../../../../lib/bridge/endpoints';
import {
  JD_COMMENT_ENDPOINTS,
  JD_PRICE_ENDPOINTS,
  readJdComments,
  readJdPrices,
  skuOfRequest,
  yuanOf,
} from '../../../../lib/adapters/jd/endpoints';
import type { PageResponse } from '../../../../lib/adapters/types';

const ALL = [...JD_PRICE_ENDPOINTS, ...JD_COMMENT_ENDPOINTS];

describe('endpoint specs', () => {
  it('have unique ids', () => {
    const ids = ALL.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['https://p.3.cn/prices/mgets?skuIds=J_100066896338', 'item.jd.com', 'price-mgets'],
    ['https://item.jd.com/prices/mgets?skuIds=J_100066896338', 'item.jd.com', 'price-mgets-page'],
    ['https://item-soa.jd.com/getWareBusiness?skuId=100066896338', 'item.jd.com', 'price-ware-soa'],
    ['https://api.m.jd.com/?appid=pc-item-soa&functionId=pc_detailpage_wareBusiness&client=pc&body=%7B%7D', 'item.jd.com', 'price-ware-api'],
    ['https://api.m.jd.com/api?functionId=pc_detailpage_wareBusiness', 'item.jd.com', 'price-ware-api'],
    ['https://club.jd.com/comment/productCommentSummaries.action?referenceIds=100066896338', 'item.jd.com', 'comments-summaries'],
    ['https://club.jd.com/comment/productPageComments.action?productId=100066896338&score=0', 'item.jd.com', 'comments-page'],
    ['https://club.jd.com/comment/skuProductPageComments.action?productId=1', 'item.jd.com', 'comments-page'],
    ['https://api.m.jd.com/?appid=item-v3&functionId=pc_club_productCommentSummaries&referenceIds=1', 'item.jd.com', 'comments-api'],
    ['https://search.jd.com/prices/mgets?skuIds=J_1,J_2', 'search.jd.com', 'price-mgets-page'],
    // Other services on the same hosts, and look-alikes: not read.
    ['https://api.m.jd.com/?functionId=pc_detailpage_wareBusinessX', 'item.jd.com', undefined],
    ['https://api.m.jd.com/?functionId=getLegoWareDetailComment', 'item.jd.com', undefined],
    ['https://club.jd.com/comment/getCommentsByTag.action?productId=1', 'item.jd.com', undefined],
    ['https://p.3.cn.evil.example/prices/mgets?skuIds=J_1', 'item.jd.com', undefined],
    ['https://evil.example/prices/mgets?skuIds=J_1', 'item.jd.com', undefined],
  ])('%s on %s → %s', (url, pageHost, id) => {
    expect(matchEndpoint(ALL, new URL(url), pageHost)?.id).toBe(id);
  });
});

describe('yuanOf', () => {
  it.each([
    ['5999.00', 5999],
    ['0.99', 0.99],
    ['129', 129],
    ['-1.00', undefined],
    ['0.00', undefined],
    ['', undefined],
    ['5,999.00', undefined],
    ['599900', 599900],
    ['12.345', undefined],
    [undefined, undefined],
  ])('%s → %s', (text, value) => {
    expect(yuanOf(text)).toBe(value);
  });
});

describe('skuOfRequest', () => {
  it.each([
    ['https://p.3.cn/prices/mgets?skuIds=J_100066896338', '100066896338'],
    ['https://p.3.cn/prices/mgets?skuIds=J_1,J_2', undefined],
    ['https://club.jd.com/comment/productPageComments.action?productId=100066896338&page=0', '100066896338'],
    ['https://api.m.jd.com/?functionId=pc_detailpage_wareBusiness&body=%7B%22skuId%22%3A100045678912%7D', '100045678912'],
    ['https://api.m.jd.com/?functionId=pc_detailpage_wareBusiness&body=%7B%22skuId%22%3A%22100045678912%22%7D', '100045678912'],
    ['https://api.m.jd.com/?functionId=x', undefined],
    ['https://item-soa.jd.com/getWareBusiness?skuId=abc', undefined],
    ['not a url at all %%%', undefined],
  ])('%s → %s', (url, sku) => {
    expect(skuOfRequest(url)).toBe(sku);
  });
});

function response(endpoint: string, url: string, body: unknown): PageResponse {
  return { endpoint, url, body };
}

describe('readJdPrices', () => {
  it('reads every SKU of a mgets list, in yuan, and keeps the latest answer per SKU', () => {
    const prices = readJdPrices([
      response('price-mgets', 'https://p.3.cn/prices/mgets?skuIds=J_1,J_2', [
        { id: 'J_1', p: '129.00', op: '159.00', m: '199.00', tpp: '119.00' },
        { id: 'J_2', p: '-1.00', op: '-1.00', m: '-1.00' },
      ]),
      response('price-mgets', 'https://p.3.cn/prices/mgets?skuIds=J_1', [{ id: 'J_1', p: '125.00', op: '159.00', m: '199.00' }]),
    ]);
    expect(prices.bySku.get('1')).toEqual({ current: 125, currentText: '125.00', original: 159, market: 199 });
    expect(prices.bySku.get('2')).toEqual({ currentText: '-1.00' });
    expect(prices.notes).toEqual([]);
  });

  it('takes a ware-business price only for the SKU it names (in the body, else in the request)', () => {
    const prices = readJdPrices([
      response('price-ware-api', 'https://api.m.jd.com/?functionId=pc_detailpage_wareBusiness&body=%7B%22skuId%22%3A7%7D', {
        price: { p: '2999.00', op: '3299.00', m: '3999.00' },
        stockInfo: { stockDesc: '<strong>无货</strong>，此商品暂时售完' },
      }),
      response('price-ware-soa', 'https://item-soa.jd.com/getWareBusiness?skuId=8', { price: { id: '9', p: '10.00' } }),
      response('price-ware-api', 'https://api.m.jd.com/?functionId=pc_detailpage_wareBusiness', { price: { p: '1.00' } }),
      response('price-ware-api', 'https://api.m.jd.com/?functionId=pc_detailpage_wareBusiness&skuId=5', { code: '0' }),
    ]);
    expect(prices.bySku.get('7')).toEqual({ current: 2999, currentText: '2999.00', original: 3299, market: 3999, stock: '无货' });
    expect(prices.bySku.get('9')?.current).toBe(10);
    expect(prices.bySku.has('8')).toBe(false);
    expect(prices.notes).toEqual([
      'a price response does not say which SKU it is for: not read',
      'a price response had no price in it: not read',
    ]);
  });

  it('ignores responses of other endpoints and hostile shapes', () => {
    const prices = readJdPrices([
      response('comments-summaries', 'https://club.jd.com/x', [{ id: 'J_1', p: '1.00' }]),
      response('price-mgets', 'https://p.3.cn/prices/mgets', [null, 'J_1', { id: { toString: 'x' }, p: '1.00' }, { id: 'J_3', p: 5 }]),
      response('price-mgets', 'https://p.3.cn/prices/mgets', { __proto__: { price: { id: '4', p: '1.00' } } }),
    ]);
    expect([...prices.bySku.keys()]).toEqual(['3']);
    // A number where JD sends a decimal string is read as its decimal text.
    expect(prices.bySku.get('3')?.current).toBe(5);
  });
});

describe('readJdComments', () => {
  it.each([
    ['200万+', { value: 2_000_000, bound: 'atLeast', phrase: '200万+' }],
    ['1.2万+', { value: 12_000, bound: 'atLeast', phrase: '1.2万+' }],
    ['5500+', { value: 5500, bound: 'atLeast', phrase: '5500+' }],
    ['36', { value: 36, bound: 'exact', phrase: '36' }],
    ['0', { value: 0, bound: 'exact', phrase: '0' }],
  ])('reads CommentCountStr %s', (text, count) => {
    const comments = readJdComments([
      response('comments-summaries', 'https://club.jd.com/comment/productCommentSummaries.action?referenceIds=1', {
        CommentsCount: [{ SkuId: 1, ProductId: 2, CommentCountStr: text, CommentCount: 999, GoodRateShow: 95 }],
      }),
    ]);
    expect(comments.bySku.get('1')?.count).toEqual(count);
    expect(comments.byProduct.get('2')?.count).toEqual(count);
    // No reviews, no rate.
    expect(comments.bySku.get('1')?.goodRate).toBe(count.value > 0 ? 0.95 : undefined);
  });

  it.each(['-', '1.5', '12%', '¥30', '很多'])('keeps an unreadable count %s as text, never a number', (text) => {
    const comments = readJdComments([
      response('comments-summaries', 'https://club.jd.com/x?referenceIds=1', { CommentsCount: [{ SkuId: 1, CommentCountStr: text, GoodRateShow: 95 }] }),
    ]);
    expect(comments.bySku.get('1')).toEqual({ countText: text });
  });

  it('reads a productCommentSummary for the item it names or the request asked for', () => {
    const summary = { commentCountStr: '200万+', goodRateShow: 95 };
    const comments = readJdComments([
      response('comments-page', 'https://club.jd.com/comment/productPageComments.action?productId=100066896338&page=0', { productCommentSummary: summary }),
      response('comments-page', 'https://club.jd.com/comment/productPageComments.action?page=0', { productCommentSummary: { ...summary, productId: 42 } }),
      response('comments-page', 'https://club.jd.com/comment/productPageComments.action?page=0', { productCommentSummary: summary }),
    ]);
    expect(comments.bySku.get('100066896338')).toEqual({ count: { value: 2_000_000, bound: 'atLeast', phrase: '200万+' }, goodRate: 0.95 });
    expect(comments.byProduct.get('42')?.count?.value).toBe(2_000_000);
    expect(comments.notes).toEqual(['a comment response does not say which item it is for: not read']);
  });

  it('refuses good rates outside 0–100', () => {
    const comments = readJdComments([
      response('comments-summaries', 'https://club.jd.com/x', { CommentsCount: [{ SkuId: 1, CommentCountStr: '10', GoodRateShow: 950 }] }),
    ]);
    expect(comments.bySku.get('1')?.goodRate).toBeUndefined();
  });
});
