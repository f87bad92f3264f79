/**
 * Reading PDD's public pages (goods, search) by text and structure. Class names are hashed
 * (`ujEqGzEB` = price, `sr5qzXLq` = promotion tag) and change with every release: nothing here
 * names one.
 *
 * What the real pages taught (../shared/realpages/pdd, SOURCES-2.md §D):
 * - prices are split over spans: `¥` + `29` + `.99`, `券后` + `¥` + `4` + `.92`;
 * - a price can be drawn as `<span role="img" aria-label="首件¥17.78">` whose visible children
 *   are all aria-hidden: the accessible name is the only text that says what it is;
 * - promotion tags are short whole texts (`2件9.9折`, `满50减2`) beside delivery and shipping tags.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CountReading, Price } from '../../capture/schema';
import { isNoData, normaliseDigits, NUMBER_END, parsePrice, parseSalesPhrase, type PriceFigure } from '../../capture/numbers';
import { isHiddenInTree, ownText, shortTexts, visibleText, type ShortText } from '../../capture/text';
import { recommendationRegions as sharedRecommendationRegions } from '../../capture/sections';
import { memoised } from '../../capture/text-scan';
import {
  PDD_PRICE_LABELS,
  PDD_PRICE_LABELS_LONGEST_FIRST,
  PDD_PROMOTION_PATTERNS,
  PDD_RECOMMENDATION_HEADINGS,
  PDD_SHOP_SALES_PREFIXES,
  PDD_YUAN_PHRASES,
} from './words';

/** The longest raw text the searches below look at (count phrases). */
const SHORT_RAW = 60;
const SHORT_TEXTS = { memo: 'pinduoduo-short-texts' };

/** Every short text under `root`, once per capture for the several searches of one page (capture/text.ts shortTexts). */
function shortTextsIn(root: Element): readonly ShortText[] {
  return memoised(SHORT_TEXTS, root, () => shortTexts(root, SHORT_RAW));
}

const ELEMENT_NODE = 1;
/** NodeFilter.SHOW_TEXT: the constant, because Node (the CLI) has no NodeFilter global. */
const SHOW_TEXT = 4;
/** Label words beside a price are short: a line grows to take them in up to this many characters. */
const MAX_LINE_CHARS = 20;
/** The amount after a ¥: a number, or a range of two. */
const AMOUNT = new RegExp(`[¥￥]\\s*(\\d[\\d,]*(?:\\.\\d+)?(?:\\s*[-~至]\\s*[¥￥]?\\s*\\d[\\d,]*(?:\\.\\d+)?)?)${NUMBER_END}\\s*(起)?`);

/** Decides which elements are left out (hidden, about other goods, outside the card …). */
export type Skip = (el: Element) => boolean;

export function elementOf(node: Node): Element | null {
  return node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function textNodesIn(root: Node, test: RegExp): Text[] {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return [];
  const start = root.nodeType === 9 ? (root as Document).body : root;
  if (!start) return [];
  const walker = doc.createTreeWalker(start, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (test.test(node.nodeValue ?? '')) nodes.push(node as Text);
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Sections about other goods

function isRecommendationHeading(el: Element): boolean {
  const own = ownText(el);
  if (own === '' || own.length > 12) return false;
  return PDD_RECOMMENDATION_HEADINGS.some((heading) => own.startsWith(heading));
}

/**
 * Sections showing other goods (相似商品, 为你推荐 …): from each heading up to the largest ancestor
 * that does not hold `anchor` (the goods' own title). Without an anchor only the heading's parent
 * is left out: a smaller cut, so less is read wrongly, never more.
 */
export function recommendationRegions(doc: Document, anchor: Element | undefined): Element[] {
  return sharedRecommendationRegions(doc, anchor, isRecommendationHeading);
}

// ---------------------------------------------------------------------------------------------
// Prices

export interface PriceLine {
  element: Element;
  /** The line as shown (full-width forms normalised). */
  text: string;
  figure?: PriceFigure;
  /** A known label found in the line (券后, 发起拼单, 首件 …). */
  label?: string;
  /** Words before the ¥ that are no known label. */
  unknownLabel?: string;
  /** Drawn struck through (`<del>`, line-through): not what a buyer pays. */
  struck: boolean;
  /** A ¥ with no amount (`¥ -`). */
  noData: boolean;
}

function isStruck(el: Element): boolean {
  if (['DEL', 'S', 'STRIKE'].includes(el.tagName.toUpperCase())) return true;
  return /text-decoration[^;]*line-through/i.test(el.getAttribute('style') ?? '');
}

function amountOf(text: string): string | undefined {
  return AMOUNT.exec(normaliseDigits(text))?.[1]?.replace(/\s+/g, '');
}

function currencyCount(text: string): number {
  return (text.match(/[¥￥]/g) ?? []).length;
}

/**
 * The element holding a whole price around a ¥ text node: the smallest ancestor to which its
 * parent adds no more digits (`¥` + `4` + `.92` → their common parent), grown while the line
 * keeps one ¥ and stays short, so label words beside it (`券后`, `发起拼单`) are read with it.
 */
/**
 * The amount that follows the ¥ in `node`, read across the inline parts after it inside `parent`
 * up to the next ¥ (`<span>¥</span><span>39</span><span>.9</span><del>¥89</del>`), as `¥39.9`.
 * The words around it are not taken: with two prices in one block nothing says whose they are.
 */
function amountAcross(node: Text, parent: Element): string | undefined {
  const doc = parent.ownerDocument;
  const walker = doc.createTreeWalker(parent, SHOW_TEXT);
  let text = '';
  let started = false;
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current.parentElement && isHiddenInTree(current.parentElement, parent.parentElement)) continue;
    let value = current.nodeValue ?? '';
    if (current === node) {
      started = true;
      value = value.slice(value.search(/[¥￥]/));
    } else if (!started) continue;
    else if (/[¥￥]/.test(value)) {
      text += value.slice(0, value.search(/[¥￥]/));
      break;
    }
    text += value;
  }
  const amount = amountOf(text);
  return amount === undefined ? undefined : `¥${amount}`;
}

interface LineFound {
  element: Element;
  /** The line's text when it is not the element's whole text (see amountAcross). */
  text?: string;
}

function priceLineElement(node: Text, within: Element, skip: Skip): LineFound {
  // Never grow over text that is left out (the goods title, hidden parts, other goods' sections).
  const holdsSkipped = (parent: Element, line: Element) =>
    Array.from(parent.querySelectorAll('*')).some((el) => !line.contains(el) && !el.contains(line) && skip(el));
  let line = node.parentElement!;
  while (line !== within && line.parentElement) {
    const parent = line.parentElement;
    const here = amountOf(visibleText(line));
    const parentText = visibleText(parent);
    if (here !== undefined && amountOf(parentText) === here) break;
    if (here === undefined && currencyCount(parentText) > 1 && !holdsSkipped(parent, line)) {
      // The amount is in siblings of the ¥, beside another price: read it across them.
      const across = amountAcross(node, parent);
      return across === undefined ? { element: line } : { element: line, text: across };
    }
    if (currencyCount(parentText) !== 1 || holdsSkipped(parent, line)) break;
    // A ¥ without an amount (`¥-`) grows only as far as a short line.
    if (here === undefined && parentText.length > MAX_LINE_CHARS) break;
    line = parent;
  }
  while (line !== within && line.parentElement) {
    const parentText = visibleText(line.parentElement);
    if (currencyCount(parentText) !== 1 || parentText.length > MAX_LINE_CHARS) break;
    if (holdsSkipped(line.parentElement, line)) break;
    line = line.parentElement;
  }
  return { element: line };
}

/** Reads one price line's text: the amount, and the words around it. */
export function readPriceText(rawText: string): Omit<PriceLine, 'element' | 'struck'> {
  const text = normaliseDigits(rawText).replace(/\s+/g, ' ').trim();
  const line: Omit<PriceLine, 'element' | 'struck'> = { text, noData: false };
  const at = text.search(/¥/);
  if (at < 0) return line;
  const before = text.slice(0, at);
  const amount = AMOUNT.exec(text.slice(at));
  let after = '';
  if (amount && amount.index === 0) {
    const figure = parsePrice(`¥${(amount[1] ?? '').replace(/([-~至])\s*¥/, '$1')}${amount[2] ?? ''}`);
    if (figure) line.figure = figure;
    after = text.slice(at + amount[0].length);
  } else if (isNoData(text.slice(at + 1)) || /^\s*(?:-{1,3}|—+|–)(?:\s|$)/.test(text.slice(at + 1))) {
    // `¥-`, `¥ --` (also with words after it on the line): no price, never 0.
    line.noData = true;
  }
  const words = `${before}${after}`.replace(/[\s\u3000:：]+/g, '');
  const known = PDD_PRICE_LABELS_LONGEST_FIRST.find((label) => words.includes(label));
  if (known) line.label = known;
  else {
    const unknown = before.replace(/[:：\s]+$/, '').trim();
    if (unknown !== '') line.unknownLabel = unknown;
  }
  return line;
}

/** `即将恢复29.98元`: a price written without ¥, as a whole short text. */
function yuanPhraseLine(el: Element): PriceLine | undefined {
  const text = normaliseDigits(visibleText(el)).replace(/\s+/g, '');
  for (const phrase of PDD_YUAN_PHRASES) {
    const match = phrase.pattern.exec(text);
    if (!match?.[1]) continue;
    const figure = parsePrice(`¥${match[1]}`);
    if (figure) return { element: el, text, figure, label: phrase.label, struck: false, noData: false };
  }
  return undefined;
}

/**
 * Every price line in `root`, in page order: ¥ lines, `role="img"` prices whose accessible name
 * is the only text (`aria-label="首件¥17.78"`), and ¥-less phrases such as `即将恢复29.98元`.
 */
export function priceLinesIn(root: Element, skip: Skip): PriceLine[] {
  const lines: PriceLine[] = [];
  const seen = new Set<Element>();
  const candidates: Array<{ el: Element; line: () => PriceLine | undefined }> = [];

  for (const img of Array.from(root.querySelectorAll('[role="img"][aria-label]'))) {
    const label = img.getAttribute('aria-label') ?? '';
    if (!/[¥￥]/.test(label) || /[¥￥]/.test(visibleText(img))) continue;
    // The accessible name is read only when the element itself is shown (its parts are aria-hidden).
    if (skip(img)) continue;
    candidates.push({ el: img, line: () => ({ element: img, ...readPriceText(label), struck: false }) });
  }
  for (const node of textNodesIn(root, /[¥￥]/)) {
    const parent = node.parentElement;
    if (!parent || skip(parent)) continue;
    const { element, text } = priceLineElement(node, root, skip);
    candidates.push({
      el: element,
      line: () => {
        let struck = false;
        for (let el: Element | null = parent; el; el = el.parentElement) {
          if (isStruck(el)) struck = true;
          if (el === element) break;
        }
        return { element, ...readPriceText(text ?? visibleText(element)), struck };
      },
    });
  }
  for (const { el, raw } of shortTextsIn(root)) {
    if (raw === 0 || raw > 30 || el.children.length > 0 || skip(el)) continue;
    candidates.push({ el, line: () => yuanPhraseLine(el) });
  }

  candidates.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  for (const candidate of candidates) {
    if (seen.has(candidate.el)) continue;
    const line = candidate.line();
    if (!line) continue;
    seen.add(candidate.el);
    lines.push(line);
  }
  return lines;
}

/**
 * The kind of price a line shows, also when its amount cannot be read (`¥9.口`); undefined when
 * its words are no known label.
 */
export function lineKind(line: PriceLine): Price['kind'] | undefined {
  let kind: Price['kind'] = line.label === undefined ? 'shown' : PDD_PRICE_LABELS[line.label] ?? 'shown';
  if (line.label !== undefined && PDD_PRICE_LABELS[line.label] === undefined) {
    // A phrase price (即将恢复) carries its kind in PDD_YUAN_PHRASES.
    kind = PDD_YUAN_PHRASES.find((phrase) => phrase.label === line.label)?.kind ?? 'shown';
  }
  // Struck through means "not what you pay": a list price whatever the words say.
  if (line.struck) kind = 'list';
  if (kind === 'shown' && line.unknownLabel !== undefined) return undefined;
  return kind;
}

/** The price a line states, labelled; undefined when it shows none or its words are unknown. */
export function linePrice(line: PriceLine): Price | undefined {
  if (!line.figure) return undefined;
  const kind = lineKind(line);
  if (kind === undefined) return undefined;
  const { min, max } = line.figure;
  const price: Price = max === undefined ? { min, kind } : { min, max, kind };
  if (line.label !== undefined) price.label = line.label;
  return price;
}

export function samePrice(a: Price, b: Price): boolean {
  return a.kind === b.kind && a.min === b.min && a.max === b.max && a.label === b.label;
}

export function sameAmount(a: Price, b: Price): boolean {
  return a.min === b.min && a.max === b.max;
}

// ---------------------------------------------------------------------------------------------
// Promotions, sales and reviews

/** Short whole texts that are promotion tags (`2件9.9折`, `满50减2`), in page order, each once. */
export function promotionsIn(root: Element, skip: Skip): string[] {
  const found: string[] = [];
  for (const { el, raw, text: shown } of shortTextsIn(root)) {
    if (raw === 0 || raw > 40 || skip(el)) continue;
    const text = normaliseDigits(shown).replace(/\s+/g, '');
    if (!PDD_PROMOTION_PATTERNS.some((pattern) => pattern.test(text))) continue;
    // The innermost element holding the whole tag, once.
    if (Array.from(el.children).some((child) => normaliseDigits(visibleText(child)).replace(/\s+/g, '') === text)) continue;
    if (!found.includes(text)) found.push(text);
  }
  return found.slice(0, 20);
}

export interface CountFinding {
  sales: CountReading[];
  reviews: CountReading[];
  /** Phrases that count the whole shop (本店已拼 …), never one goods' sales. */
  shopLevel: string[];
}

/**
 * Sales and review phrases (`已拼10万+件`, `疯抢136.4万支`, `商品评价(14,870)`) in short texts,
 * innermost element first. `本店已拼…` counts the shop's sales: kept apart, never a goods' sales.
 */
export function countPhrasesIn(root: Element, skip: Skip): CountFinding {
  const finding: CountFinding = { sales: [], reviews: [], shopLevel: [] };
  const taken: Element[] = [];
  for (const { el, raw } of [...shortTextsIn(root)].reverse()) {
    if (raw === 0 || raw > 60 || skip(el)) continue;
    if (taken.some((inner) => el.contains(inner))) continue;
    const text = visibleText(el);
    if (text.length > 30) continue;
    const phrase = parseSalesPhrase(text);
    // The phrase must be (nearly) the whole text: a title such as `热销10万件爆款…` is not a count.
    if (!phrase || text.replace(/\s+/g, '').length > phrase.phrase.replace(/\s+/g, '').length + 4) continue;
    taken.push(el);
    const compact = text.replace(/\s+/g, '');
    if (PDD_SHOP_SALES_PREFIXES.some((prefix) => compact.includes(prefix))) {
      finding.shopLevel.unshift(phrase.phrase);
      continue;
    }
    const reading: CountReading = { value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) };
    (phrase.kind === 'sales' ? finding.sales : finding.reviews).unshift(reading);
  }
  return finding;
}

export function sameCount(a: CountReading, b: CountReading): boolean {
  return a.value === b.value && a.bound === b.bound;
}

/** A skip function: hidden markup, and anything inside one of `regions`. */
export function skipHiddenAnd(regions: readonly Element[]): Skip {
  return (el) => isHiddenInTree(el) || regions.some((region) => region.contains(el));
}

/** Shortens page text quoted in an issue, so a hostile page cannot flood the issue list. */
export function quote(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}
