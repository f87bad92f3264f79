/**
 * Reading JD's public pages (item.jd.com, search.jd.com) by text: price lines around a ¥ and
 * the words beside them, and the sections that show other items. Class names are used only
 * where JD keys them by SKU (`J-p-<sku>`, the page's own price hook for that SKU), which says
 * more about whose price it is than any text could.
 *
 * Content-script code: type imports only from the schema.
 */
import type { Price } from '../../capture/schema';
import { isNoData, normaliseDigits, NUMBER_END, parsePrice, type PriceFigure } from '../../capture/numbers';
import { isHiddenInTree, ownText, visibleText } from '../../capture/text';
import {
  JD_INSTALMENT_PATTERNS,
  JD_PRICE_LABELS_LONGEST_FIRST,
  JD_RECOMMENDATION_HEADINGS,
  jdPriceKindForLabel,
} from './words';

/** NodeFilter.SHOW_TEXT: the constant, because Node (the CLI) has no NodeFilter global. */
const SHOW_TEXT = 4;
/** A price line is short: climbing stops before a parent with more text than this. */
const MAX_LINE_CHARS = 40;
const CURRENCY = /[¥￥]/g;
/** A price line's amount after its ¥; a figure whose rest is unreadable (`¥1x9`, `¥19.口`) is none. */
const LINE_AMOUNT = new RegExp(`^¥\\s*([\\d.,]+(?:\\s*[-~至]\\s*¥?\\s*[\\d.,]+)?\\s*[万亿千wWkK]?\\s*\\+?\\s*%?)${NUMBER_END}\\s*(起)?`);

/** Shortens page text quoted in an issue, so a hostile page cannot flood the issue list. */
export function quote(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}

function isRecommendationHeading(el: Element): boolean {
  const own = ownText(el);
  if (own === '' || own.length > 14) return false;
  return JD_RECOMMENDATION_HEADINGS.some((heading) => own.startsWith(heading));
}

/**
 * Sections showing other items. Each starts at a heading (为你推荐 …) and reaches up to the
 * largest ancestor that does not hold `anchor` (the item's title, or the search result list);
 * without an anchor, the smallest block around the heading that shows a price (the other items'
 * cards), else the heading's parent: cutting too little would read their prices and review
 * counts as the item's own, cutting too much only leaves a field missing.
 */
export function recommendationRegions(doc: Document, anchors: readonly Element[]): Element[] {
  const regions: Element[] = [];
  const body = doc.body;
  if (!body) return regions;
  const holdsAnchor = (el: Element) => anchors.some((anchor) => el.contains(anchor));
  for (const heading of Array.from(body.querySelectorAll('*'))) {
    if (!isRecommendationHeading(heading) || isHiddenInTree(heading)) continue;
    // A heading inside the anchor (a result titled 为你推荐…) is not a section heading.
    if (anchors.some((anchor) => anchor.contains(heading))) continue;
    let region: Element = heading.parentElement ?? heading;
    for (let el = heading.parentElement; anchors.length === 0 && el && el !== body; el = el.parentElement) {
      if (/[¥￥]/.test(el.textContent ?? '')) {
        region = el;
        break;
      }
    }
    if (anchors.length > 0) {
      region = heading;
      while (region.parentElement && region.parentElement !== body && !holdsAnchor(region.parentElement)) region = region.parentElement;
    }
    if (region === body || holdsAnchor(region)) region = heading;
    if (!regions.some((known) => known.contains(region))) regions.push(region);
  }
  return regions;
}

// ---------------------------------------------------------------------------------------------
// Price lines

export interface JdPriceLine {
  element: Element;
  /** The line's visible text, digits normalised. */
  text: string;
  instalment: boolean;
  struck: boolean;
  /** The known label found in the line's words (normalised), when exactly one kind is named. */
  label?: string;
  /** Words beside the amount that name no known price, or name two different kinds. */
  unknownLabel?: string;
  figure?: PriceFigure;
  /** The line shows a ¥ with no amount (`¥`, `¥ -`, `¥ 暂无报价`): the amount is unknown. */
  noData: boolean;
}

function isStruck(el: Element): boolean {
  if (['DEL', 'S', 'STRIKE'].includes(el.tagName.toUpperCase())) return true;
  return /text-decoration[^;]*line-through/i.test(el.getAttribute('style') ?? '');
}

/** Words an element states outside its text: `title` and `alt` (a PLUS badge image, a tooltip). */
function attributeWords(el: Element): string {
  const words: string[] = [];
  for (const node of [el, ...Array.from(el.querySelectorAll('[title],[alt]'))]) {
    for (const name of ['title', 'alt']) {
      const value = node.getAttribute(name);
      if (value && value.length <= 30) words.push(value);
    }
  }
  return words.join(' ');
}

/** Every known label in `words` (longest first, each match removed so 会员价 is not found inside PLUS会员价). */
function labelsIn(words: string): string[] {
  let rest = words.replace(/[\s\u3000]+/g, '').toUpperCase();
  const found: string[] = [];
  for (const label of JD_PRICE_LABELS_LONGEST_FIRST) {
    if (!rest.includes(label)) continue;
    found.push(label);
    rest = rest.split(label).join(' ');
  }
  return found;
}

function readLine(element: Element, currencyNode: Text): JdPriceLine {
  const text = normaliseDigits(visibleText(element));
  const compact = text.replace(/\s+/g, '');
  const line: JdPriceLine = { element, text, instalment: false, struck: false, noData: false };
  for (let el: Element | null = currencyNode.parentElement; el; el = el.parentElement) {
    if (isStruck(el)) line.struck = true;
    if (el === element) break;
  }
  const at = text.search(/¥/);
  const before = text.slice(0, Math.max(at, 0));
  const amount = LINE_AMOUNT.exec(text.slice(at));
  const after = amount ? text.slice(at + amount[0].length) : text.slice(at + 1);
  if (amount) {
    const figure = parsePrice(`¥${(amount[1] ?? '').replace(/([-~至])\s*¥/, '$1')}${amount[2] ?? ''}`);
    if (figure) line.figure = figure;
  } else if (isNoData(after) || /^(?:暂无报价|待发布|价格待定)$/.test(after.replace(/\s+/g, ''))) {
    line.noData = true;
  }
  const words = `${before} ${after} ${attributeWords(element)}`;
  const wordsCompact = words.replace(/[\s\u3000]+/g, '');
  line.instalment = JD_INSTALMENT_PATTERNS.some((pattern) => pattern.test(wordsCompact) || pattern.test(compact));
  const labels = labelsIn(words);
  const kinds = new Set(labels.map((label) => jdPriceKindForLabel(label)));
  if (labels.length > 0 && kinds.size === 1) line.label = labels[0];
  else if (labels.length > 1) line.unknownLabel = labels.join('/');
  else {
    const unknown = before.replace(/[:：\s]+$/, '').trim();
    if (unknown !== '') line.unknownLabel = unknown;
  }
  return line;
}

export interface PriceLineScope {
  /** Where to look. */
  root: Element;
  /** Subtrees never read (recommendations, the item title). */
  skip: (el: Element) => boolean;
  /** Climbing from a ¥ stops before an ancestor for which this is true (the title's block, a card's edge). */
  stopBefore?: (el: Element) => boolean;
}

/**
 * The price lines in `root`: for each visible ¥, the largest ancestor that still holds exactly
 * one ¥ and little text, read with the words beside the amount.
 */
export function priceLines(scope: PriceLineScope): JdPriceLine[] {
  const { root } = scope;
  const doc = root.ownerDocument;
  const lines: JdPriceLine[] = [];
  const seen = new Set<Element>();
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[¥￥]/.test(node.nodeValue ?? '')) continue;
    const parent = node.parentElement;
    if (!parent || isHiddenInTree(parent, root.parentElement)) continue;
    let skipped = false;
    for (let el: Element | null = parent; el && el !== root.parentElement; el = el.parentElement) {
      if (scope.skip(el)) {
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    let line = parent;
    while (line !== root && line.parentElement && line.parentElement !== doc.body) {
      const up = line.parentElement;
      if (scope.stopBefore?.(up)) break;
      const text = visibleText(up);
      if ((text.match(CURRENCY) ?? []).length !== 1 || text.length > MAX_LINE_CHARS) break;
      line = up;
      if (line === root) break;
    }
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(readLine(line, node as Text));
  }
  return lines;
}

/** The kind of price a line shows (also when its amount cannot be read); undefined for unknown words or an instalment. */
export function kindOfLine(line: JdPriceLine): Price['kind'] | undefined {
  if (line.instalment) return undefined;
  if (line.unknownLabel !== undefined && line.label === undefined) return undefined;
  const kind: Price['kind'] | undefined = line.label === undefined ? 'shown' : jdPriceKindForLabel(line.label);
  // Struck through means "not what you pay": a list price whatever the words say.
  return kind !== undefined && line.struck ? 'list' : kind;
}

/** A ¥ followed by what an amount starts with: a digit or a stand-in for a lost glyph (`¥1,2x9`). */
const SHOWS_AMOUNT = /¥\s*[\d.A-Za-z?？口□■\uFFFD\uE000-\uF8FF]/;

/**
 * A line that shows an amount which cannot be read (`¥1,2x9.00`, `¥49.?0`): a price is there, so
 * it still competes with the others of its kind (the lost one may be the right one).
 */
export function isUnreadableLine(line: JdPriceLine): boolean {
  return !line.figure && !line.noData && !line.instalment && SHOWS_AMOUNT.test(line.text);
}

/** The labelled price a line shows, or undefined when it shows none or one of unknown kind. */
export function priceOfLine(line: JdPriceLine): Price | undefined {
  if (!line.figure) return undefined;
  const kind = kindOfLine(line);
  if (kind === undefined) return undefined;
  const { min, max } = line.figure;
  const price: Price = max === undefined ? { min, kind } : { min, max, kind };
  if (line.label !== undefined) price.label = line.label;
  return price;
}

/** True when the element carries JD's price hook for exactly this SKU (`J-p-<sku>`). */
export function hasSkuPriceHook(el: Element, sku: string): boolean {
  return /^\d+$/.test(sku) && (el.classList.contains(`J-p-${sku}`) || el.querySelector(`.J-p-${sku}`) !== null);
}

/** The SKUs whose price hook (`J-p-<sku>`) the element or its descendants carry. */
export function hookedSkus(el: Element): string[] {
  const skus = new Set<string>();
  for (const node of [el, ...Array.from(el.querySelectorAll('[class*="J-p-"]'))]) {
    for (const token of Array.from(node.classList)) {
      const match = /^J-p-(\d{1,20})$/.exec(token);
      if (match) skus.add(match[1]!);
    }
  }
  return [...skus];
}

/** True when the element carries JD's PLUS price hook for this SKU (`J-p-p-<sku>`). */
export function hasSkuPlusHook(el: Element, sku: string): boolean {
  return /^\d+$/.test(sku) && (el.classList.contains(`J-p-p-${sku}`) || el.querySelector(`.J-p-p-${sku}`) !== null);
}

/** Same amount and kind: a sticky header repeating the price block counts once. */
export function samePrice(a: Price, b: Price): boolean {
  return a.kind === b.kind && a.min === b.min && a.max === b.max && a.label === b.label;
}
