/**
 * 抖音商城 product pages on `haohuo.jinritemai.com` (`/views/product/item2?id=N`,
 * `/ecommerce/trade/detail/index.html?id=N`; they mostly open in the app, sometimes in a browser).
 * Reads title, price (which one), 已售 sales with its bound, reviews, shop, 商品体验分 / 店铺体验分
 * and promotion chips from the rendered page, by text and structure (class names are hashed).
 *
 * No saved real page of this host exists (SOURCES-2.md §F), so the reading is deliberately
 * narrow and refuses rather than guesses:
 * - Recommendation blocks (为你推荐, 同店好物 …: ./words.ts) hold other items' prices and sales:
 *   nothing inside them is read. Hidden SKU pop-ups are skipped (hidden subtrees), and so is a
 *   shown SKU panel (a sticky bar `已选：… ¥69.90 立即购买`): its price is one SKU's.
 * - Prices are elements whose whole text is one price, optionally after a price word (券后 …),
 *   split spans joined (`¥` `59` `.9`). Struck-through prices are list prices. Instalments
 *   (`¥33.2/期`) and anything with more text are not prices. The main price is the one unlabelled
 *   (`shown`) price; labelled ones go to otherPrices. Two different unlabelled prices: none is
 *   taken (an issue), since one of them belongs to something else. A price shown unreadable
 *   (`¥5?.9`, `¥--`) still counts: beside another unlabelled price, or as the only unlabelled one,
 *   no price is taken; a labelled (券后) price is never promoted in its place.
 * - Sales: the first 已售 / 销量 phrase outside recommendations (`已售1.2万+` → 12000, atLeast).
 * - Scores: the figure right after a 商品体验分 / 店铺体验分 label; 评分 words (高于同行) kept as level
 *   only when it is the single word 高 / 中 / 低.
 */
import type { CaptureIssue, CountReading, Listing, Price } from '../../capture/schema';
import { isOutsideData } from '../../capture/finder';
import { parsePrice, parseSalesPhrase } from '../../capture/numbers';
import { isHiddenInTree, shortTexts, visibleText, type ShortText } from '../../capture/text';
import { oncePerScan } from '../../capture/text-scan';
import { metricForLabel } from '../../metrics';
import type { Extracted, PageAdapter } from '../types';
import { HAOHUO_HOST, haohuoProductId } from './urls';
import { PRICE_WORDS, PROMOTION_PATTERNS, RECOMMENDATION_TITLES, SHOP_ENTRY_WORDS, SKU_PANEL_WORDS } from './words';

interface PageView {
  doc: Document;
  /** Elements to read: visible, outside recommendations, navigation and controls. */
  readable(el: Element): boolean;
  /**
   * The elements whose raw text is at most SHORT_RAW long, in document order, with that length
   * and their visible text: worked out once, for the several searches below that each look at
   * every short text of the page.
   */
  short: ShortText[];
}

/** The longest raw text any search here looks at (innermost's 4 × 30). */
const SHORT_RAW = 120;

function viewOf(doc: Document): PageView {
  // Every short text once, bottom-up: visibleText on every element would cost O(n²) on a long page.
  const short = doc.body ? shortTexts(doc.body, SHORT_RAW) : [];
  const blocks: Element[] = [];
  for (const { el, raw, text } of short) {
    if (raw > 40 || text.length > 12 || !RECOMMENDATION_TITLES.includes(text)) continue;
    if (blocks.some((block) => block.contains(el))) continue;
    // The heading's block: its parent (the heading and the recommended items are siblings).
    blocks.push(el.parentElement ?? el);
  }
  for (const { el, raw, text } of short) {
    if (raw > 60 || el.children.length > 0) continue;
    if (!SKU_PANEL_WORDS.some((word) => text.startsWith(word))) continue;
    // The SKU panel: the nearest block (at most three levels up) that also shows a price.
    let panel: Element | null = el.parentElement;
    for (let depth = 0; panel && panel !== doc.body && depth < 3 && !/[¥￥]/.test(panel.textContent ?? ''); depth++) panel = panel.parentElement;
    if (panel && panel !== doc.body && /[¥￥]/.test(panel.textContent ?? '') && !blocks.some((block) => block.contains(panel))) blocks.push(panel);
  }
  return {
    doc,
    short,
    readable: (el) => !blocks.some((block) => block.contains(el)) && !isHiddenInTree(el) && !isOutsideData(el),
  };
}

/** Innermost readable elements whose whole visible text passes `accept` (no child holds it all). */
function innermost<T>(view: PageView, maxLength: number, accept: (text: string, el: Element) => T | null): Array<{ el: Element; value: T; text: string }> {
  const hits: Array<{ el: Element; value: T; text: string }> = [];
  for (const { el, raw, text } of view.short) {
    if (raw > maxLength * 4 || text.length === 0 || text.length > maxLength) continue;
    const value = accept(text, el);
    if (value === null) continue;
    if (Array.from(el.children).some((child) => visibleText(child) === text)) continue;
    if (!view.readable(el)) continue;
    hits.push({ el, value, text });
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Title

const TITLE_SUFFIX = /\s*[-_|｜]\s*(?:抖音商城|抖音电商|抖音)\s*$/;

function readTitle(view: PageView): string | undefined {
  // What the page renders first; the share meta second (it is written once by the server).
  const heading = Array.from(view.doc.querySelectorAll('h1')).find((el) => view.readable(el) && visibleText(el) !== '');
  if (heading) return visibleText(heading);
  const og = view.doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og.replace(TITLE_SUFFIX, '');
  const title = view.doc.title.replace(TITLE_SUFFIX, '').trim();
  // A bare site name is no product title.
  return title && !/^(?:抖音商城|抖音电商|抖音)$/.test(title) ? title : undefined;
}

// ---------------------------------------------------------------------------------------------
// Prices

interface PriceHit {
  /** The price read; absent when the page shows one that cannot be read (`¥5?.9`, `¥--`). */
  price?: Price;
  /** Which price it is: from its word, or `shown` when unlabelled (also for an unreadable one). */
  kind: Price['kind'];
  struck: boolean;
  text: string;
}

const PRICE_TEXT = /^(?<word>[\u4e00-\u9fa5]{0,4})\s*[:：]?\s*(?<amount>[¥￥]\s*\d[\d,]*(?:\.\d+)?(?:\s*[-~]\s*[¥￥]?\s*\d[\d,]*(?:\.\d+)?)?\s*起?)$/;
/**
 * A price the page shows but that cannot be read: figure characters with a stand-in for a lost
 * glyph (`¥5?.9`, `¥口9.9`, an obfuscated font's private-use characters) or a no-data mark
 * (`¥--`). It is still a price on the page: it competes with the others (see readPrices).
 * An instalment (`¥20.0/期`) or a price with more words (`¥33.2×12期`) is not one.
 */
const UNREADABLE_PRICE_TEXT =
  /^(?<word>[\u4e00-\u9fa5]{0,4})\s*[:：]?\s*[¥￥]\s*(?<amount>[\d.,，~+万]*[A-Za-z?？口□■\uFFFD\uE000-\uF8FF][\d.,，~+万A-Za-z?？口□■\uFFFD\uE000-\uF8FF]*起?|[-—–]{1,3})$/;

function struck(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === 'DEL' || tag === 'S' || tag === 'STRIKE') return true;
    if (/line-through/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

function priceOf(text: string, el: Element): PriceHit | null {
  const line = text.replace(/\s+/g, ' ').trim();
  const readable = PRICE_TEXT.exec(line);
  const match = readable ?? UNREADABLE_PRICE_TEXT.exec(line);
  if (!match?.groups) return null;
  const word = match.groups.word ?? '';
  const isStruck = struck(el);
  const kind = isStruck ? 'list' : word ? PRICE_WORDS[word] : 'shown';
  if (!kind) return null; // A word that is not a price word (`分期`, `运费`): not this item's price.
  const hit: PriceHit = { kind, struck: isStruck, text: line };
  const figure = readable?.groups ? parsePrice(readable.groups.amount!) : null;
  if (!figure) return hit;
  const price: Price = { min: figure.min, kind };
  if (figure.max !== undefined) price.max = figure.max;
  if (word) price.label = word;
  return { ...hit, price };
}

function samePrice(a: Price, b: Price): boolean {
  return a.kind === b.kind && a.min === b.min && a.max === b.max && a.label === b.label;
}

function readPrices(view: PageView): { price?: Price; otherPrices: Price[]; problem?: string } {
  const found = innermost(view, 24, priceOf);
  // `<div><span>券后</span><span>¥49.9</span></div>`: the labelled outer price, not its bare inner one.
  const hits = found.filter((hit) => !found.some((other) => other !== hit && other.el.contains(hit.el)));
  const prices: Price[] = [];
  for (const { value } of hits) if (value.price && !prices.some((known) => samePrice(known, value.price!))) prices.push(value.price);
  // Prices shown but unreadable still compete: the lost one may be the right one (a glyph drawn
  // wrong, a late render), so it never leaves the field to another price.
  const unreadable = hits.filter((hit) => !hit.value.price && !hit.value.struck).map((hit) => hit.value);
  const unreadableShown = unreadable.filter((hit) => hit.kind === 'shown');
  const shown = prices.filter((price) => price.kind === 'shown');
  const others = prices.filter((price) => price.kind !== 'shown').slice(0, 10);
  if (shown.length > 1) {
    return { otherPrices: others, problem: `${shown.length} different unlabelled prices (${shown.map((p) => p.min).join(', ')}): none taken` };
  }
  if (unreadableShown.length > 0) {
    const what = unreadableShown.map((hit) => `"${hit.text.slice(0, 16)}"`).join(', ');
    return { otherPrices: others, problem: `unlabelled price shown unreadable (${what})${shown.length > 0 ? ` beside ${shown[0]!.min}` : ''}: none taken` };
  }
  if (shown.length === 1) return { price: shown[0]!, otherPrices: others };
  // Only labelled prices: a single coupon or promotion price is what the page shows as the price,
  // unless another labelled price is there but unreadable.
  const labelled = others.filter((price) => price.kind !== 'list');
  if (labelled.length === 1 && unreadable.length === 0) return { price: labelled[0]!, otherPrices: others.filter((price) => price !== labelled[0]) };
  if (unreadable.length > 0) return { otherPrices: others, problem: `labelled price shown unreadable (${unreadable.map((hit) => `"${hit.text.slice(0, 16)}"`).join(', ')}): none taken` };
  return { otherPrices: others, problem: prices.length === 0 ? 'no price shown' : 'only list or several labelled prices: none taken' };
}

// ---------------------------------------------------------------------------------------------
// Counts, shop, scores, promotions

function readCount(view: PageView, kind: 'sales' | 'reviews'): CountReading | undefined {
  const hits = innermost(view, 30, (text) => {
    const phrase = parseSalesPhrase(text);
    return phrase?.kind === kind ? phrase : null;
  });
  const first = hits[0]?.value;
  return first ? { value: first.value, bound: first.bound, phrase: first.phrase.slice(0, 60) } : undefined;
}

const SHOP_NAME_ENDING = /(?:旗舰店|专营店|专卖店|官方店|小店|店铺|店)$/;

function readShop(view: PageView): { name?: string; problem?: string } {
  const entries = view.short.filter(({ el, raw, text }) => raw <= 20 && SHOP_ENTRY_WORDS.includes(text) && !isHiddenInTree(el)).map(({ el }) => el);
  const names = new Set<string>();
  for (const entry of entries) {
    // The shop block: a few levels up from the 进店 button, where the name is a short text leaf.
    let block: Element | null = entry.parentElement;
    for (let depth = 0; block && depth < 3 && block.parentElement && block.parentElement !== view.doc.body; depth++) {
      if (Array.from(block.querySelectorAll('*')).some((el) => el.children.length === 0 && SHOP_NAME_ENDING.test(visibleText(el)))) break;
      block = block.parentElement;
    }
    if (!block) continue;
    for (const leaf of Array.from(block.querySelectorAll('*'))) {
      if (leaf.children.length > 0 || isHiddenInTree(leaf)) continue;
      const text = visibleText(leaf);
      if (text.length >= 2 && text.length <= 40 && SHOP_NAME_ENDING.test(text) && !SHOP_ENTRY_WORDS.includes(text) && !/\d{3,}/.test(text)) {
        names.add(text);
      }
    }
  }
  if (names.size === 1) return { name: [...names][0]! };
  if (names.size > 1) return { problem: `several shop names beside 进店 (${[...names].slice(0, 3).join(', ')}): none taken` };
  return { problem: 'no shop block (进店) with a shop name' };
}

type Score = NonNullable<Listing['scores']>[number];
const SCORE_VALUE = /^(\d(?:\.\d{1,2})?)(?:\s*分)?$/;

function readScores(view: PageView): Score[] {
  const scores: Score[] = [];
  for (const { el, raw, text: label } of view.short) {
    if (raw > 30 || el.children.length > 1 || label.length > 8) continue;
    const def = metricForLabel('douyin', label);
    if (def?.id !== 'experienceScore' || !view.readable(el)) continue;
    if (scores.some((score) => score.label === label)) continue;
    // The value is the next short text after the label inside the label's parent: `4.8` or `4.8分`.
    const parent = el.parentElement;
    if (!parent) continue;
    const after: string[] = [];
    let seen = false;
    for (const node of Array.from(parent.querySelectorAll('*'))) {
      if (node === el) {
        seen = true;
        continue;
      }
      if (!seen || el.contains(node) || node.children.length > 0 || isHiddenInTree(node)) continue;
      const text = visibleText(node);
      if (text) after.push(text);
    }
    const value = SCORE_VALUE.exec(after[0] ?? '');
    if (!value) continue;
    const score: Score = { metric: 'experienceScore', label, value: Number(value[1]) };
    if (after[1] && /^(?:高|中|低)$/.test(after[1])) score.level = after[1];
    scores.push(score);
  }
  return scores;
}

function readPromotions(view: PageView): string[] {
  const texts: string[] = [];
  for (const { text } of innermost(view, 30, (text) => (PROMOTION_PATTERNS.some((pattern) => pattern.test(text)) ? true : null))) {
    if (!texts.includes(text)) texts.push(text.slice(0, 80));
  }
  return texts.slice(0, 20);
}

// ---------------------------------------------------------------------------------------------
// Adapter

function extractListing(doc: Document, url: URL): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  const itemId = haohuoProductId(url);
  if (itemId === undefined) {
    issues.push({ field: 'url', problem: 'not a haohuo product address (?id=N)' });
    return base;
  }
  const view = viewOf(doc);
  const title = readTitle(view);
  if (!title) {
    issues.push({ field: 'listing.title', problem: 'no product title on the page' });
    return base;
  }
  const listing: Listing = { itemId, title: title.slice(0, 300) };
  const prices = readPrices(view);
  if (prices.price) listing.price = prices.price;
  else issues.push({ field: 'listing.price', problem: prices.problem ?? 'no price' });
  if (prices.otherPrices.length > 0) listing.otherPrices = prices.otherPrices;
  const sales = readCount(view, 'sales');
  if (sales) listing.sales = sales;
  else issues.push({ field: 'listing.sales', problem: 'no 已售 / 销量 phrase outside recommendations' });
  const reviews = readCount(view, 'reviews');
  if (reviews) listing.reviews = reviews;
  const shop = readShop(view);
  if (shop.name) listing.shop = { name: shop.name };
  else issues.push({ field: 'listing.shop', problem: shop.problem ?? 'no shop' });
  const scores = readScores(view);
  if (scores.length > 0) listing.scores = scores;
  else issues.push({ field: 'listing.scores', problem: 'no 商品体验分 / 店铺体验分 with a value' });
  const promotions = readPromotions(view);
  if (promotions.length > 0) listing.promotions = promotions;
  return { ...base, listing, issues: issues.slice(0, 100) };
}

/** detect and extract read the page once per capture (capture/text-scan.ts). */
const readListingOnce = oncePerScan(extractListing);

export const haohuoListingAdapter: PageAdapter = {
  id: 'douyin/listing',
  version: 1,
  platform: 'douyin',
  pageKind: 'listing',
  hosts: [`*://${HAOHUO_HOST}/*`],
  sampleUrls: [
    'https://haohuo.jinritemai.com/views/product/item2?id=3718502021305860341',
    'https://haohuo.jinritemai.com/views/product/detail?id=3624312858713682681&origin_type=604',
    'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3624312858713682681&origin_type=open_platform',
    'http://haohuo.jinritemai.com/views/product/item?id=1234567890',
  ],
  matchesUrl: (url) => haohuoProductId(url) !== undefined,
  detect(doc, url) {
    const listing = readListingOnce(doc, url).listing;
    return listing !== null && (listing.price !== undefined || listing.sales !== undefined);
  },
  extract: (doc, url) => readListingOnce(doc, url),
};
