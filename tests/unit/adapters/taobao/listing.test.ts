/**
 * taobao/listing on small hand-made pages: one trap per case. Whole-page layouts are in
 * tests/fixtures/taobao (fixtures.test.ts); real pages in listing-realpages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../../lib/capture/schema';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { listingItemId, taobaoListingAdapter as adapter } from '../../../../lib/adapters/taobao/listing';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const URL_TMALL = new URL('https://detail.tmall.com/item.htm?id=100200300');
const URL_TAOBAO = new URL('https://item.taobao.com/item.htm?id=100200300');
const at = new Date('2026-11-22T00:00:00.000Z');

function read(html: string, url = URL_TMALL): Capture {
  const capture = captureFrom(adapter, documentFromHtml(html, url), url, at);
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

function problems(capture: Capture, field: string): string {
  return capture.issues
    .filter((issue) => issue.field === field)
    .map((issue) => issue.problem)
    .join(' | ');
}

/** A page carrying `res` as ICE data, with an optional rendered body. */
function icePage(res: Record<string, unknown>, body = ''): string {
  const context = { loaderData: { home: { data: { res } } } };
  return `<html><head><script>window.__ICE_APP_CONTEXT__ = ${JSON.stringify(context)};</script></head><body>${body}</body></html>`;
}

const item = { title: '测试商品 保温杯', itemId: '100200300' };

function priceRes(price: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { item, componentsVO: { priceVO: { price } }, ...extra };
}

/** A page with only visible text; the h1 repeats the document title as real pages do. */
function domPage(body: string, title = '测试商品 马克杯'): string {
  return `<html><head><title>${title}-淘宝网</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

describe('listingItemId (URL detector)', () => {
  it.each([
    ['https://detail.tmall.com/item.htm?id=617129397971', '617129397971'],
    ['https://item.taobao.com/item.htm?spm=a1.2.3&id=42&ns=1', '42'],
    ['http://item.taobao.com/item.htm?id=7', '7'],
    ['https://DETAIL.TMALL.COM/item.htm?id=9', '9'],
    ['https://detail.tmall.com/item.htm?id=1a', undefined],
    ['https://detail.tmall.com/item.htm?id=-1', undefined],
    ['https://detail.tmall.com/item.htm?id=123456789012345678901', undefined],
    ['https://detail.tmall.com/item.html?id=1', undefined],
    ['https://detail.tmall.com/ITEM.htm?id=1', undefined],
    // Ports are ignored, as in Chrome's match patterns.
    ['https://detail.tmall.com:8443/item.htm?id=1', '1'],
    ['https://detail.tmall.hk/item.htm?id=1', undefined],
    ['https://h5.m.taobao.com/awp/core/detail.htm?id=1', undefined],
  ])('%s → %s', (url, id) => {
    expect(listingItemId(new URL(url))).toBe(id);
  });
});

describe('embedded (ICE) prices', () => {
  it('labels the main price by its title and widens a 起 price to the SKU range', () => {
    const res = priceRes(
      { priceText: '29.9', priceDesc: '起', priceTitle: '优惠前', priceMoney: '2990' },
      {
        skuCore: {
          sku2info: {
            '0': { price: { priceText: '29.9', priceMoney: '2990' } },
            '11': { price: { priceText: '29.9', priceMoney: '2990', priceTitle: '优惠前' } },
            '12': { price: { priceText: '34.9', priceMoney: '3490', priceTitle: '优惠前' } },
          },
        },
      },
    );
    expect(read(icePage(res)).listing?.price).toEqual({ min: 29.9, max: 34.9, kind: 'list', label: '优惠前' });
  });

  it('gives no range the SKUs contradict (SKUs start below the shown 起 price)', () => {
    const res = priceRes(
      { priceText: '29.9', priceDesc: '起', priceMoney: '2990' },
      { skuCore: { sku2info: { a: { price: { priceText: '19.9', priceMoney: '1990' } }, b: { price: { priceText: '39.9', priceMoney: '3990' } } } } },
    );
    const capture = read(icePage(res));
    expect(capture.listing?.price).toEqual({ min: 29.9, kind: 'shown' });
    expect(problems(capture, 'listing.price')).toContain('SKU prices start at 19.9');
  });

  it.each([
    ['a fen mistake (priceText 29.9, priceMoney 299)', { priceText: '29.9', priceMoney: '299' }, 'disagrees with priceMoney'],
    ['a dash', { priceText: '-', priceMoney: '0' }, 'price shown as "-"'],
    ['an empty text', { priceText: '', priceMoney: '2990' }, 'no priceText'],
    ['a hidden price', { priceText: '29.9', priceMoney: '2990', hiddenPrice: 'true' }, 'hiddenPrice'],
    ['unreadable text', { priceText: '询价', priceMoney: '2990' }, 'unreadable price text'],
  ])('reports %s as missing, never as a number', (_case, price, problem) => {
    const capture = read(icePage(priceRes(price)));
    expect(capture.listing?.price).toBeUndefined();
    expect(problems(capture, 'listing.price')).toContain(problem);
  });

  it('keeps an unknown main-price title as a shown price and says so', () => {
    const capture = read(icePage(priceRes({ priceText: '9.9', priceMoney: '990', priceTitle: '新人价' })));
    expect(capture.listing?.price).toEqual({ min: 9.9, kind: 'shown', label: '新人价' });
    expect(problems(capture, 'listing.price')).toContain('not a known kind');
  });

  it('labels the second price (平台加补后, 券后) and leaves out one with an unknown title', () => {
    const subsidised = read(
      icePage({
        item,
        priceVO: {
          price: { priceText: '175.5', priceMoney: '17550', priceTitle: '优惠前' },
          extraPrice: { priceText: '143.5', priceMoney: '14350', priceTitle: '平台加补后', priceDesc: '起' },
        },
      }),
    );
    expect(subsidised.listing?.otherPrices).toEqual([{ min: 143.5, kind: 'subsidised', label: '平台加补后' }]);

    const unknown = read(
      icePage({
        item,
        componentsVO: {
          priceVO: {
            price: { priceText: '88', priceMoney: '8800' },
            extraPrice: { priceText: '66', priceMoney: '6600', priceTitle: '神秘价' },
          },
        },
      }),
    );
    expect(unknown.listing?.price).toEqual({ min: 88, kind: 'shown' });
    expect(unknown.listing?.otherPrices).toBeUndefined();
    expect(problems(unknown, 'listing.price')).toContain('神秘价');
  });

  it('falls back to the visible price when the data has none', () => {
    const html = icePage({ item }, `<h1>${item.title}</h1><div><span>¥</span><span>45</span><span>.00</span></div>`);
    expect(read(html).listing?.price).toEqual({ min: 45, kind: 'shown' });
  });

  it('ignores data about another item (stale script) and says so', () => {
    const html = icePage(
      { item: { title: '别的商品', itemId: '999' }, componentsVO: { priceVO: { price: { priceText: '1', priceMoney: '100' } } } },
      `<h1>本商品</h1><div>¥ 59</div>`,
    );
    const capture = read(html);
    expect(capture.listing?.title).toBe('本商品');
    expect(capture.listing?.price).toEqual({ min: 59, kind: 'shown' });
    expect(problems(capture, 'embedded')).toContain('not 100200300');
  });
});

describe('embedded (ICE) counts, seller and stock', () => {
  it.each([
    ['1.5万+', { value: 15000, bound: 'atLeast', phrase: '1.5万+' }],
    ['800', { value: 800, bound: 'exact', phrase: '800' }],
    ['0', { value: 0, bound: 'exact', phrase: '0' }],
  ])('reads vagueSellCount %s', (text, sales) => {
    expect(read(icePage({ item: { ...item, vagueSellCount: text } })).listing?.sales).toEqual(sales);
  });

  it.each([['-'], ['1.5'], ['12%'], ['¥30']])('reports vagueSellCount %s as unreadable', (text) => {
    const capture = read(icePage({ item: { ...item, vagueSellCount: text } }));
    expect(capture.listing?.sales).toBeUndefined();
    expect(problems(capture, 'listing.sales')).toMatch(/shown as|unreadable/);
  });

  it('reads seller name, id and scores; drops a score shown as "-"', () => {
    const capture = read(
      icePage({
        item,
        seller: {
          shopName: '某某旗舰店',
          shopId: '123',
          evaluates: [
            { title: '宝贝描述', score: '4.9', levelText: '高' },
            { title: '卖家服务', score: '-', levelText: '平' },
            { title: '物流服务', score: '48', levelText: '高' },
          ],
        },
      }),
    );
    expect(capture.listing?.shop).toEqual({ id: '123', name: '某某旗舰店' });
    expect(capture.listing?.scores).toEqual([{ metric: 'dsrDescription', label: '宝贝描述', value: 4.9, level: '高' }]);
    expect(problems(capture, 'listing.scores')).toContain('卖家服务 score "-"');
    expect(problems(capture, 'listing.scores')).toContain('物流服务 score "48"');
  });

  it.each([
    [{ quantityText: '有货', quantity: 12, moreQuantity: 'false' }, { text: '有货', quantity: 12 }],
    [{ quantityText: '有货', quantity: 200, moreQuantity: 'true' }, { text: '有货' }],
    [{ quantityText: '无货', quantity: 0 }, { text: '无货', quantity: 0 }],
    [{ quantityText: '即将售罄', quantity: '3' }, { text: '即将售罄', quantity: 3 }],
  ])('reads stock %j', (summary, stock) => {
    expect(read(icePage({ item, skuCore: { sku2info: { '0': summary } } })).listing?.stock).toEqual(stock);
  });

  it('is detected from the data alone, and not without an item', () => {
    const url = URL_TMALL;
    expect(adapter.detect(documentFromHtml(icePage({ item }), url), url)).toBe(true);
    expect(adapter.detect(documentFromHtml(icePage({ skuCore: {} }), url), url)).toBe(false);
  });
});

describe('visible page (no embedded data)', () => {
  it('reads a price split over spans, full-width ￥ included', () => {
    const capture = read(domPage('<div><span>￥</span><span>１２</span><span>.５０</span></div>'), URL_TAOBAO);
    expect(capture.listing?.price).toEqual({ min: 12.5, kind: 'shown' });
  });

  it.each([
    ['<div>¥29.90-39.90</div>', { min: 29.9, max: 39.9, kind: 'shown' }],
    ['<div>¥29.90 - ¥39.90</div>', { min: 29.9, max: 39.9, kind: 'shown' }],
    ['<div>¥ 1,299.00</div>', { min: 1299, kind: 'shown' }],
    ['<div>¥1.2万</div>', { min: 12000, kind: 'shown' }],
    ['<div>¥89 起</div>', { min: 89, kind: 'shown' }],
  ])('reads the range or amount in %s', (body, price) => {
    expect(read(domPage(body), URL_TAOBAO).listing?.price).toEqual(price);
  });

  it.each([['<div>¥39+</div>'], ['<div>¥12%</div>'], ['<div>¥ 1,2</div>']])('reads no price from %s', (body) => {
    const capture = read(domPage(body), URL_TAOBAO);
    expect(capture.listing?.price).toBeUndefined();
    expect(problems(capture, 'listing.price')).toContain('unreadable price');
  });

  it('never takes an instalment for the price', () => {
    const capture = read(domPage('<div><span>分期</span><span>¥</span><span>8.25</span><span>/期 ×12</span></div>'), URL_TAOBAO);
    expect(capture.listing?.price).toBeUndefined();
    expect(capture.listing?.otherPrices).toBeUndefined();
    expect(problems(capture, 'listing.price')).toContain('only an instalment line');
  });

  it('does not take a coupon or member price as the main price', () => {
    const capture = read(domPage('<div>券后 ¥49</div><div>会员价 ¥52</div>'), URL_TAOBAO);
    expect(capture.listing?.price).toBeUndefined();
    expect(capture.listing?.otherPrices).toEqual([
      { min: 49, kind: 'coupon', label: '券后' },
      { min: 52, kind: 'member', label: '会员价' },
    ]);
    expect(problems(capture, 'listing.price')).toContain('only labelled prices');
  });

  it('takes no price when two different unlabelled prices are shown', () => {
    const capture = read(domPage('<div>¥59</div><p>text</p><div>¥69</div>'), URL_TAOBAO);
    expect(capture.listing?.price).toBeUndefined();
    expect(problems(capture, 'listing.price')).toContain('several different unlabelled prices');
  });

  it('counts a repeated price (sticky header) once', () => {
    const capture = read(domPage('<div>¥59</div><p>text</p><div>¥59</div>'), URL_TAOBAO);
    expect(capture.listing?.price).toEqual({ min: 59, kind: 'shown' });
  });

  it('labels a struck-through price as the list price', () => {
    const capture = read(domPage('<div>¥39</div><p>x</p><div><s>¥59</s></div><p>y</p><div><span style="text-decoration: line-through">¥69</span></div>'), URL_TAOBAO);
    expect(capture.listing?.price).toEqual({ min: 39, kind: 'shown' });
    expect(capture.listing?.otherPrices).toEqual([
      { min: 59, kind: 'list' },
      { min: 69, kind: 'list' },
    ]);
  });

  it('leaves out a price with words it does not know', () => {
    const capture = read(domPage('<div>新客专享 ¥9.9</div>'), URL_TAOBAO);
    expect(capture.listing?.price).toBeUndefined();
    expect(capture.listing?.otherPrices).toBeUndefined();
  });

  it.each([
    ['display:none', '<div style="display:none">¥9.90</div>'],
    ['hidden', '<div hidden>¥9.90</div>'],
    ['aria-hidden', '<div aria-hidden="true"><span>¥</span>9.90</div>'],
    ['a script', '<script>var p = "¥9.90";</script>'],
  ])('does not read a price inside %s', (_case, hidden) => {
    const capture = read(domPage(`${hidden}<div>¥ 59</div>`), URL_TAOBAO);
    expect(capture.listing?.price).toEqual({ min: 59, kind: 'shown' });
  });

  it('ignores a recommendation section before the item, with its own h1, price and sales', () => {
    const html = `<html><head><title>本店马克杯-淘宝网</title></head><body>
      <div><div><h3>猜你喜欢</h3><ul><li><h1>别家水杯</h1><div>¥ 9.9</div><div>月销 5万+</div></li></ul></div></div>
      <div><h1>本店马克杯</h1><div>¥ 39</div><div>已售 120</div></div></body></html>`;
    const capture = read(html, URL_TAOBAO);
    expect(capture.listing?.title).toBe('本店马克杯');
    expect(capture.listing?.price).toEqual({ min: 39, kind: 'shown' });
    expect(capture.listing?.sales).toEqual({ value: 120, bound: 'exact', phrase: '已售 120' });
  });

  it('does not read sales words inside the title', () => {
    const capture = read(domPage('<div>¥ 39</div>', '月销10万件爆款马克杯'), URL_TAOBAO);
    expect(capture.listing?.sales).toBeUndefined();
    expect(problems(capture, 'listing.sales')).toContain('no sales count');
  });

  it.each([
    ['<div>商品评价(14,870)</div>', { value: 14870, bound: 'exact', phrase: '商品评价(14,870)' }],
    ['<div><span>累计评价</span> <b>999+</b></div>', { value: 999, bound: 'atLeast', phrase: '累计评价 999+' }],
  ])('reads the review count in %s', (body, reviews) => {
    expect(read(domPage(`<div>¥ 39</div>${body}`), URL_TAOBAO).listing?.reviews).toEqual(reviews);
  });

  it('reads the shop from its link, not from action links or other hosts', () => {
    const html = domPage(
      '<a href="https://evil.example/shop">假店铺</a><a href="https://shop12345.taobao.com/">进店逛逛</a>' +
        '<a href="https://login.tmall.com/">登录天猫</a><a href="//shop12345.taobao.com/?spm=1">好物小店</a><div>¥ 39</div>',
    );
    expect(read(html, URL_TAOBAO).listing?.shop).toEqual({ id: '12345', name: '好物小店' });
  });

  it('reads service scores with their level, and reports one shown as "-"', () => {
    const html = domPage(
      '<div>¥ 39</div><div><span>宝贝描述</span><span>4.8</span><span>高</span></div>' +
        '<div><span>卖家服务：</span><span>--</span></div><div><span>物流服务</span><span>4.7</span></div>',
    );
    const capture = read(html, URL_TAOBAO);
    expect(capture.listing?.scores).toEqual([
      { metric: 'dsrDescription', label: '宝贝描述', value: 4.8, level: '高' },
      { metric: 'dsrLogistics', label: '物流服务', value: 4.7 },
    ]);
    expect(problems(capture, 'listing.scores')).toContain('卖家服务');
  });

  it('is not detected without a title, nor with a title and nothing else', () => {
    const blank = documentFromHtml('<html><body><div>¥ 39</div></body></html>', URL_TAOBAO);
    expect(adapter.detect(blank, URL_TAOBAO)).toBe(false);
    const titleOnly = documentFromHtml(domPage('<p>加载中…</p>'), URL_TAOBAO);
    expect(adapter.detect(titleOnly, URL_TAOBAO)).toBe(false);
    expect(adapter.detect(documentFromHtml(domPage('<div>¥ 39</div>'), URL_TAOBAO), URL_TAOBAO)).toBe(true);
  });

  it('has no listing and says why when there is no title', () => {
    const capture = read('<html><body><div>¥ 39</div></body></html>', URL_TAOBAO);
    expect(capture.listing).toBeNull();
    expect(problems(capture, 'listing.title')).toContain('no item title');
  });
});
