/**
 * The JD search adapter, one rule per case (whole pages: tests/fixtures/jd/search-*.html).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageResponse } from '../../../../lib/adapters/types';
import { jdSearchAdapter } from '../../../../lib/adapters/jd/search';
import { FIXTURE_ROOT } from '../../../../lib/cli/fixtures';
import { readResponsesFile } from '../../../../lib/cli/responses-file';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const URL_ = new URL('https://search.jd.com/Search?keyword=%E4%BF%9D%E6%B8%A9%E6%9D%AF&enc=utf-8');

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

function card(sku: string, inner: string, title = `商品${sku}`): string {
  return `<li class="gl-item" data-sku="${sku}"><div class="p-img"><a href="//item.jd.com/${sku}.html"><img data-sku="${sku}" src="x.jpg"></a></div>${inner}<div class="p-name"><a href="//item.jd.com/${sku}.html"><em>${title}</em><i class="promo-words">限时特惠 到手¥9.9</i></a></div></li>`;
}

const price = (amount: string, sku = '') => `<div class="p-price"><strong class="J_${sku}"><em>￥</em><i data-price="${sku}">${amount}</i></strong></div>`;

function results(doc: Document, responses: PageResponse[] = []) {
  const capture = captureFrom(jdSearchAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'), responses);
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

describe('result cards', () => {
  it('reads rank, SKU, the title without its slogan, price, reviews and shop', () => {
    const doc = page(
      `<ul>${card('1', `${price('129.00', '1')}<div class="p-commit"><strong><a>200万+</a>条评价</strong></div><div class="p-shop"><a href="//mall.jd.com/index-77.html?from=pc" title="甲旗舰店">甲旗舰店</a></div>`, '甲 保温杯')}</ul>`,
    );
    expect(results(doc).results).toEqual([
      { rank: 1, itemId: '1', title: '甲 保温杯', price: { min: 129, kind: 'shown' }, reviews: { value: 2_000_000, bound: 'atLeast', phrase: '200万+条评价' }, shop: '甲旗舰店' },
    ]);
  });

  it.each([
    ['a PLUS price beside the price', `${price('119.00')}<span class="price-plus-1" title="PLUS会员专享价"><em>￥109.00</em></span>`, { min: 119, kind: 'shown' }],
    ['a 券后 price beside the price', `${price('69.90')}<span class="p-tag4">券后￥59.90</span>`, { min: 69.9, kind: 'shown' }],
    ['only a 到手价', '<div class="p-price"><span>到手价</span><span>¥</span><span>45</span><span>.50</span></div>', { min: 45.5, kind: 'coupon', label: '到手价' }],
    ['only a PLUS price', '<div class="p-price"><span>PLUS价</span><span>¥</span><span>45</span></div>', null],
    ['a struck price only', '<div class="p-price"><del>¥99.00</del></div>', null],
    ['two unlabelled prices', `${price('49.00')}<div class="p-price2">¥39.90</div>`, null],
  ])('price with %s', (_name, inner, expected) => {
    expect(results(page(`<ul>${card('5', inner)}</ul>`)).results?.[0]?.price).toEqual(expected);
  });

  it('flags 广告 cards as sponsored, and only those', () => {
    const doc = page(`<ul>${card('1', `${price('1.00')}<span class="p-promo-flag">广告</span>`)}${card('2', price('2.00'), '广告扇 落地扇')}</ul>`);
    const found = results(doc).results!;
    expect(found.map((r) => r.sponsored)).toEqual([true, undefined]);
  });

  it('fills lazily loaded prices and counts from the fetched data, and keeps neither when they disagree', () => {
    const doc = page(`<ul>${card('1', price('', '1'))}${card('2', price('', '2'))}${card('3', price('30.00', '3'))}</ul>`);
    const responses: PageResponse[] = [
      { endpoint: 'price-mgets', url: 'https://p.3.cn/prices/mgets?skuIds=J_1,J_2,J_3', body: [{ id: 'J_1', p: '10.00' }, { id: 'J_3', p: '31.00' }] },
      { endpoint: 'comments-summaries', url: 'https://club.jd.com/comment/productCommentSummaries.action?referenceIds=1,2', body: { CommentsCount: [{ SkuId: 1, CommentCountStr: '5000+' }] } },
    ];
    const capture = results(doc, responses);
    expect(capture.results?.map((r) => r.price)).toEqual([{ min: 10, kind: 'shown' }, null, null]);
    expect(capture.results?.[0]?.reviews).toEqual({ value: 5000, bound: 'atLeast', phrase: '5000+' });
    expect(capture.issues).toEqual([
      { field: 'results.price', problem: 'no price shown yet and none fetched (rank 2)' },
      { field: 'results.price', problem: 'the card shows ¥30 but the price data says ¥31 (rank 3): price not read' },
    ]);
  });

  it('keeps a card’s own labelled price (到手价) beside the fetched plain price', () => {
    const doc = page(`<ul>${card('1', '<div class="p-price"><span>到手价</span><span>¥</span><span>89</span></div>')}</ul>`);
    const responses: PageResponse[] = [{ endpoint: 'price-mgets', url: 'https://p.3.cn/prices/mgets?skuIds=J_1', body: [{ id: 'J_1', p: '99.00' }] }];
    expect(results(doc, responses).results?.[0]?.price).toEqual({ min: 89, kind: 'coupon', label: '到手价' });
  });

  it('leaves out 商品精选 and 猜你喜欢 cards and keeps page ranks', () => {
    const doc = page(
      `<ul>${card('1', price('1.00'))}<li data-sku="2" class="gl-item"><div class="p-price">¥</div></li>${card('3', price('3.00'))}</ul>` +
        `<div class="aside"><div class="mt"><h3>商品精选</h3></div><ul>${card('8', price('8.00'))}</ul></div>` +
        `<div class="guess"><h3>猜你喜欢</h3><ul>${card('9', price('9.00'))}</ul></div>`,
    );
    const capture = results(doc);
    expect(capture.results?.map((r) => [r.rank, r.itemId])).toEqual([
      [1, '1'],
      [3, '3'],
    ]);
    expect(capture.issues).toEqual([{ field: 'results', problem: 'results at rank 2 show no title: left out' }]);
  });
});

describe('detect', () => {
  it.each([
    ['cards with titles', `<ul>${card('1', price('1.00'))}</ul>`, true],
    ['skeleton cards', '<ul><li data-sku="1"><a href="//item.jd.com/1.html"></a></li></ul>', false],
    ['a page that says nothing was found', '<div>抱歉，没有找到与“xyz”相关的商品</div>', true],
    ['only recommendations', `<div><h3>猜你喜欢</h3><ul>${card('9', price('9.00'))}</ul></div>`, false],
  ])('%s → %s', (_name, body, expected) => {
    expect(jdSearchAdapter.detect(page(body), URL_)).toBe(expected);
  });
});

describe('search-classic rendered as the browser renders it', () => {
  it('reads the same after the page fills its lazy prices and counts', () => {
    const html = readFileSync(join(FIXTURE_ROOT, 'jd/search-classic.html'), 'utf8');
    const url = new URL(/url="([^"]+)"/.exec(html)![1]!);
    const doc = documentFromHtml(html, url);
    const responses = readResponsesFile(join(FIXTURE_ROOT, 'jd/search-classic.responses.json'));
    doc.querySelector('i[data-price="100012340003"]')!.textContent = '79.00';
    doc.getElementById('J_comment_100012340003')!.textContent = '1万+';
    const expected = JSON.parse(readFileSync(join(FIXTURE_ROOT, 'jd/search-classic.expected.json'), 'utf8'));
    expect(captureFrom(jdSearchAdapter, doc, url, new Date(expected.capturedAt), responses)).toEqual(expected);
  });
});

describe('damaged or partly rendered pages (fuzz findings)', () => {
  it.each([
    // The title link gone: the image link's 广告 tag and the review link's count are no titles.
    ['a sponsored tag on the image link', '<a href="//item.jd.com/7.html"><img src="x.jpg"><span>广告</span></a>'],
    ['the review count link', '<a href="//item.jd.com/7.html#comment">10万+</a>条评价'],
  ])('never takes %s for the title', (_case, inner) => {
    const doc = page(`<ul><li class="gl-item" data-sku="7">${inner}${price('119.00', '7')}</li></ul>`);
    expect(results(doc).results).toEqual([]);
  });

  it.each([
    ['two different unlabelled prices', price('49.00') + price('39.90').replace('p-price', 'p-price2'), null],
    ['one of two unlabelled prices unreadable (¥x9.90)', price('49.00') + price('x9.90').replace('p-price', 'p-price2'), null],
    ['a price with a lost glyph (¥1,2x9.00)', price('1,2x9.00'), null],
    ['one clean price', price('1,299.00'), { min: 1299, kind: 'shown' }],
  ])('%s → %o', (_case, prices, expected) => {
    const doc = page(`<ul>${card('8', prices)}</ul>`);
    expect(results(doc).results?.[0]?.price).toEqual(expected);
  });

  it('says a page that found nothing has no results, whatever cards follow (猜你喜欢 without its heading)', () => {
    const doc = page(
      '<div><span>抱歉，没有找到与“<em>xyz</em>”相关的商品</span></div>' + `<div class="guess"><ul>${card('9', price('19.90'))}</ul></div>`,
    );
    const capture = results(doc);
    expect(capture.results).toEqual([]);
    expect(capture.issues).toEqual([{ field: 'results', problem: 'the page says nothing was found' }]);
  });
});

