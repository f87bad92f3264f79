/**
 * The Taobao search adapter, one rule per case (whole pages: tests/fixtures/taobao/search-*.html;
 * the real embedded list: ./search-realpages.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureSchema, type SearchResult } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { taobaoSearchAdapter, taobaoSearchQuery } from '../../../../lib/adapters/taobao/search';
import { resultsFromDom } from '../../../../lib/adapters/taobao/search-dom';
import { plainTitle, readPageConfigList, resultsFromPageConfig } from '../../../../lib/adapters/taobao/search-page-config';
import {
  TAOBAO_NO_RESULTS,
  TAOBAO_RELATED_SEARCH_HEADINGS,
  TAOBAO_SALES_WORDS,
  TAOBAO_SEARCH_SIDE_HEADINGS,
  TAOBAO_SHOP_LINK,
  TAOBAO_SPONSORED_LINK_HOSTS,
  TAOBAO_SPONSORED_MARKS,
} from '../../../../lib/adapters/taobao/search-words';
import { FIXTURE_ROOT } from '../../../../lib/cli/fixtures';
import { documentFromHtml } from '../../../../lib/cli/load-document';
import { parseSalesPhrase } from '../../../../lib/capture/numbers';

const URL_ = new URL('https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF');

function page(body: string, head = ''): Document {
  return documentFromHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, URL_);
}

/** A current-layout card: the whole card is one link; `price` is the price wrapper's inside. */
function card(id: string, price: string, extra = '', title = `保温杯 商品${id} 大容量便携水杯`, href = `//item.taobao.com/item.htm?id=${id}`): string {
  return `<div class="Card--doubleCard--w"><a class="Card--wrap--L2X" href="${href}"><div class="Title--title--j"><span>${title}</span></div><div class="Price--priceWrapper--Q">${price}</div>${extra}</a></div>`;
}

const split = (int: string, fraction = '') => `<span class="Price--unit">¥</span><span class="Price--int">${int}</span>${fraction ? `<span class="Price--float">${fraction}</span>` : ''}`;

function capture(doc: Document, url = URL_) {
  const result = captureFrom(taobaoSearchAdapter, doc, url, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(result).success).toBe(true);
  return result;
}

function only(doc: Document): { result: SearchResult | undefined; issues: string[] } {
  const { results, issues } = capture(doc);
  return { result: results?.[0], issues: issues.map((issue) => `${issue.field}: ${issue.problem}`) };
}

describe('address', () => {
  it.each([
    ['https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF', '保温杯'],
    ['https://s.taobao.com/search?page=2&q=%E4%BF%9D%E6%B8%A9%E6%9D%AF&tab=mall', '保温杯'],
    ['http://s.taobao.com:8443/search/?q=kettle', 'kettle'],
    ['https://s.taobao.com/search?q=%20', undefined],
    ['https://s.taobao.com/search?keyword=kettle', undefined],
    ['https://list.tmall.com/search_product.htm?q=kettle', undefined],
    ['ftp://s.taobao.com/search?q=kettle', undefined],
  ])('%s → %s', (url, query) => {
    expect(taobaoSearchQuery(new URL(url))).toBe(query);
  });
});

describe('word lists', () => {
  it.each(Object.entries({ TAOBAO_RELATED_SEARCH_HEADINGS, TAOBAO_SALES_WORDS, TAOBAO_SEARCH_SIDE_HEADINGS, TAOBAO_SPONSORED_LINK_HOSTS, TAOBAO_SPONSORED_MARKS }))(
    '%s has no empty or repeated entries',
    (_name, list) => {
      expect(new Set(list).size).toBe(list.length);
      for (const word of list) expect(word.trim()).toBe(word);
      for (const word of list) expect(word).not.toBe('');
    },
  );

  it('recognises the pages’ own no-result sentences and shop hosts', () => {
    const says = (text: string) => TAOBAO_NO_RESULTS.some((phrase) => phrase.test(text));
    expect(says('抱歉，没有找到与“xyz”相关的宝贝')).toBe(true);
    expect(says('没有找到相关宝贝')).toBe(true);
    expect(says('搜索无结果')).toBe(true);
    expect(says('找到相关宝贝 2000 件')).toBe(false);
    expect(says('没找到想要的宝贝？点此反馈')).toBe(false);
    expect(['store.taobao.com', 'shop105432123.taobao.com', 'thermos.tmall.com'].every((host) => TAOBAO_SHOP_LINK.test(host))).toBe(true);
    expect(['item.taobao.com', 'evil.example', 'store.taobao.com.evil.example'].some((host) => TAOBAO_SHOP_LINK.test(host))).toBe(false);
  });

  it('has sales words that the sales parser reads with a number, so `月销 --` is the only way they pass unread', () => {
    for (const word of TAOBAO_SALES_WORDS) {
      const phrase = word.startsWith('人') ? `300${word}` : `${word} 300`;
      expect(parseSalesPhrase(phrase)?.value, phrase).toBe(300);
    }
  });
});

describe('prices on a card', () => {
  it.each<[string, string, SearchResult['price'], string[]]>([
    ['split spans', split('52', '.90'), { min: 52.9, kind: 'shown' }, []],
    ['parts drawn as divs, the sales count right after the fraction', `<div>¥</div><div>52</div><div>.90</div><div>7261人付款</div>`, { min: 52.9, kind: 'shown' }, []],
    ['a whole-yuan price followed by a sales count', `${split('129')}<span>300+人付款</span>`, { min: 129, kind: 'shown' }, []],
    ['券后 label before the price', `<span>券后</span>${split('52', '.90')}`, { min: 52.9, kind: 'coupon', label: '券后' }, []],
    ['券后 label in a sibling block of div parts', `<div>券后</div><div>¥</div><div>52</div><div>.90</div>`, { min: 52.9, kind: 'coupon', label: '券后' }, []],
    ['full-width ￥ and digits', `<span>￥</span><span>３９</span><span>.９</span>`, { min: 39.9, kind: 'shown' }, []],
    ['a plain price beside a struck one', `${split('39', '.90')}<del>¥59.00</del>`, { min: 39.9, kind: 'shown' }, []],
    ['a plain price beside an 88VIP price', `${split('39', '.90')}</div><div class="vip"><span>88VIP价</span><span>¥35.91</span>`, { min: 39.9, kind: 'shown' }, []],
    ['only a member price', `<span>88VIP价</span>${split('35', '.91')}`, null, ['results[1].price: only 88VIP价 prices shown']],
    ['an unknown label', `<span>拍立减</span>${split('45')}`, null, ['results[1].price: price labelled "拍立减" is not a known kind']],
    ['¥ -', `${split('-')}`, null, ['results[1].price: price shown as "¥ -" (no data)']],
    ['only an instalment', `<span>分期 ¥3.33/期 ×12</span>`, null, ['results[1].price: only an instalment line shows a price']],
    ['a fraction split after its dot', `<span>¥52.</span><span>90</span>`, { min: 52.9, kind: 'shown' }, []],
    ['an empty price slot before the sales count (never 86)', `<span>¥</span><strong></strong><span>86人付款</span>`, null, ['results[1].price: no readable price on the card']],
  ])('%s', (_name, price, expected, issues) => {
    const read = only(page(`<div class="grid">${card('601', price)}${card('602', split('9', '.90'))}</div>`));
    expect(read.result?.price).toEqual(expected);
    expect(read.issues).toEqual(issues);
  });

  it('gives no price when a card shows two different plain prices', () => {
    const read = only(page(`<div>${card('601', `${split('39', '.90')}</div><div>${split('45')}`)}${card('602', split('9'))}</div>`));
    expect(read.result?.price).toBeNull();
    expect(read.issues).toEqual(['results[1].price: several different unlabelled prices (¥39.9, ¥45)']);
  });
});

describe('sales on a card', () => {
  it.each<[string, string, SearchResult['sales'] | undefined, string[]]>([
    ['人付款', '<span>7261人付款</span>', { value: 7261, bound: 'exact', phrase: '7261人付款' }, []],
    ['月销 with a lower bound', '<span>月销</span><span>3000+</span>', { value: 3000, bound: 'atLeast', phrase: '月销3000+' }, []],
    ['1万+人付款', '<span>1万+人付款</span>', { value: 10000, bound: 'atLeast', phrase: '1万+人付款' }, []],
    ['月销 --', '<span>月销 --</span>', undefined, ['results[1].sales: sales shown as "月销 --" (no data)']],
    ['- 人付款', '<span>- 人付款</span>', undefined, ['results[1].sales: sales shown as "- 人付款" (no data)']],
    ['repeat buyers are no sales', '<span>1万+回头客</span>', undefined, []],
    ['nothing shown', '', undefined, []],
  ])('%s', (_name, sales, expected, issues) => {
    const read = only(page(`<div>${card('601', `${split('52', '.90')}${sales}`)}${card('602', split('9'))}</div>`));
    expect(read.result?.sales).toEqual(expected);
    expect(read.issues).toEqual(issues);
  });
});

describe('cards', () => {
  it('flags paid placements by tag or by the 直通车 click link, and no other card', () => {
    const doc = page(
      `<div>${card('601', split('52'), '<span class="ad">广告</span>')}${card('602', split('9'), '', '保温杯 直通车推广商品 加厚款', 'https://click.simba.taobao.com/cc_im?p=1&amp;s=2')}${card('603', split('19'), '<span>包邮</span>')}</div>`,
    );
    const { results } = capture(doc);
    expect(results!.map((result) => [result.rank, result.itemId, result.sponsored])).toEqual([
      [1, '601', true],
      [2, undefined, true],
      [3, '603', undefined],
    ]);
  });

  it('takes the item id from markup when the card link is the click tracker', () => {
    const doc = page(`<div><div data-nid="777001">${card('x', split('52'), '', '保温杯 直通车推广商品 加厚款', 'https://click.simba.taobao.com/cc_im?p=1')}</div>${card('602', split('9'))}</div>`);
    expect(capture(doc).results!.map((result) => result.itemId)).toEqual(['777001', '602']);
  });

  it('reads the shop from its link, else from the one text ending in 店, never from an action word', () => {
    const doc = page(
      `<div>${card('601', split('52'), '')}<a href="//store.taobao.com/shop/view_shop.htm?appUid=abc">膳魔师官方旗舰店</a>` +
        `${card('602', split('9'), '<div>象印家居旗舰店</div><div>进店</div>')}${card('603', split('19'), '<div>进店</div>')}</div>`,
    );
    expect(capture(doc).results!.map((result) => result.shop)).toEqual([undefined, '象印家居旗舰店', undefined]);
  });

  it('leaves out 猜你喜欢 blocks and a 掌柜热卖 side column, and keeps ranks in page order', () => {
    const doc = page(
      `<div class="left"><div class="grid">${card('601', split('52'))}${card('602', split('9'))}</div>` +
        `<div class="rec"><h3>猜你喜欢</h3><div>${card('901', split('5'))}${card('902', split('6'))}</div></div></div>` +
        `<div class="right"><div class="title">掌柜热卖</div>${card('903', split('7'))}${card('904', split('8'))}</div>`,
    );
    expect(capture(doc).results!.map((result) => [result.rank, result.itemId])).toEqual([
      [1, '601'],
      [2, '602'],
    ]);
  });

  it('never makes a card of a banner price, the price filter or a keyword bar', () => {
    const doc = page(
      `<header><form role="search"><input name="q" value="保温杯"></form><div>新人红包 <span>¥</span><span>5</span></div></header>` +
        `<div class="filter"><span>¥</span><input> - <span>¥</span><input></div>` +
        `<div class="related">相关搜索：<a href="/search?q=a">保温杯男</a><a href="/search?q=b">316保温杯 月销10万+</a></div>` +
        `<div>${card('601', split('52'))}</div>`,
    );
    expect(capture(doc).results!.map((result) => [result.itemId, result.title, result.price?.min])).toEqual([['601', '保温杯 商品601 大容量便携水杯', 52]]);
  });

  it('says when the page found nothing, and is detected then', () => {
    const doc = page('<div class="no-result">抱歉，没有找到与“<em>xyz</em>”相关的宝贝</div>');
    expect(taobaoSearchAdapter.detect(doc, URL_)).toBe(true);
    expect(capture(doc).issues).toEqual([{ field: 'results', problem: 'the page says nothing was found' }]);
  });

  it.each([
    // Fuzz finding on taobao/search-no-results: with one of two 猜你喜欢 cards gone, the other was read as a result.
    ['one 猜你喜欢 card', `<div class="rec"><div>猜你喜欢</div><div class="list">${card('610000000001', split('9', '.90'))}</div></div>`],
    ['two 猜你喜欢 cards', `<div class="rec"><div>猜你喜欢</div><div class="list">${card('610000000001', split('9', '.90'))}${card('610000000002', split('6', '.80'))}</div></div>`],
    ['cards without their heading', `<div class="list">${card('610000000001', split('9', '.90'))}</div>`],
  ])('has no results on a page that says nothing was found, whatever follows: %s', (_case, below) => {
    const doc = page(`<div class="wrap"><div class="no-result">抱歉，没有找到与“<em>xyz</em>”相关的宝贝</div>${below}</div>`);
    const { results, issues } = capture(doc);
    expect(results).toEqual([]);
    expect(issues).toEqual([{ field: 'results', problem: 'the page says nothing was found' }]);
  });

  it('never lets a card reach over a 猜你喜欢 heading, however few cards the section has', () => {
    const doc = page(
      `<div class="main"><div class="grid">${card('601', split('52'))}</div></div>` +
        `<div class="page"><div class="rec"><div>猜你喜欢</div><div class="list">${card('901', split('5'))}</div></div></div>`,
    );
    expect(capture(doc).results!.map((result) => result.itemId)).toEqual(['601']);
  });

  it.each([
    // A title that did not render: the shop's name (inside the card's link) and the related-search bar are no titles.
    ['the shop name inside the card', card('602', split('39', '.90'), '<div><span>小熊童品专营店</span></div><div>进店</div>', '')],
    ['the related-search bar above the list', `<div class="related"><span>您是不是想找：</span><a href="/search?q=a">黑芝麻糊</a><a href="/search?q=b">南方芝麻糊</a></div>${card('603', split('48', '.80'), '', '')}`],
  ])('never takes %s for a title', (_case, body) => {
    expect(capture(page(`<div class="list">${body}</div>`)).results).toEqual([]);
  });

  it('is not detected on a shell without cards', () => {
    expect(taobaoSearchAdapter.detect(page('<div class="skeleton"></div><div>¥ <input></div>'), URL_)).toBe(false);
  });
});

describe('embedded list (g_page_config)', () => {
  const auction = (nid: string, extra = '') =>
    `{"nid":"${nid}","title":"保温杯<span class=H>${nid}<\\/span> &amp; 水杯","view_price":"52.90","view_sales":"1.2万人付款","nick":"甲店"${extra}}`;
  const config = (query: string, auctions: string[]) =>
    `<script>g_page_config = {"pageName":"mainsrp","mods":{"itemlist":{"data":{"query":"${query}","auctions":[${auctions.join(',')}]}}}};</script>`;

  it('strips highlight markup and decodes entities without parsing HTML', () => {
    expect(plainTitle('南方黑<span class=H>芝麻</span>糊 &amp; 豆浆 <img src=x onerror=alert(1)>')).toBe('南方黑芝麻糊 & 豆浆');
  });

  it('reads auctions in order, with p4p flagged', () => {
    const doc = page('', config('保温杯', [auction('701', ',"p4p":1'), auction('702')]));
    const list = readPageConfigList(doc);
    expect(list?.query).toBe('保温杯');
    expect(resultsFromPageConfig(list!).results).toEqual([
      { rank: 1, title: '保温杯701 & 水杯', price: { min: 52.9, kind: 'shown' }, itemId: '701', sales: { value: 12000, bound: 'exact', phrase: '1.2万人付款' }, shop: '甲店', sponsored: true },
      { rank: 2, title: '保温杯702 & 水杯', price: { min: 52.9, kind: 'shown' }, itemId: '702', sales: { value: 12000, bound: 'exact', phrase: '1.2万人付款' }, shop: '甲店' },
    ]);
  });

  it('reports a price or sales text that is not one, instead of guessing', () => {
    const doc = page('', config('保温杯', [auction('701').replace('"52.90"', '"52.90-69.00"').replace('"1.2万人付款"', '"热卖中"')]));
    const { results, issues } = resultsFromPageConfig(readPageConfigList(doc)!);
    expect(results[0]!.price).toBeNull();
    expect(results[0]!.sales).toBeUndefined();
    expect(issues).toEqual([
      { field: 'results[1].price', problem: 'view_price "52.90-69.00" is not a price' },
      { field: 'results[1].sales', problem: 'view_sales "热卖中" is not a sales count' },
    ]);
  });

  it('is not used when the cards shown are other items (the page turned in place): the cards are read', () => {
    const doc = page(`<div>${card('801', split('19'))}${card('802', split('29'))}</div>`, config('保温杯', [auction('701'), auction('702')]));
    const { results, issues } = capture(doc);
    expect(results!.map((result) => result.itemId)).toEqual(['801', '802']);
    expect(issues).toEqual([
      { field: 'results', problem: 'the cards shown are mostly other items than the embedded list (0 of 2 shared): embedded list not used' },
    ]);
  });

  it('agrees with the cards it renders on the fixture page (JSON first, the cards say the same)', () => {
    const html = readFileSync(join(FIXTURE_ROOT, 'taobao/search-page-config.html'), 'utf8');
    const url = new URL('https://s.taobao.com/search?q=%E8%8A%9D%E9%BA%BB%E7%B3%8A');
    const doc = documentFromHtml(html, url);
    const fromJson = resultsFromPageConfig(readPageConfigList(doc)!).results;
    const fromDom = resultsFromDom(doc).results;
    // The side column of ads (掌柜热卖) is no result; the fifth card's price is empty on both.
    expect(fromDom.map((result) => [result.rank, result.itemId, result.price, result.sales?.value, result.shop, result.sponsored])).toEqual(
      fromJson.map((result) => [result.rank, result.itemId, result.price, result.sales?.value, result.shop, result.sponsored]),
    );
  });
});
