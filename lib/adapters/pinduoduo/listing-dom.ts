/**
 * Reads a PDD goods page from what it shows: for pages whose embedded data is missing (the SKU
 * dialog, pages loaded by script) and for fields the data lacks (promotions, reviews).
 *
 * Traps this guards against:
 * - sections about other goods (相似商品, 为你推荐 …) show their prices and sales: left out;
 * - the bottom bar shows two prices: `¥12.9 单独购买` (single buy) and `¥9.9 发起拼单` (group):
 *   each is labelled by its words, the group price is the goods' headline price;
 * - `首件¥17.78` is only the first unit's price, `券前¥19.78` the price before a coupon;
 * - `先用后付 0元下单` and delivery or shipping tags are not prices or promotions;
 * - `本店已拼…` counts the shop's sales, not the goods'.
 */
import type { CountReading, Price } from '../../capture/schema';
import { isHiddenInTree, visibleText } from '../../capture/text';
import {
  countPhrasesIn,
  lineKind,
  linePrice,
  type PriceLine,
  priceLinesIn,
  promotionsIn,
  quote,
  recommendationRegions,
  sameAmount,
  sameCount,
  type Skip,
} from './page-dom';
import { PDD_DOCUMENT_TITLE_SUFFIXES, PDD_GENERIC_DOCUMENT_TITLES } from './words';
import { memoised } from '../../capture/text-scan';

export interface PddDomView {
  doc: Document;
  /** The element holding the goods title (an h1), when there is one. */
  titleElement?: Element;
  /** Sections about other goods; nothing inside is read. */
  excluded: Element[];
  skip: Skip;
}

/** The goods name the document title states (`…-拼多多`), or undefined for a generic title. */
export function titleFromDocumentTitle(doc: Document): string | undefined {
  let title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  for (const suffix of PDD_DOCUMENT_TITLE_SUFFIXES) title = title.replace(suffix, '').trim();
  return title === '' || PDD_GENERIC_DOCUMENT_TITLES.includes(title) ? undefined : title;
}

export function pddDomView(doc: Document): PddDomView {
  // detect and extract both ask: worked out once per capture (capture/text-scan.ts).
  return memoised(pddDomView, doc, () => pddDomViewNow(doc));
}

function pddDomViewNow(doc: Document): PddDomView {
  const headings = Array.from(doc.querySelectorAll('h1')).filter((h) => !isHiddenInTree(h) && visibleText(h) !== '');
  const docTitle = titleFromDocumentTitle(doc);
  const anchor = headings.find((h) => visibleText(h) === docTitle) ?? headings[0];
  const excluded = recommendationRegions(doc, anchor);
  const titleElement = anchor && !excluded.some((region) => region.contains(anchor)) ? anchor : undefined;
  const skip: Skip = (el) =>
    isHiddenInTree(el) || excluded.some((region) => region.contains(el)) || (titleElement !== undefined && titleElement.contains(el));
  const view: PddDomView = { doc, excluded, skip };
  if (titleElement) view.titleElement = titleElement;
  return view;
}

export function readDomTitle(view: PddDomView): string | undefined {
  if (view.titleElement) return visibleText(view.titleElement);
  return titleFromDocumentTitle(view.doc);
}

// ---------------------------------------------------------------------------------------------
// Prices

export interface DomPrices {
  price?: Price;
  otherPrices: Price[];
  /** Why no main price was taken (absent when `price` is set). */
  problem?: string;
  notes: string[];
  /** Group and unlabelled prices as shown: what the embedded prices are checked against. */
  headline: Price[];
}

/** Main-price kinds in order of preference: the group price is PDD's headline price. */
const MAIN_KINDS: ReadonlyArray<Price['kind']> = ['group', 'shown', 'firstItem', 'promotion', 'subsidised'];

/** A ¥ followed by what an amount starts with, a digit or a stand-in for a lost glyph (`¥口9.9`). */
const SHOWS_AMOUNT = /[¥￥]\s*[\d.A-Za-z?？口□■\uFFFD\uE000-\uF8FF]/;

function distinctAmounts(prices: readonly Price[]): number {
  return new Set(prices.map((p) => `${p.min}|${p.max ?? ''}`)).size;
}

export function readDomPrices(view: PddDomView): DomPrices {
  const body = view.doc.body;
  const lines: PriceLine[] = body ? priceLinesIn(body, view.skip) : [];
  const notes: string[] = [];
  const prices: Price[] = [];
  for (const line of lines) {
    const price = linePrice(line);
    if (price) prices.push(price);
    else if (line.figure && line.unknownLabel !== undefined) {
      notes.push(`price labelled ${quote(line.unknownLabel, 12)} is not a known kind: left out`);
    }
  }
  const headline = prices.filter((p) => p.kind === 'group' || p.kind === 'shown');
  let main: Price | undefined;
  let problem: string | undefined;
  for (const kind of MAIN_KINDS) {
    const ofKind = prices.filter((p) => p.kind === kind);
    // A price of this kind shown but unreadable (`¥9.口`) may be the right one: none is taken,
    // and never one of a later kind in its place.
    const unreadable = lines.find((line) => !line.figure && (line.noData || SHOWS_AMOUNT.test(line.text)) && lineKind(line) === kind);
    if (ofKind.length === 0 && !unreadable) continue;
    if (unreadable) problem = unreadable.noData ? `price shown as ${quote(unreadable.text)}` : `unreadable price ${quote(unreadable.text)}`;
    else if (distinctAmounts(ofKind) === 1) main = ofKind[0];
    else problem = `several different ${kind === 'shown' ? 'unlabelled' : kind} prices (${ofKind.map((p) => p.min).join(', ')})`;
    break;
  }
  const otherPrices: Price[] = [];
  for (const price of prices) {
    if (price.kind === 'shown') continue;
    if (main && price.kind === main.kind && sameAmount(price, main)) continue;
    if (otherPrices.some((other) => other.kind === price.kind && sameAmount(other, price))) continue;
    otherPrices.push(price);
  }
  if (main) return { price: main, otherPrices: otherPrices.slice(0, 10), notes, headline };
  if (!problem) {
    const dash = lines.find((line) => line.noData);
    if (dash) problem = `price shown as ${quote(dash.text)}`;
    else if (otherPrices.length > 0) problem = `only labelled prices shown (${otherPrices.map((p) => p.label ?? p.kind).join(', ')}), no headline price`;
    else problem = 'no price on the page';
  }
  return { otherPrices: otherPrices.slice(0, 10), problem, notes, headline };
}

// ---------------------------------------------------------------------------------------------
// Sales, reviews, promotions

export interface DomCounts {
  sales?: CountReading;
  salesProblem?: string;
  reviews?: CountReading;
}

export function readDomCounts(view: PddDomView): DomCounts {
  const body = view.doc.body;
  if (!body) return { salesProblem: 'no page body' };
  const found = countPhrasesIn(body, view.skip);
  const counts: DomCounts = {};
  const sales = found.sales.filter((reading, index) => found.sales.findIndex((other) => sameCount(other, reading)) === index);
  if (sales.length === 1) counts.sales = sales[0]!;
  else if (sales.length > 1) counts.salesProblem = `several different sales phrases (${sales.map((s) => s.phrase ?? s.value).join(', ')})`;
  else if (found.shopLevel.length > 0) counts.salesProblem = `only the shop's sales shown (${found.shopLevel[0]}), not the goods'`;
  else counts.salesProblem = 'no sales phrase on the page';
  const reviews = found.reviews.filter((reading, index) => found.reviews.findIndex((other) => sameCount(other, reading)) === index);
  if (reviews.length === 1) counts.reviews = reviews[0]!;
  return counts;
}

export function readDomPromotions(view: PddDomView): string[] {
  return view.doc.body ? promotionsIn(view.doc.body, view.skip) : [];
}

/** True when the page shows a goods: a title and a price line with an amount or a `-`. */
export function domLooksRendered(view: PddDomView): boolean {
  if (readDomTitle(view) === undefined || !view.doc.body) return false;
  return priceLinesIn(view.doc.body, view.skip).some((line) => line.figure !== undefined || line.noData);
}
