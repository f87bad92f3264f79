/**
 * JD search results (`search.jd.com/Search?keyword=…`): the result cards in page order.
 *
 * A result card is the outermost element carrying `data-sku` (JD's SKU on every card, old and
 * new layouts); everything else is read by text and links:
 * - title: the card's link to `item.jd.com/<sku>.html` with text (its `<em>` when it has one: the
 *   slogan beside it is not the title);
 * - price: the card's ¥ line without a label (or with a plain 京东价 label); a single labelled
 *   到手价 / 券后 / 秒杀价 price when that is all the card shows. PLUS and other member prices,
 *   struck prices and instalments are never the result's price. Prices JD fills in after load
 *   come from the price endpoint (./endpoints.ts) when the page fetched it; when the card and the
 *   data disagree, neither is kept;
 * - reviews: `200万+条评价` (a lower bound), or the comment summary the page fetched;
 * - shop: the card's link to `mall.jd.com/index-<id>.html`;
 * - sponsored: a 广告 mark in the card.
 * Cards under 商品精选 / 猜你喜欢 / 为你推荐 headings are other items, not results. Ranks count
 * the cards on this page from 1 (JD's `page`/`s` parameters are not turned into an offset).
 */
import type { CaptureIssue, CountReading, Price, SearchResult } from '../../capture/schema';
import { normaliseDigits, parseSalesPhrase } from '../../capture/numbers';
import { isHiddenInTree, ownText, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter, PageResponse } from '../types';
import { isUnreadableLine, kindOfLine, priceLines, priceOfLine, samePrice, type JdPriceLine } from './dom';
import { JD_COMMENT_ENDPOINTS, JD_PRICE_ENDPOINTS, readJdComments, readJdPrices, type JdCommentRecord, type JdPriceRecord } from './endpoints';
import { isJdSearchUrl } from './urls';
import { JD_RECOMMENDATION_HEADINGS, JD_SHOP_ACTION_WORDS, JD_SPONSORED_MARKS } from './words';

const MAX_RESULTS = 200;
/** The page's own words when a search found nothing. */
/** The page's own words when a search found nothing (phrases: 没找到想要的? is a feedback link). */
const NO_RESULTS = /没有找到与|抱歉，?没有找到|没有找到相关|(?:搜索|查询)无结果/;

const SKU = /^\d{1,20}$/;

function skuOfCard(card: Element): string | undefined {
  const sku = (card.getAttribute('data-sku') ?? '').trim();
  return SKU.test(sku) ? sku : undefined;
}

/** Outermost elements with a `data-sku` (inner images and price tags repeat it). */
function allCards(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  return Array.from(body.querySelectorAll('[data-sku]')).filter(
    (el) => skuOfCard(el) !== undefined && !el.parentElement?.closest('[data-sku]') && !isHiddenInTree(el),
  );
}

/**
 * Sections of other items: for each recommendation heading outside the cards, the smallest
 * block around it that holds cards.
 */
function recommendationSections(doc: Document, cards: Element[]): Element[] {
  const body = doc.body;
  if (!body) return [];
  const sections: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const own = ownText(el);
    if (own === '' || own.length > 14 || !JD_RECOMMENDATION_HEADINGS.some((heading) => own.startsWith(heading))) continue;
    if (cards.some((card) => card.contains(el)) || isHiddenInTree(el)) continue;
    let section: Element | null = el.parentElement;
    while (section && section !== body && !cards.some((card) => section!.contains(card))) section = section.parentElement;
    if (section && section !== body && !sections.some((known) => known.contains(section!))) sections.push(section);
  }
  return sections;
}

function resultCards(doc: Document): Element[] {
  const cards = allCards(doc);
  const sections = recommendationSections(doc, cards);
  return cards.filter((card) => !sections.some((section) => section.contains(card)));
}

// ---------------------------------------------------------------------------------------------
// One card

function linkTarget(link: Element): URL | undefined {
  try {
    return new URL(link.getAttribute('href') ?? '', 'https://search.jd.com/');
  } catch {
    return undefined;
  }
}

/** The card's links to its own item page (image and title). */
function itemLinks(card: Element, sku: string): Element[] {
  return Array.from(card.querySelectorAll('a[href]')).filter((link) => {
    const target = linkTarget(link);
    return target !== undefined && target.hostname.toLowerCase() === 'item.jd.com' && target.pathname === `/${sku}.html`;
  });
}

/**
 * Texts an item link can hold that are no title: a count (`10万+` on the link to the reviews), a
 * figure, a sponsored mark (`广告` on the image link).
 */
function isTitleText(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || JD_SPONSORED_MARKS.includes(compact)) return false;
  return parseSalesPhrase(text) === null && !/^[\d.,万亿+%¥-]+$/.test(normaliseDigits(compact));
}

function titleOf(card: Element, sku: string): string | undefined {
  let best = '';
  for (const link of itemLinks(card, sku)) {
    const em = Array.from(link.querySelectorAll('em')).find((el) => visibleText(el) !== '');
    const text = visibleText(em ?? link);
    if (text.length > best.length && isTitleText(text)) best = text;
  }
  return best === '' ? undefined : best;
}

function shopOf(card: Element): string | undefined {
  for (const link of Array.from(card.querySelectorAll('a[href]'))) {
    const target = linkTarget(link);
    if (!target || target.hostname.toLowerCase() !== 'mall.jd.com' || !/^\/index-\d{1,20}\.html$/.test(target.pathname)) continue;
    const name = visibleText(link) || (link.getAttribute('title') ?? '').trim();
    if (name.length >= 2 && name.length <= 100 && !JD_SHOP_ACTION_WORDS.includes(name.replace(/\s+/g, ''))) return name;
  }
  return undefined;
}

function isSponsored(card: Element, titleLinks: Element[]): boolean {
  return Array.from(card.querySelectorAll('*')).some((el) => {
    if (titleLinks.some((link) => link.contains(el)) || isHiddenInTree(el, card)) return false;
    const raw = el.textContent ?? '';
    return raw.length > 0 && raw.length <= 6 && JD_SPONSORED_MARKS.includes(visibleText(el).replace(/\s+/g, ''));
  });
}

/** Kinds a card's only price may be when it shows no plain one: what a buyer pays, labelled. */
const FALLBACK_KINDS: ReadonlySet<Price['kind']> = new Set(['coupon', 'promotion', 'subsidised']);

interface CardPrice {
  price: Price | null;
  /** Why the price is null: `empty` (not filled in yet), or a problem to report. */
  problem?: 'empty' | string;
}

function domPrice(lines: JdPriceLine[]): CardPrice & { shown?: Price } {
  const prices = lines.map(priceOfLine).filter((price): price is Price => price !== undefined);
  const distinct = (list: Price[]) => list.filter((price, index) => list.findIndex((other) => samePrice(other, price)) === index);
  // A price shown but unreadable (`¥1,2x9`) competes with the readable ones of its kind, and no
  // price of a later kind is taken in its place.
  const unreadable = lines.filter(isUnreadableLine);
  const unreadableOf = (test: (kind: Price['kind']) => boolean) =>
    unreadable.some((line) => {
      const kind = kindOfLine(line);
      return kind !== undefined && test(kind);
    });
  const shown = distinct(prices.filter((price) => price.kind === 'shown'));
  if (unreadableOf((kind) => kind === 'shown')) return { price: null, problem: 'unreadable price' };
  if (shown.length === 1) return { price: shown[0]!, shown: shown[0]! };
  if (shown.length > 1) return { price: null, problem: 'several different unlabelled prices' };
  const paid = distinct(prices.filter((price) => FALLBACK_KINDS.has(price.kind)));
  if (unreadableOf((kind) => FALLBACK_KINDS.has(kind))) return { price: null, problem: 'unreadable price' };
  if (paid.length === 1) return { price: paid[0]! };
  if (paid.length > 1) return { price: null, problem: 'several different labelled prices' };
  if (lines.some((line) => line.noData || (!line.figure && line.text.replace(/[¥\s]/g, '') === ''))) return { price: null, problem: 'empty' };
  if (prices.length > 0) return { price: null, problem: 'only member or struck prices' };
  return { price: null, problem: lines.length > 0 ? 'unreadable price' : 'empty' };
}

function cardPrice(card: Element, titleLinks: Element[], record: JdPriceRecord | undefined): CardPrice {
  // A price line never takes in the title (cards are short: the whole card can be one ¥ and few words).
  const lines = priceLines({ root: card, skip: () => false, stopBefore: (el) => titleLinks.some((link) => el.contains(link)) });
  const fromPage = domPrice(lines);
  if (!record) return fromPage;
  // The data's `p` is the card's plain price: it agrees with the plain price the card shows, or
  // neither is kept. A card showing only a labelled price (到手价) keeps it; the data fills only
  // cards whose price is not drawn yet.
  if (fromPage.shown && fromPage.shown.min !== record.current) {
    const data = record.current === undefined ? 'no price' : `¥${record.current}`;
    return { price: null, problem: `the card shows ¥${fromPage.shown.min} but the price data says ${data}` };
  }
  if (fromPage.price || (fromPage.problem !== undefined && fromPage.problem !== 'empty')) return fromPage;
  if (record.current === undefined) return { price: null, problem: 'the price data states no price' };
  return { price: { min: record.current, kind: 'shown' } };
}

function cardReviews(card: Element, record: JdCommentRecord | undefined): CountReading | undefined {
  if (record?.count) {
    const reviews: CountReading = { value: record.count.value, bound: record.count.bound };
    if (record.count.phrase !== undefined) reviews.phrase = record.count.phrase;
    return reviews;
  }
  for (const el of Array.from(card.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 30 || !raw.includes('评')) continue;
    const phrase = parseSalesPhrase(visibleText(el));
    if (phrase?.kind === 'reviews') return { value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Adapter

function ranksText(ranks: number[]): string {
  return `rank${ranks.length > 1 ? 's' : ''} ${ranks.slice(0, 10).join(', ')}${ranks.length > 10 ? ' …' : ''}`;
}

function extractSearch(doc: Document, url: URL, responses: readonly PageResponse[] = []): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  if (!isJdSearchUrl(url)) {
    issues.push({ field: 'url', problem: 'not a JD search address (search.jd.com/Search?keyword=…)' });
    return base;
  }
  // A page that says nothing was found has no results: the cards below (猜你喜欢) are other items,
  // whether or not their heading is there to say so.
  if (saysNothingFound(doc)) {
    issues.push({ field: 'results', problem: 'the page says nothing was found' });
    return { ...base, results: [] };
  }
  const prices = readJdPrices(responses).bySku;
  const comments = readJdComments(responses).bySku;
  const results: SearchResult[] = [];
  const untitled: number[] = [];
  const emptyPrice: number[] = [];
  const problems = new Map<string, number[]>();
  const cards = resultCards(doc);
  cards.slice(0, MAX_RESULTS).forEach((card, index) => {
    const rank = index + 1;
    const sku = skuOfCard(card)!;
    const title = titleOf(card, sku);
    if (title === undefined) {
      untitled.push(rank);
      return;
    }
    const titleLinks = itemLinks(card, sku);
    const price = cardPrice(card, titleLinks, prices.get(sku));
    if (price.problem === 'empty') emptyPrice.push(rank);
    else if (price.problem) problems.set(price.problem, [...(problems.get(price.problem) ?? []), rank]);
    const result: SearchResult = { rank, itemId: sku, title: title.slice(0, 300), price: price.price };
    const reviews = cardReviews(card, comments.get(sku));
    if (reviews) result.reviews = reviews;
    const shop = shopOf(card);
    if (shop) result.shop = shop;
    if (isSponsored(card, titleLinks)) result.sponsored = true;
    results.push(result);
  });
  if (untitled.length > 0) issues.push({ field: 'results', problem: `results at ${ranksText(untitled)} show no title: left out` });
  if (emptyPrice.length > 0) {
    issues.push({ field: 'results.price', problem: `no price shown yet and none fetched (${ranksText(emptyPrice)})` });
  }
  for (const [problem, ranks] of problems) issues.push({ field: 'results.price', problem: `${problem} (${ranksText(ranks)}): price not read`.slice(0, 200) });
  if (cards.length > MAX_RESULTS) issues.push({ field: 'results', problem: `only the first ${MAX_RESULTS} of ${cards.length} results kept` });
  return { ...base, results, issues: issues.slice(0, 100) };
}

function saysNothingFound(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  return Array.from(body.querySelectorAll('*')).some((el) => {
    const raw = el.textContent ?? '';
    return raw.length > 0 && raw.length <= 80 && NO_RESULTS.test(raw) && !isHiddenInTree(el);
  });
}

export const jdSearchAdapter: PageAdapter = {
  id: 'jd/search',
  version: 1,
  platform: 'jd',
  pageKind: 'search',
  hosts: ['*://search.jd.com/*'],
  sampleUrls: [
    'https://search.jd.com/Search?keyword=%E6%89%8B%E6%9C%BA&enc=utf-8',
    'https://search.jd.com/Search?keyword=保温杯&enc=utf-8&wq=保温杯&pvid=3b2f5c6e',
    'https://search.jd.com/Search?keyword=iphone&page=3&s=56&click=0',
    'http://search.jd.com/search?keyword=kettle',
  ],
  endpoints: [...JD_PRICE_ENDPOINTS, ...JD_COMMENT_ENDPOINTS],
  matchesUrl: isJdSearchUrl,
  detect(doc, url) {
    if (!isJdSearchUrl(url)) return false;
    return resultCards(doc).some((card) => titleOf(card, skuOfCard(card)!) !== undefined) || saysNothingFound(doc);
  },
  extract: extractSearch,
};
