/**
 * Words the Taobao search results page (s.taobao.com) uses, kept as data; linted by
 * tests/unit/adapters/taobao/search.test.ts (no empty or repeated entries). Price labels (券后 …)
 * are shared with the item page: ./listing-words.ts PRICE_LABEL_KINDS.
 *
 * No imports: content-script code.
 */

/**
 * Whole texts of a small element inside a card that mark it as paid placement (P4P, 直通车):
 * the 广告 tag of the current layout, 掌柜热卖 of the older one.
 */
export const TAOBAO_SPONSORED_MARKS: readonly string[] = ['广告', '掌柜热卖', '掌柜热卖宝贝'];

/**
 * Hosts a card links to when it is a paid placement: P4P clicks go through the 直通车 click
 * tracker instead of the item page.
 */
export const TAOBAO_SPONSORED_LINK_HOSTS: readonly string[] = ['click.simba.taobao.com'];

/**
 * Headings of blocks beside or below the results that show other items: their cards are not
 * ranked results. The item page's recommendation headings (./listing-words.ts: 猜你喜欢,
 * 为你推荐 …) apply too; here only what the search page adds: the side column of ads, titled
 * 掌柜热卖 above its cards (inside a card the same words mark that card as paid, see above).
 * Matched at the start of an element's own text, outside every card.
 */
export const TAOBAO_SEARCH_SIDE_HEADINGS: readonly string[] = ['掌柜热卖', '热卖单品'];

/**
 * The page's own words when a search found nothing (matched against a short element's text,
 * spaces removed). Such a page has no results, whatever cards follow: they are recommendations
 * (猜你喜欢) or items for a looser query, never results for the words searched. Phrases, not
 * single words: 没找到想要的宝贝？ is a feedback link on ordinary result pages.
 */
export const TAOBAO_NO_RESULTS: readonly RegExp[] = [
  /没有?找到与.{0,40}相关的(?:宝贝|商品)/,
  /抱歉，?没有?找到/,
  /没有找到相关的?(?:宝贝|商品)/,
  /(?:搜索|查询)无结果/,
  /暂无(?:相关|搜索)?结果/,
];

/**
 * Words of a sales line (`7261人付款`, `月销 3000+`, `100+人收货`). A line holding one of these
 * and only a no-data mark besides (`月销 -`, `- 人付款`) shows the sales as unknown, never 0.
 */
export const TAOBAO_SALES_WORDS: readonly string[] = ['人付款', '人收货', '人购买', '月销', '已售', '销量'];

/**
 * Headings of the related-search bar above the results (`您是不是想找：黑芝麻糊 南方芝麻糊`): page
 * chrome, never part of a card. Matched at the start of an element's own text.
 */
export const TAOBAO_RELATED_SEARCH_HEADINGS: readonly string[] = ['你是不是想找', '您是不是想找', '相关搜索'];

/** Hosts whose links on a card name the shop (store.taobao.com/shop/view_shop.htm, shopN.taobao.com, <name>.tmall.com). */
export const TAOBAO_SHOP_LINK: RegExp = /^(?:store\.taobao\.com|shop\d{1,20}\.taobao\.com|[a-z0-9-]+\.tmall\.com)$/;
