/**
 * The JD item page adapter, one rule per case. Whole pages are pinned by the fixtures
 * (tests/fixtures/jd/listing-*.html); here: the document title, which rendered prices may stand in
 * for the fetched price, conflicts, the SKU check, reviews, and that the page as the browser
 * renders it (after the fixtures' own scripts) reads the same as the fetched data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageResponse } from '../../../../lib/adapters/types';
import { jdListingAdapter, titleFromJdDocumentTitle } from '../../../../lib/adapters/jd/listing';
import { FIXTURE_ROOT } from '../../../../lib/cli/fixtures';
import { readResponsesFile } from '../../../../lib/cli/responses-file';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const SKU = '100012345678';
const URL_ = new URL(`https://item.jd.com/${SKU}.html`);
const TITLE = '北辰 LED护眼台灯 国AA级 白色';

function page(body: string, title = `【北辰台灯】${TITLE}【行情 报价 价格 评测】-京东`): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');
}

const NAME = `<div class="sku-name">${TITLE}</div>`;
/** A shown review count: the page has loaded even when its price element is empty. */
const COUNTED = '<div id="comment-count"><p>累计评价</p><a class="count">1万+</a></div>';
const hook = (price: string, sku = SKU) =>
  `<div class="summary-price"><div class="dt">京 东 价</div><div class="dd"><span class="p-price"><span>￥</span><span class="price J-p-${sku}">${price}</span></span></div></div>`;

function extract(doc: Document, responses: PageResponse[] = []) {
  const capture = captureFrom(jdListingAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'), responses);
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

const priceOf = (p: string, extra: Record<string, string> = {}): PageResponse => ({
  endpoint: 'price-mgets',
  url: `https://p.3.cn/prices/mgets?skuIds=J_${SKU}`,
  body: [{ id: `J_${SKU}`, p, ...extra }],
});

const problems = (issues: { field: string; problem: string }[], field: string) => issues.filter((i) => i.field === field).map((i) => i.problem);

describe('titleFromJdDocumentTitle', () => {
  it.each([
    ['【AppleiPhone 15】Apple/苹果 iPhone 15 (A3092) 256GB 黑色【行情 报价 价格 评测】-京东', 'Apple/苹果 iPhone 15 (A3092) 256GB 黑色'],
    ['Apple iPhone 15 256GB【行情 报价 价格 评测】-京东商城', 'Apple iPhone 15 256GB'],
    ['【品牌】标题 - 京东', '标题'],
    ['京东(JD.COM)-正品低价、品质保障', undefined],
    ['【行情 报价 价格 评测】-京东', undefined],
    ['标题-淘宝网', undefined],
  ])('%s → %s', (documentTitle, title) => {
    expect(titleFromJdDocumentTitle(documentTitle)).toBe(title);
  });
});

describe('price from the fetched data', () => {
  it('takes p as the price and op / m / tpp as labelled side prices', () => {
    const { listing, issues } = extract(page(NAME + hook('')), [priceOf('99.00', { op: '129.00', m: '129.00', tpp: '89.00' })]);
    expect(listing?.price).toEqual({ min: 99, kind: 'shown' });
    // m equal to op is one price, not two.
    expect(listing?.otherPrices).toEqual([
      { min: 129, kind: 'list', label: '原价' },
      { min: 89, kind: 'member', label: 'PLUS价' },
    ]);
    expect(problems(issues, 'listing.price')).toEqual([]);
  });

  it('agrees with the rendered price or keeps neither', () => {
    const { listing, issues } = extract(page(NAME + hook('109.00')), [priceOf('99.00')]);
    expect(listing?.price).toBeUndefined();
    expect(problems(issues, 'listing.price')).toEqual(['the page shows ¥109 but the price data says ¥99: neither kept']);
    expect(extract(page(NAME + hook('99.00')), [priceOf('99.00')]).listing?.price).toEqual({ min: 99, kind: 'shown' });
  });

  it('never turns "-1.00" (no price) into a price', () => {
    const { listing, issues } = extract(page(NAME + hook('')), [priceOf('-1.00', { op: '-1.00', m: '-1.00' })]);
    expect(listing?.price).toBeUndefined();
    expect(listing?.otherPrices).toBeUndefined();
    expect(problems(issues, 'listing.price')).toEqual(['the price data states no price (p "-1.00")']);
  });

  it('never takes another SKU’s price from a shared response', () => {
    const other: PageResponse = { endpoint: 'price-mgets', url: 'https://p.3.cn/prices/mgets?skuIds=J_1,J_2', body: [{ id: 'J_1', p: '5.00' }, { id: 'J_2', p: '6.00' }] };
    // Another SKU's data does not make this page loaded, and nothing of it is read.
    const empty = extract(page(NAME + hook('')), [other]);
    expect(empty.listing).toBeNull();
    expect(jdListingAdapter.detect(page(NAME + hook('')), URL_, [other])).toBe(false);
    const { listing, issues } = extract(page(NAME + hook('') + COUNTED), [other]);
    expect(listing?.price).toBeUndefined();
    expect(problems(issues, 'listing.price')).toEqual(['the price element is empty (price not loaded) and no price data was fetched']);
  });
});

describe('price from the rendered page (no fetched data)', () => {
  it('reads the element keyed by this SKU, labelled 京东价', () => {
    expect(extract(page(NAME + hook('199.00'))).listing?.price).toEqual({ min: 199, kind: 'shown', label: '京东价' });
  });

  it('never takes a price keyed by another SKU, an unlabelled ¥ or a PLUS price without label for the price', () => {
    const body =
      NAME +
      hook('59.00', '100099990000') +
      '<div class="summary-plus"><span>￥</span><span class="price J-p-p-100012345678">189.00</span><img alt="PLUS"></div>' +
      '<div class="other"><span>￥</span><span>179.00</span></div>' +
      COUNTED;
    const { listing, issues } = extract(page(body));
    expect(listing?.price).toBeUndefined();
    expect(listing?.otherPrices).toEqual([{ min: 189, kind: 'member', label: 'PLUS价' }]);
    expect(problems(issues, 'listing.price')).toEqual(["only labelled prices shown (PLUS价), no price of the item's own"]);
  });

  it.each([
    ['白条分期', '<div><span>白条分期</span><span>￥66.50×6期</span></div>'],
    ['每期', '<div><span>￥33.25</span><span>/期</span><span>x12</span></div>'],
    ['免息', '<div><span>￥133.00</span><span>3期免息</span></div>'],
  ])('never reads an instalment (%s) as the price', (_name, line) => {
    const { listing, issues } = extract(page(NAME + line + COUNTED));
    expect(listing?.price).toBeUndefined();
    expect(listing?.otherPrices).toBeUndefined();
    expect(problems(issues, 'listing.price')).toEqual(['only an instalment line shows a price']);
  });

  it('never reads a recommended item (为你推荐) even when it carries this page’s price hook', () => {
    const body = `<div class="w">${NAME}</div><div id="guess"><h3>为你推荐</h3><ul><li>${hook('45.00')}</li></ul></div>`;
    const { listing } = extract(page(body));
    expect(listing?.price).toBeUndefined();
  });

  it('keeps none of two different prices the page shows for this SKU', () => {
    const { listing, issues } = extract(page(NAME + hook('199.00') + `<div class="sticky">${hook('189.00')}</div>`));
    expect(listing?.price).toBeUndefined();
    expect(problems(issues, 'listing.price')[0]).toMatch(/different prices/);
  });

  it('reads one amount shown twice (a sticky header) as one price', () => {
    const sticky = `<div class="sticky"><span>￥</span><span class="J-p-${SKU}">199.00</span></div>`;
    expect(extract(page(NAME + hook('199.00') + sticky)).listing?.price).toEqual({ min: 199, kind: 'shown', label: '京东价' });
  });

  it('says so when the page writes 暂无报价', () => {
    const { listing, issues } = extract(page(NAME + hook('暂无报价')));
    expect(listing?.price).toBeUndefined();
    expect(problems(issues, 'listing.price')).toEqual(['the page shows no price (暂无报价) and no price data was fetched']);
  });

  it('reads a struck 京东价 as a list price, never as the price', () => {
    const struck = `<div><div class="dt">京东价</div><del><span>￥</span><span class="J-p-${SKU}">299.00</span></del></div>`;
    const { listing } = extract(page(NAME + struck));
    expect(listing?.price).toBeUndefined();
  });
});

describe('the page itself', () => {
  it('refuses a page that states another SKU', () => {
    const doc = page(`${NAME}<ul><li>商品编号：100099990000</li></ul>${hook('199.00')}`);
    const { listing, issues } = extract(doc);
    expect(listing).toBeNull();
    expect(issues).toEqual([{ field: 'listing', problem: `the page states SKU 100099990000, not ${SKU} of its address: not read` }]);
  });

  it('takes the title from the document title, the shown title block otherwise', () => {
    expect(extract(page(NAME + hook('1.00'))).listing?.title).toBe(TITLE);
    expect(extract(page(NAME + hook('1.00'), '京东')).listing?.title).toBe(TITLE);
    const { listing, issues } = extract(page(hook('1.00'), '京东'));
    expect(listing).toBeNull();
    expect(issues[0]?.field).toBe('listing.title');
  });

  it('reads reviews from the data first, the 累计评价 phrase second; 200万+ stays a lower bound', () => {
    const comments: PageResponse = {
      endpoint: 'comments-summaries',
      url: `https://club.jd.com/comment/productCommentSummaries.action?referenceIds=${SKU}`,
      body: { CommentsCount: [{ SkuId: Number(SKU), ProductId: Number(SKU), CommentCountStr: '200万+', GoodRateShow: 95 }] },
    };
    const counted = '<div id="comment-count"><p>累计评价</p><a class="count">1万+</a></div>';
    const fromData = extract(page(NAME + hook('') + counted), [comments]).listing;
    expect(fromData?.reviews).toEqual({ value: 2_000_000, bound: 'atLeast', phrase: '200万+' });
    expect(fromData?.scores).toEqual([{ metric: 'goodRate', label: '好评率', value: 0.95 }]);
    expect(extract(page(NAME + hook('1.00') + counted)).listing?.reviews).toEqual({ value: 10_000, bound: 'atLeast', phrase: '累计评价 1万+' });
  });

  it('names no shop when the page links to two', () => {
    const shops = '<a href="//mall.jd.com/index-1.html">甲旗舰店</a><a href="//mall.jd.com/index-2.html">乙旗舰店</a>';
    const { listing, issues } = extract(page(NAME + hook('1.00') + shops));
    expect(listing?.shop).toBeUndefined();
    expect(problems(issues, 'listing.shop')).toEqual(['links to several shops (1, 2): none kept']);
  });
});

describe('detect', () => {
  it.each([
    ['a title and a rendered price', NAME + hook('199.00'), [], true],
    ['a title and fetched data', NAME + hook(''), [priceOf('99.00')], true],
    ['a title and an empty price element', NAME + hook(''), [], false],
    ['a title and 暂无报价', NAME + hook('暂无报价'), [], true],
    ['a title and a shown review count', NAME + hook('') + COUNTED, [], true],
    ['a price without a title', hook('199.00'), [], false],
  ] as const)('%s → %s', (_name, body, responses, expected) => {
    const title = body.includes('sku-name') ? undefined : '京东';
    expect(jdListingAdapter.detect(page(body, title), URL_, [...responses])).toBe(expected);
  });
});

/**
 * The page as the browser shows it: the fixtures' scripts write the fetched figures into the page.
 * Read with the same responses, it must give exactly the fixture's expected capture, so the
 * browser test (page + bridge) and the fixture test (HTML + sidecar) agree.
 */
describe('fixtures rendered as the browser renders them', () => {
  function rendered(name: string, fill: (doc: Document, responses: PageResponse[]) => void) {
    const html = readFileSync(join(FIXTURE_ROOT, `jd/${name}.html`), 'utf8');
    const url = new URL(/url="([^"]+)"/.exec(html)![1]!);
    const doc = documentFromHtml(html, url);
    const responses = readResponsesFile(join(FIXTURE_ROOT, `jd/${name}.responses.json`));
    fill(doc, responses);
    const expected = JSON.parse(readFileSync(join(FIXTURE_ROOT, `jd/${name}.expected.json`), 'utf8'));
    const capture = captureFrom(jdListingAdapter, doc, url, new Date(expected.capturedAt), responses);
    expect(capture).toEqual(expected);
    return doc;
  }
  const set = (doc: Document, selector: string, text: string) => doc.querySelectorAll(selector).forEach((el) => (el.textContent = text));

  it('listing-classic', () => {
    const doc = rendered('listing-classic', (d, responses) => {
      const price = (responses[0]!.body as Array<Record<string, string>>)[0]!;
      set(d, '.J-p-100038475261', price.p!);
      set(d, '.J-p-p-100038475261', price.tpp!);
      set(d, '.J-comm-100038475261', '5万+');
    });
    expect(doc.querySelector('.J-p-100038475261')?.textContent).toBe('129.00');
  });

  it('listing-ware-business', () => {
    rendered('listing-ware-business', (d) => {
      set(d, '.J-p-100045678912', '¥2999.00');
      set(d, '.J-op-100045678912', '3299.00');
      set(d, '.J-stock-100045678912', '有货，23:10前下单，预计明天(11月23日)送达');
    });
  });

  it('listing-no-price', () => {
    rendered('listing-no-price', (d) => {
      set(d, '.J-p-100070001234', '暂无报价');
      set(d, '.J-comm-100070001234', '3.6万+');
    });
  });
});

describe('damaged pages (fuzz findings)', () => {
  const guess = '<div id="guessyoulike"><div class="mt"><h3>猜你喜欢</h3></div><div class="mc"><ul><li><a href="//item.jd.com/100099990000.html">某品牌 蚕丝被</a><strong>￥899.00</strong><div>已有2万+人评价</div></li></ul></div></div>';

  it('leaves the whole 猜你喜欢 block out even without the item’s own title element to bound it', () => {
    // The title comes from the document title; the block's review count is never the item's.
    const capture = extract(page(`${hook('399.00')}${guess}`));
    expect(capture.listing?.reviews).toBeUndefined();
    expect(capture.listing?.price?.min).toBe(399);
  });

  it.each([
    ['¥3x9.00', undefined],
    ['¥39口.00', undefined],
    ['¥399.00', 399],
  ])('reads the main price %s as %s, never part of it', (shown, expected) => {
    expect(extract(page(`${NAME}${hook(shown.slice(1))}${COUNTED}`)).listing?.price?.min).toBe(expected);
  });
});
