/**
 * Reads a Taobao/Tmall listing from the visible page, for pages without embedded data and
 * for fields the data lacks. Class names on these pages are hashed (`Price--priceText--2nLbVda`)
 * and change with every release, so everything here goes by text: labels, ¥ signs, phrases.
 *
 * Traps this guards against:
 * - recommendation sections (看了又看, 店铺推荐 …) show other items' titles, prices and sales:
 *   their whole section is left out (see recommendationRegions);
 * - an instalment line (分期 ¥3.33/期 ×12) is never a price;
 * - member, coupon and struck-through prices are labelled and kept apart from the main price;
 * - hidden elements (display:none, hidden, aria-hidden) are not read;
 * - `¥ -` is an unknown price, never 0.
 */
import type { Price } from '../../capture/schema';
import { isNoData, normaliseDigits, NUMBER_END, parsePrice, parseSalesPhrase, type PriceFigure } from '../../capture/numbers';
import { isHiddenInTree, ownText, textStream, visibleText } from '../../capture/text';
import { recommendationRegions as sharedRecommendationRegions } from '../../capture/sections';
import { metricForLabel } from '../../metrics';
import { readScoreValue } from './listing-ice';
import {
  found,
  missing,
  quote,
  samePrice,
  type Found,
  type ListingParts,
  type ListingPrices,
  type ListingScore,
  type ListingShop,
  type ListingStock,
} from './listing-parts';
import {
  ATTRIBUTE_HEADINGS,
  DOCUMENT_TITLE_SUFFIXES,
  INSTALMENT_PATTERNS,
  normalisePriceLabel,
  PRICE_LABELS_LONGEST_FIRST,
  priceKindForLabel,
  RECOMMENDATION_HEADINGS,
  RETURN_TERM_WORDS,
  SERVICE_SCORE_LABELS,
  SERVICE_SCORE_LEVELS,
  SHIPPING_PROMISE,
  SHOP_ACTION_WORDS,
  TMALL_NON_SHOP_HOSTS,
} from './listing-words';

const ELEMENT_NODE = 1;
/** NodeFilter.SHOW_TEXT: the constant, because Node (the CLI) has no NodeFilter global. */
const SHOW_TEXT = 4;
/** A price line is short: climbing stops before a parent with more text than this. */
const MAX_LINE_CHARS = 40;
const CURRENCY = /[¥￥]/g;
/** A price line's amount after its ¥ (see readPriceLine); a figure whose rest is unreadable is none. */
const LINE_AMOUNT = new RegExp(`^[¥￥]\\s*([\\d.,]+(?:\\s*[-~至]\\s*[¥￥]?\\s*[\\d.,]+)?\\s*[万亿千wWkK]?\\s*\\+?\\s*%?)${NUMBER_END}\\s*(起)?`);

/** The page as the DOM reader sees it: where the item's own content is, and what to skip. */
export interface DomView {
  doc: Document;
  /** The element holding the item's title (an h1), when found. */
  titleElement?: Element;
  /** Sections about other items; nothing inside is read. */
  excluded: Element[];
}

function elementsOf(doc: Document): Element[] {
  return doc.body ? Array.from(doc.body.querySelectorAll('*')) : [];
}

function textNodesOf(doc: Document, test: RegExp): Text[] {
  if (!doc.body) return [];
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (test.test(node.nodeValue ?? '')) nodes.push(node as Text);
  }
  return nodes;
}

/** The item title the document title states (`…-tmall.com天猫`), or undefined for a generic title. */
export function titleFromDocumentTitle(doc: Document): string | undefined {
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  for (const suffix of DOCUMENT_TITLE_SUFFIXES) {
    if (suffix.test(title)) {
      const stripped = title.replace(suffix, '').trim();
      return stripped === '' ? undefined : stripped;
    }
  }
  return undefined;
}

function isRecommendationHeading(el: Element): boolean {
  const own = ownText(el);
  if (own === '' || own.length > 12) return false;
  return RECOMMENDATION_HEADINGS.some((heading) => own.startsWith(heading));
}

/**
 * Sections showing other items. Each starts at a heading (看了又看 …) and reaches up to the
 * largest ancestor that does not hold the item's own title; without a known title, only the
 * heading's parent is left out (a smaller cut, so less is read wrongly, never more).
 */
function recommendationRegions(doc: Document, anchor: Element | undefined): Element[] {
  return sharedRecommendationRegions(doc, anchor, isRecommendationHeading);
}

/** Item pages a link can lead to: a heading inside such a link is that item's (a recommended card's). */
const ITEM_PAGE_LINK = /^(?:https?:)?\/\/(?:item\.taobao\.com|detail\.tmall\.com|detail\.tmall\.hk)\/item\.htm/i;

function insideItemLink(el: Element): boolean {
  const link = el.closest('a[href]');
  return link !== null && ITEM_PAGE_LINK.test((link.getAttribute('href') ?? '').trim());
}

/** Builds the view: finds the title element and the sections to leave out. */
export function domView(doc: Document): DomView {
  // A heading inside a link to an item page is another item's card, never this item's title,
  // whether or not its section's heading (猜你喜欢) is there to say so.
  const headings = Array.from(doc.querySelectorAll('h1')).filter((h) => !isHiddenInTree(h) && visibleText(h) !== '' && !insideItemLink(h));
  const docTitle = titleFromDocumentTitle(doc);
  // The h1 that repeats the document title is surely the item's; recommendation cards may have h1s too.
  const anchor = docTitle === undefined ? undefined : headings.find((h) => visibleText(h) === docTitle);
  const excluded = recommendationRegions(doc, anchor);
  const titleElement = anchor ?? headings.find((h) => !excluded.some((region) => region.contains(h)));
  const view: DomView = { doc, excluded };
  if (titleElement) view.titleElement = titleElement;
  return view;
}

function isSkipped(view: DomView, node: Node): boolean {
  const el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return true;
  if (isHiddenInTree(el)) return true;
  if (view.excluded.some((region) => region.contains(el))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Title

function readTitle(view: DomView): Found<string> {
  if (view.titleElement) return found(visibleText(view.titleElement));
  return missing('no item title (h1) on the page');
}

// ---------------------------------------------------------------------------------------------
// Prices

interface PriceLine {
  element: Element;
  text: string;
  instalment: boolean;
  struck: boolean;
  /** Known label found in the line (券后, 会员价 …). */
  label?: string;
  /** Words before the ¥ that are not a known label (新人价 …). */
  unknownLabel?: string;
  figure?: PriceFigure;
  /** The line shows a ¥ with no amount (`¥ -`). */
  noData: boolean;
}

function isStruck(el: Element): boolean {
  if (['DEL', 'S', 'STRIKE'].includes(el.tagName.toUpperCase())) return true;
  return /text-decoration[^;]*line-through/i.test(el.getAttribute('style') ?? '');
}

/**
 * The price line around a ¥: the largest ancestor that still holds exactly one ¥ and little
 * text, and not the item title (whose words would be taken for a price label).
 */
function priceLineElement(start: Element, view: DomView): Element {
  let line = start;
  while (line.parentElement && line.parentElement !== view.doc.body) {
    if (view.titleElement && line.parentElement.contains(view.titleElement)) break;
    const text = visibleText(line.parentElement);
    if ((text.match(CURRENCY) ?? []).length !== 1 || text.length > MAX_LINE_CHARS) break;
    line = line.parentElement;
  }
  return line;
}

function readPriceLine(element: Element, currencyNode: Text): PriceLine {
  // Full-width digits and ￥ to their ASCII forms first, so the amount pattern sees one alphabet.
  const text = normaliseDigits(visibleText(element));
  const compact = text.replace(/\s+/g, '');
  const line: PriceLine = {
    element,
    text,
    instalment: INSTALMENT_PATTERNS.some((pattern) => pattern.test(compact)),
    struck: false,
    noData: false,
  };
  for (let el: Element | null = currencyNode.parentElement; el; el = el.parentElement) {
    if (isStruck(el)) line.struck = true;
    if (el === element) break;
  }
  const at = text.search(/[¥￥]/);
  const before = text.slice(0, Math.max(at, 0));
  // The amount: ¥, digits, an optional range end, multiplier, + or % (all handed to parsePrice,
  // which refuses what a price cannot be), then 起. Words after it may be a label (¥69 券后).
  const amount = LINE_AMOUNT.exec(
    text.slice(at),
  );
  const after = amount ? text.slice(at + amount[0].length) : '';
  if (amount) {
    const figure = parsePrice(`¥${(amount[1] ?? '').replace(/([-~至])\s*[¥￥]/, '$1')}${amount[2] ?? ''}`);
    if (figure) line.figure = figure;
  } else {
    const rest = text.slice(at + 1).trim();
    if (isNoData(rest)) line.noData = true;
  }
  const words = `${before} ${after}`;
  const compactWords = words.replace(/[\s\u3000]+/g, '').toUpperCase();
  const known = PRICE_LABELS_LONGEST_FIRST.find((label) => compactWords.includes(normalisePriceLabel(label)));
  if (known) {
    line.label = known;
  } else {
    const unknown = before.replace(/[:：\s]+$/, '').trim();
    if (unknown !== '') line.unknownLabel = unknown;
  }
  return line;
}

function priceLines(view: DomView): PriceLine[] {
  const lines: PriceLine[] = [];
  const seen = new Set<Element>();
  for (const node of textNodesOf(view.doc, /[¥￥]/)) {
    if (isSkipped(view, node) || !node.parentElement) continue;
    if (view.titleElement?.contains(node)) continue;
    const element = priceLineElement(node.parentElement, view);
    if (seen.has(element)) continue;
    seen.add(element);
    lines.push(readPriceLine(element, node));
  }
  return lines;
}

function linePrice(line: PriceLine): Price | undefined {
  if (!line.figure) return undefined;
  let kind: Price['kind'] | undefined = line.label === undefined ? 'shown' : priceKindForLabel(line.label);
  if (kind === undefined) return undefined;
  // Struck through means "not what you pay": a list price whatever the words say.
  if (line.struck) kind = 'list';
  if (kind === 'shown' && line.unknownLabel !== undefined) return undefined;
  const { min, max } = line.figure;
  const price: Price = max === undefined ? { min, kind } : { min, max, kind };
  if (line.label !== undefined) price.label = line.label;
  return price;
}

/** Distinct prices by amount. */
function distinctAmounts(prices: Price[]): number {
  return new Set(prices.map((p) => `${p.min}|${p.max ?? ''}`)).size;
}

/** The kind a line's price is (or would be, when its amount is unreadable); undefined for an unknown label. */
function lineKind(line: PriceLine): Price['kind'] | undefined {
  if (line.struck) return 'list';
  if (line.label !== undefined) return priceKindForLabel(line.label);
  return line.unknownLabel === undefined ? 'shown' : undefined;
}

/**
 * Where the main price is looked for, in order: a price labelled with a plain price word (价格,
 * 一口价); a promotion price (促销价); an unlabelled price; an unstruck list price (优惠前). An
 * unlabelled price never wins over a labelled one: beside labelled prices, a price without a
 * label may be one whose label is not there (a member price whose 会员价 did not render).
 */
const MAIN_TIERS: ReadonlyArray<{ name: string; holds: (line: PriceLine, kind: Price['kind']) => boolean }> = [
  { name: 'labelled', holds: (line, kind) => kind === 'shown' && line.label !== undefined },
  { name: 'promotion', holds: (_line, kind) => kind === 'promotion' },
  { name: 'unlabelled', holds: (line, kind) => kind === 'shown' && line.label === undefined },
  { name: 'list', holds: (line, kind) => kind === 'list' && !line.struck },
];

export function readPrices(view: DomView): Found<ListingPrices> {
  const lines = priceLines(view);
  const notes: string[] = [];
  const candidates: Array<{ line: PriceLine; price: Price }> = [];
  for (const line of lines) {
    if (line.instalment) continue;
    const price = linePrice(line);
    if (price) candidates.push({ line, price });
    else if (line.figure && line.unknownLabel !== undefined) {
      notes.push(`price labelled ${quote(line.unknownLabel, 12)} is not a known kind: left out`);
    }
  }
  // The main price: the first tier holding a price. A tier whose prices differ is ambiguous, and
  // a tier holding a price shown unreadable (`¥3x.90`, `¥ -`) too: that one may be the right one,
  // so no price is taken, never one of a lower tier in its place.
  let main: { line: PriceLine; price: Price } | undefined;
  let problem: string | undefined;
  for (const tier of MAIN_TIERS) {
    const inTier = candidates.filter((c) => tier.holds(c.line, c.price.kind));
    const unreadable = lines.filter((line) => {
      const kind = lineKind(line);
      return !line.figure && !line.instalment && kind !== undefined && tier.holds(line, kind);
    });
    if (inTier.length === 0 && unreadable.length === 0) continue;
    const dash = unreadable.find((line) => line.noData);
    if (dash) problem = `price shown as ${quote(dash.text)}`;
    else if (unreadable.length > 0) problem = `unreadable price ${quote(unreadable[0]!.text)}`;
    else if (distinctAmounts(inTier.map((c) => c.price)) === 1) main = inTier[0];
    else if (tier.name !== 'list') problem = `several different ${tier.name} prices${tier.name === 'promotion' ? '' : ` (${inTier.map((c) => quote(c.line.text, 16)).join(', ')})`}`;
    if (main && tier.name !== 'unlabelled') {
      const unlabelled = candidates.filter((c) => c.price.kind === 'shown' && c.line.label === undefined && !samePrice(c.price, main!.price));
      if (unlabelled.length > 0) notes.push(`a second price without a label was left out`);
    }
    break;
  }
  const otherPrices: Price[] = [];
  for (const candidate of candidates) {
    if (main && (candidate === main || samePrice(candidate.price, main.price))) continue;
    if (candidate.price.kind === 'shown' || otherPrices.some((p) => samePrice(p, candidate.price))) continue;
    otherPrices.push(candidate.price);
  }
  if (main?.line.figure?.from && main.price.max === undefined) {
    notes.push('price is a 起 (from) price: only the lowest is shown');
  }
  if (main) return found({ price: main.price, otherPrices: otherPrices.slice(0, 10) }, notes);

  if (!problem) {
    const dash = lines.find((line) => line.noData && !line.instalment);
    const unreadable = lines.find((line) => !line.figure && !line.noData && !line.instalment);
    if (dash) problem = `price shown as ${quote(dash.text)}`;
    else if (unreadable && otherPrices.length === 0) problem = `unreadable price ${quote(unreadable.text)}`;
    else if (otherPrices.length > 0) problem = `only labelled prices shown (${otherPrices.map((p) => p.label ?? p.kind).join(', ')}), no main price`;
    else if (lines.some((line) => line.instalment)) problem = 'only an instalment line shows a price';
    else problem = 'no price on the page';
  }
  if (otherPrices.length > 0) return { value: { otherPrices: otherPrices.slice(0, 10) }, problem, notes };
  return { problem, notes };
}

// ---------------------------------------------------------------------------------------------
// Counts: sales and reviews

const SALES_WORDS = /月销|已售|销量|人付款|人收货|已拼|已抢|总售/;
const REVIEW_WORDS = /评价/;

function readCountPhrase(view: DomView, words: RegExp, kind: 'sales' | 'reviews', what: string): Found<{ value: number; bound: 'exact' | 'atLeast'; phrase: string }> {
  let shownAsNoData: string | undefined;
  for (const node of textNodesOf(view.doc, words)) {
    if (isSkipped(view, node) || !node.parentElement) continue;
    if (view.titleElement?.contains(node)) continue; // titles say 月销10万 too
    let el: Element | null = node.parentElement;
    for (let depth = 0; el && el !== view.doc.body && depth < 3; depth++, el = el.parentElement) {
      const text = visibleText(el);
      if (text.length > MAX_LINE_CHARS) break;
      const phrase = parseSalesPhrase(text);
      if (phrase && phrase.kind === kind) {
        return found({ value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) });
      }
      const word = words.exec(text);
      if (word && shownAsNoData === undefined) {
        const rest = text.slice(word.index + word[0].length).replace(/^[\s:：(（]+|[)）\s]+$/g, '');
        if (rest !== '' && isNoData(rest)) shownAsNoData = text;
      }
    }
  }
  if (shownAsNoData !== undefined) return missing(`${what} shown as ${quote(shownAsNoData)}`);
  return missing(`no ${what} on the page`);
}

// ---------------------------------------------------------------------------------------------
// Shop

const TAOBAO_SHOP_HOST = /^shop(\d{1,20})\.taobao\.com$/;
const TMALL_HOST = /^[a-z0-9-]+\.tmall\.com$/;

function shopFromLink(link: Element): ListingShop | undefined {
  let url: URL;
  try {
    url = new URL(link.getAttribute('href') ?? '', 'https://item.taobao.com/');
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const taobao = TAOBAO_SHOP_HOST.exec(host);
  const tmall = TMALL_HOST.test(host) && !TMALL_NON_SHOP_HOSTS.includes(host);
  if (!taobao && !tmall) return undefined;
  const name = visibleText(link);
  if (name.length < 2 || name.length > 100 || SHOP_ACTION_WORDS.includes(name.replace(/\s+/g, ''))) return undefined;
  return taobao?.[1] ? { id: taobao[1], name } : { name };
}

function readShop(view: DomView): Found<ListingShop> {
  for (const link of Array.from(view.doc.querySelectorAll('a[href]'))) {
    if (isSkipped(view, link)) continue;
    const shop = shopFromLink(link);
    if (shop) return found(shop);
  }
  return missing('no shop link on the page');
}

// ---------------------------------------------------------------------------------------------
// Service scores

const SCORE_LABEL_SET = new Set(SERVICE_SCORE_LABELS);

function isScoreLabel(el: Element): boolean {
  return SCORE_LABEL_SET.has(ownText(el).replace(/[:：]$/, ''));
}

function readScores(view: DomView): Found<ListingScore[]> {
  const scores: ListingScore[] = [];
  const notes: string[] = [];
  for (const el of elementsOf(view.doc)) {
    if (!isScoreLabel(el) || isSkipped(view, el)) continue;
    const label = ownText(el).replace(/[:：]$/, '');
    if (scores.some((score) => score.label === label)) continue;
    // The value follows the label inside its row; look one or two levels up for the row.
    let text = '';
    for (let row = el.parentElement, depth = 0; row && row !== view.doc.body && depth < 2 && text === ''; row = row.parentElement, depth++) {
      text = textStream(row, { after: el, stopAt: isScoreLabel }).text.replace(/\s+/g, ' ').trim();
    }
    const match = /^[:：]?\s*(\S+?)\s*(高|平|低)?(?:\s|$)/.exec(text);
    const value = match?.[1] === undefined ? undefined : readScoreValue(match[1]);
    if (value === undefined) {
      notes.push(`${label} ${text === '' ? 'has no value' : `shown as ${quote(text, 10)}`}`);
      continue;
    }
    const metric = metricForLabel('taobao', label);
    const score: ListingScore = metric ? { metric: metric.id, label, value } : { label, value };
    if (match?.[2] !== undefined && SERVICE_SCORE_LEVELS.includes(match[2])) score.level = match[2];
    scores.push(score);
    if (scores.length >= 10) break;
  }
  if (scores.length === 0) {
    return missing(notes.length > 0 ? `no readable service score (${notes.join('; ')})` : 'no service scores on the page');
  }
  return found(scores, notes);
}

// ---------------------------------------------------------------------------------------------
// Stock

const STOCK_PHRASE = /库存\s*[:：]?\s*(\d{1,9})\s*件/;

function readStock(view: DomView): Found<ListingStock> {
  for (const node of textNodesOf(view.doc, /库存/)) {
    if (isSkipped(view, node) || !node.parentElement) continue;
    let el: Element | null = node.parentElement;
    for (let depth = 0; el && el !== view.doc.body && depth < 3; depth++, el = el.parentElement) {
      const text = visibleText(el);
      if (text.length > MAX_LINE_CHARS) break;
      const match = STOCK_PHRASE.exec(text);
      if (match?.[1] !== undefined) return found({ text: match[0], quantity: Number(match[1]) });
    }
  }
  return missing('no stock shown on the page');
}

// ---------------------------------------------------------------------------------------------
// Attributes (参数信息), shipping promise and return terms

/** The value of one attribute row: after the colon, the last cell, or the `dd` after a `dt`. */
function attributeValue(row: Element): string | undefined {
  if (row.tagName.toUpperCase() === 'DT') {
    const dd = row.nextElementSibling;
    return dd && dd.tagName.toUpperCase() === 'DD' ? visibleText(dd) : undefined;
  }
  if (row.tagName.toUpperCase() === 'TR') {
    const cells = Array.from(row.children).filter((cell) => ['TD', 'TH'].includes(cell.tagName.toUpperCase()));
    return cells.length >= 2 ? visibleText(cells[cells.length - 1]!) : undefined;
  }
  const text = visibleText(row);
  const colon = text.search(/[:：]/);
  if (colon > 0) return text.slice(colon + 1).trim();
  const parts = Array.from(row.children).map((child) => visibleText(child)).filter((part) => part !== '');
  return parts.length === 2 ? parts[1] : undefined;
}

function readAttributes(view: DomView): Found<number> {
  for (const heading of elementsOf(view.doc)) {
    if (!ATTRIBUTE_HEADINGS.includes(ownText(heading).replace(/[:：]$/, '')) || isSkipped(view, heading)) continue;
    // The section: the heading's parent, or one level up when the heading sits in its own header row.
    for (let section = heading.parentElement, depth = 0; section && section !== view.doc.body && depth < 2; section = section.parentElement, depth++) {
      const rows = Array.from(section.querySelectorAll('li,tr,dt')).filter((row) => !isSkipped(view, row));
      if (rows.length === 0) continue;
      const filled = rows.filter((row) => {
        const value = attributeValue(row);
        return value !== undefined && value !== '' && !isNoData(value);
      }).length;
      return found(filled);
    }
  }
  return missing('no attribute section (参数信息) on the page');
}

/** The shortest line (at most `max` characters) around a text node: the node's element, grown while it stays short. */
function lineAround(node: Text, view: DomView, max: number): string {
  let line = node.parentElement!;
  while (line.parentElement && line.parentElement !== view.doc.body && visibleText(line.parentElement).length <= max) {
    line = line.parentElement;
  }
  return visibleText(line);
}

function outsideFooter(node: Text): boolean {
  return !node.parentElement?.closest('footer');
}

function readShipping(view: DomView): Found<string> {
  for (const node of textNodesOf(view.doc, /发货/)) {
    if (isSkipped(view, node) || !node.parentElement || !outsideFooter(node) || view.titleElement?.contains(node)) continue;
    const line = lineAround(node, view, MAX_LINE_CHARS);
    // Only the promises, not the freight words around them (快递 免运费, 浙江 至 上海).
    const promises = [...line.matchAll(new RegExp(SHIPPING_PROMISE.source, 'g'))].map((match) => match[0].replace(/\s+/g, ''));
    if (promises.length > 0) return found(promises.join('｜').slice(0, 80));
  }
  return missing('no shipping promise (…小时内发货) on the page');
}

const RETURN_TERMS = new RegExp(RETURN_TERM_WORDS.join('|'));

function readReturns(view: DomView): Found<string> {
  for (const node of textNodesOf(view.doc, RETURN_TERMS)) {
    if (isSkipped(view, node) || !node.parentElement || !outsideFooter(node) || view.titleElement?.contains(node)) continue;
    // The guarantee row can list several terms (退货宝 · 7天无理由退货 · 极速退款): keep the row.
    const line = lineAround(node, view, 60);
    if (line !== '' && line.length <= 80) return found(line);
  }
  return missing('no return terms (7天无理由 …) on the page');
}

// ---------------------------------------------------------------------------------------------

/** True when the page shows an item: a title and at least a price, sales or a service score. */
export function domLooksRendered(view: DomView): boolean {
  if (!view.titleElement) return false;
  if (priceLines(view).some((line) => !line.instalment && (line.figure || line.noData))) return true;
  return elementsOf(view.doc).some((el) => isScoreLabel(el) && !isSkipped(view, el));
}

export function readListingFromDom(view: DomView): ListingParts {
  return {
    title: readTitle(view),
    prices: readPrices(view),
    sales: readCountPhrase(view, SALES_WORDS, 'sales', 'sales count'),
    reviews: readCountPhrase(view, REVIEW_WORDS, 'reviews', 'review count'),
    shop: readShop(view),
    scores: readScores(view),
    stock: readStock(view),
    images: missing('main images are read from the embedded data only'),
    skus: missing('SKUs are read from the embedded data only'),
    attributes: readAttributes(view),
    shipping: readShipping(view),
    returns: readReturns(view),
  };
}
