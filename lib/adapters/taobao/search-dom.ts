/**
 * Result cards of s.taobao.com as rendered. Class names are hashed (`Card--doubleCardWrapper--L2XFE73`,
 * `Price--priceInt--ZlsSi_M`) and change with every release: nothing here names one. Cards are
 * found by what identifies an item:
 * - a link to its page (`//item.taobao.com/item.htm?id=N`, `//detail.tmall.com/item.htm?id=N`),
 * - an item id in markup (`data-nid`, `data-item-id`, `data-itemid`, `id="item_id_N"`),
 * - for paid placements, a link through the 直通车 click tracker (click.simba.taobao.com), which
 *   carries no item id; such a card keys on the link itself.
 * From each ¥ the card is the largest block around it that holds one item only, and never the
 * search form, header or navigation. Blocks under 猜你喜欢 / 为你推荐 / 掌柜热卖 (the side column)
 * headings are other items, not ranked results.
 *
 * In a card:
 * - title: the longest text block inside the item's links (else in the card) that is no price,
 *   sales phrase or tag;
 * - price: split spans are read across (`¥` `52` `.90`); a label before it says which price
 *   (券后 → coupon, ./listing-words.ts); an unknown label, a struck price, a member price or an
 *   instalment is never the result's plain price; two different plain prices give none;
 * - sales: `7261人付款`, `月销 3000+`, `1万+人付款` (a lower bound); `月销 -` is unknown (an issue),
 *   never 0;
 * - shop: a link to the shop (store.taobao.com, shopN.taobao.com, <name>.tmall.com), else the one
 *   short text ending in 店;
 * - sponsored: a 广告 / 掌柜热卖 tag, or a 直通车 click link.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, CountReading, Price, SearchResult } from '../../capture/schema';
import { isNoData, normaliseDigits, parsePrice, parseSalesPhrase } from '../../capture/numbers';
import { isHiddenInTree, ownText, visibleText } from '../../capture/text';
import { listingItemId } from './listing';
import {
  INSTALMENT_PATTERNS,
  normalisePriceLabel,
  PRICE_LABELS_LONGEST_FIRST,
  priceKindForLabel,
  RECOMMENDATION_HEADINGS,
  SHOP_ACTION_WORDS,
  TMALL_NON_SHOP_HOSTS,
} from './listing-words';
import {
  TAOBAO_RELATED_SEARCH_HEADINGS,
  TAOBAO_SALES_WORDS,
  TAOBAO_SEARCH_SIDE_HEADINGS,
  TAOBAO_SHOP_LINK,
  TAOBAO_SPONSORED_LINK_HOSTS,
  TAOBAO_SPONSORED_MARKS,
} from './search-words';

/** NodeFilter.SHOW_TEXT: the constant, because Node (the CLI) has no NodeFilter global. */
const SHOW_TEXT = 4;
const ITEM_ID = /^\d{1,20}$/;
const MAX_RESULTS = 200;
/** A price line is short: it grows to take in its label up to this many characters. */
const MAX_LINE_CHARS = 40;
/** Titles are long; a shorter text is a tag, a shop or a location. */
const MIN_TITLE_CHARS = 6;
const IDENTITY_SELECTOR = 'a[href],[data-nid],[data-item-id],[data-itemid],[id^="item_id_"]';
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'TD', 'DL', 'DT', 'DD']);
/** Page chrome a card never reaches into. */
const CHROME_SELECTOR = 'form,input,nav,header,[role="search"],[role="navigation"],[role="tablist"]';

// ---------------------------------------------------------------------------------------------
// Identities

function linkTarget(el: Element): URL | undefined {
  const href = el.getAttribute('href');
  if (!href) return undefined;
  try {
    return new URL(href, 'https://s.taobao.com/');
  } catch {
    return undefined;
  }
}

function sponsoredLink(el: Element): boolean {
  const target = el.tagName.toUpperCase() === 'A' ? linkTarget(el) : undefined;
  return target !== undefined && TAOBAO_SPONSORED_LINK_HOSTS.includes(target.hostname.toLowerCase());
}

/** The item id an element itself names (markup id or item-page link), if any. */
function ownItemId(el: Element): string | undefined {
  for (const name of ['data-nid', 'data-item-id', 'data-itemid']) {
    const value = (el.getAttribute(name) ?? '').trim();
    if (ITEM_ID.test(value)) return value;
  }
  const id = /^item_id_(\d{1,20})$/.exec(el.getAttribute('id') ?? '');
  if (id?.[1]) return id[1];
  const target = el.tagName.toUpperCase() === 'A' ? linkTarget(el) : undefined;
  return target ? listingItemId(target) : undefined;
}

/**
 * The key of an identifying element: its item id, else an ancestor's (`data-nid` on a wrapper of
 * a click-tracker link), else the click-tracker link itself. Other elements have none.
 */
function identityKey(el: Element): string | undefined {
  const own = ownItemId(el);
  if (own) return `id:${own}`;
  if (!sponsoredLink(el)) return undefined;
  for (let up = el.parentElement; up; up = up.parentElement) {
    const id = ownItemId(up);
    if (id) return `id:${id}`;
  }
  return `link:${el.getAttribute('href') ?? ''}`;
}

interface Identities {
  elements: Element[];
  keyOf: Map<Element, string>;
}

function identitiesIn(body: Element): Identities {
  const keyOf = new Map<Element, string>();
  const elements: Element[] = [];
  for (const el of Array.from(body.querySelectorAll(IDENTITY_SELECTOR))) {
    if (isHiddenInTree(el)) continue;
    const key = identityKey(el);
    if (key === undefined) continue;
    keyOf.set(el, key);
    elements.push(el);
  }
  return { elements, keyOf };
}

function keysWithin(container: Element, identities: Identities): Set<string> {
  const keys = new Set<string>();
  for (const el of identities.elements) if (container === el || container.contains(el)) keys.add(identities.keyOf.get(el)!);
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Cards

export interface Card {
  element: Element;
  key: string;
  itemId?: string;
  /** The identifying elements inside the card (its links to the item). */
  links: Element[];
}

function currencyNodes(root: Element): Text[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/[¥￥]/.test(node.nodeValue ?? '') && node.parentElement && !isHiddenInTree(node.parentElement)) nodes.push(node as Text);
  }
  return nodes;
}

/**
 * The largest block around a price that holds exactly one item, no page chrome and no heading of
 * other items: a block holding 猜你喜欢 is the recommendation section (or the page around it),
 * however many cards are left in it.
 */
function cardAround(node: Text, body: Element, identities: Identities, headings: readonly Element[]): Element | undefined {
  let card: Element | undefined;
  for (let el = node.parentElement; el && el !== body; el = el.parentElement) {
    if (el.matches(CHROME_SELECTOR) || el.querySelector(CHROME_SELECTOR)) break;
    const block = el;
    if (headings.some((heading) => block.contains(heading))) break;
    const keys = keysWithin(el, identities);
    if (keys.size > 1) break;
    if (keys.size === 1) card = el;
  }
  return card;
}

const OTHER_ITEMS_HEADINGS = [...RECOMMENDATION_HEADINGS, ...TAOBAO_SEARCH_SIDE_HEADINGS];

const CARD_EDGE_HEADINGS = [...RECOMMENDATION_HEADINGS, ...TAOBAO_RELATED_SEARCH_HEADINGS];

/**
 * Headings a card never reaches over: recommendation sections (猜你喜欢 …, the item page's
 * recommendation headings) and the related-search bar (您是不是想找). Short own text starting with
 * one of them. Not the side column's 掌柜热卖, which inside a card is a tag.
 */
function cardEdgeHeadings(body: Element): Element[] {
  return Array.from(body.querySelectorAll('*')).filter((el) => {
    const own = ownText(el);
    return own !== '' && own.length <= 12 && CARD_EDGE_HEADINGS.some((word) => own.startsWith(word)) && !isHiddenInTree(el);
  });
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}

/**
 * Cards under a heading of other items (outside every card): from the heading up to the largest
 * block holding no card that comes before the heading; its cards, or when it holds none, the
 * cards after the heading within its parent.
 */
function otherItemCards(body: Element, cards: Card[]): Set<Card> {
  const left = new Set<Card>();
  for (const heading of Array.from(body.querySelectorAll('*'))) {
    const own = ownText(heading);
    if (own === '' || own.length > 12 || !OTHER_ITEMS_HEADINGS.some((word) => own.startsWith(word))) continue;
    if (cards.some((card) => card.element.contains(heading)) || isHiddenInTree(heading)) continue;
    let region: Element = heading;
    while (region.parentElement && region.parentElement !== body) {
      const parent = region.parentElement;
      if (cards.some((card) => parent.contains(card.element) && precedes(card.element, heading))) break;
      region = parent;
    }
    const inside = cards.filter((card) => region.contains(card.element));
    const scope = inside.length > 0 ? inside : cards.filter((card) => region.parentElement?.contains(card.element) && precedes(heading, card.element));
    for (const card of scope) left.add(card);
  }
  return left;
}

export interface PageCards {
  cards: Card[];
  /** Cards left out as other items (recommendations, the side column of ads). */
  otherItems: number;
}

/** The result cards in page order. */
export function findCards(doc: Document): PageCards {
  const body = doc.body;
  if (!body) return { cards: [], otherItems: 0 };
  const identities = identitiesIn(body);
  const headings = cardEdgeHeadings(body);
  const cards: Card[] = [];
  for (const node of currencyNodes(body)) {
    const element = cardAround(node, body, identities, headings);
    if (!element || cards.some((card) => card.element === element || card.element.contains(element))) continue;
    const links = identities.elements.filter((el) => element === el || element.contains(el));
    const key = identities.keyOf.get(links[0]!)!;
    const card: Card = { element, key, links };
    if (key.startsWith('id:')) card.itemId = key.slice(3);
    // A block holding a card found before is not a card of its own (its ¥ belongs to that card).
    if (cards.some((known) => element.contains(known.element))) continue;
    cards.push(card);
  }
  cards.sort((a, b) => (precedes(a.element, b.element) ? -1 : 1));
  const other = otherItemCards(body, cards);
  return { cards: cards.filter((card) => !other.has(card)), otherItems: other.size };
}

// ---------------------------------------------------------------------------------------------
// Title

function hasTextBlockInside(el: Element): boolean {
  return Array.from(el.querySelectorAll('*')).some((inner) => BLOCK_TAGS.has(inner.tagName.toUpperCase()) && visibleText(inner) !== '');
}

function isTag(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return TAOBAO_SPONSORED_MARKS.includes(compact) || /[¥￥]/.test(text) || parseSalesPhrase(text) !== null || /^[\d\s.,:：%+\-~万件]+$/.test(normaliseDigits(text));
}

/** Text blocks (no block with text inside), outermost holder of each text. */
function textBlocks(root: Element): Array<{ el: Element; text: string }> {
  const found: Array<{ el: Element; text: string }> = [];
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if ((el.textContent ?? '').trim() === '' || isHiddenInTree(el, root.parentElement) || hasTextBlockInside(el)) continue;
    if (found.some((known) => known.el.contains(el))) continue;
    const text = visibleText(el);
    if (text) found.push({ el, text });
  }
  return found;
}

function titleOf(card: Card): { el: Element; text: string } | undefined {
  // The shop's name sits inside the card's link on current pages: never the title, even when it is
  // the longest text left (a title that did not render).
  const shop = shopOf(card.element, undefined);
  const pick = (roots: Element[]) => {
    const blocks = roots
      .flatMap((root) => textBlocks(root))
      .filter((block) => block.text.length >= MIN_TITLE_CHARS && !isTag(block.text) && block.text !== shop);
    return blocks.sort((a, b) => b.text.length - a.text.length)[0];
  };
  return pick(card.links.filter((link) => link.tagName.toUpperCase() === 'A')) ?? pick([card.element]);
}

// ---------------------------------------------------------------------------------------------
// Price

interface PriceLine {
  text: string;
  price?: Price;
  struck: boolean;
  instalment: boolean;
  noData: boolean;
  unknownLabel?: string;
}

function isStruck(el: Element): boolean {
  if (['DEL', 'S', 'STRIKE'].includes(el.tagName.toUpperCase())) return true;
  return /text-decoration[^;]*line-through/i.test(el.getAttribute('style') ?? '');
}

function textNodesOf(root: Element, skip: (node: Text) => boolean): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if ((text.nodeValue ?? '').trim() === '' || !text.parentElement || isHiddenInTree(text.parentElement, root.parentElement) || skip(text)) continue;
    nodes.push(text);
  }
  return nodes;
}

/** The price line around a ¥: the largest block that keeps one ¥, little text and not the title. */
function lineAround(node: Text, card: Element, title: Element | undefined): Element {
  let line = node.parentElement!;
  while (line !== card && line.parentElement && line.parentElement !== card.parentElement) {
    const parent = line.parentElement;
    if (title && parent.contains(title)) break;
    const text = visibleText(parent);
    if ((text.match(/[¥￥]/g) ?? []).length !== 1 || text.length > MAX_LINE_CHARS) break;
    line = parent;
  }
  return line;
}

const AMOUNT = /^(\d[\d,]*(?:\.\d+)?)/;
const WHOLE_AMOUNT = /^\d[\d,]*(?:\.\d+)?(?:\s*[-~至]\s*¥?\s*\d[\d,]*(?:\.\d+)?)?\s*起?$/;

/**
 * The amount after the ¥ in `nodes[index]`, read across split parts: the integer part, then a
 * part that starts with `.` (`52` `.90`). A part after the fraction, or after a whole amount, is
 * something else (`52.90` then `7261人付款`).
 */
function readAmount(nodes: Text[], index: number): { amount?: string; rest: string } {
  const first = normaliseDigits(nodes[index]!.nodeValue ?? '');
  let rest = first.slice(first.search(/[¥]/) + 1).trim();
  let next = index + 1;
  let separate = false;
  if (rest === '' && next < nodes.length) {
    rest = normaliseDigits(nodes[next++]!.nodeValue ?? '').trim();
    separate = true;
  }
  const whole = AMOUNT.exec(rest);
  if (!whole) return { rest };
  // An amount in its own part is that part's whole text: after an empty ¥ (`<strong></strong>`),
  // `86人付款` is the next figure on the card, not the price.
  if (separate && !WHOLE_AMOUNT.test(rest)) return { rest };
  let amount = whole[1]!;
  rest = rest.slice(amount.length);
  if (rest.startsWith('.')) {
    // `52.` `90`: the fraction's digits in the next part; anything else is not a readable amount.
    const digits = rest === '.' && next < nodes.length ? /^\d+$/.exec(normaliseDigits(nodes[next]!.nodeValue ?? '').trim()) : null;
    if (!digits) return { rest: `${amount}${rest}` };
    return { amount: `${amount}.${digits[0]}`, rest: '' };
  }
  if (!amount.includes('.') && rest.trim() === '' && next < nodes.length) {
    const following = normaliseDigits(nodes[next]!.nodeValue ?? '').trim();
    const fraction = /^\.\d+/.exec(following);
    if (fraction) {
      amount += fraction[0];
      rest = following.slice(fraction[0].length);
    }
  }
  return { amount, rest: rest.trim() };
}

function readPriceLine(nodes: Text[], index: number, card: Element, title: Element | undefined): PriceLine {
  const node = nodes[index]!;
  const lineEl = lineAround(node, card, title);
  const lineText = normaliseDigits(visibleText(lineEl));
  const line: PriceLine = {
    text: lineText,
    struck: false,
    instalment: INSTALMENT_PATTERNS.some((pattern) => pattern.test(lineText.replace(/\s+/g, ''))),
    noData: false,
  };
  for (let el: Element | null = node.parentElement; el; el = el.parentElement) {
    if (isStruck(el)) line.struck = true;
    if (el === lineEl) break;
  }
  const { amount, rest } = readAmount(nodes, index);
  if (amount === undefined) {
    line.noData = isNoData(rest) || /^[-–—]/.test(rest);
    return line;
  }
  const range = /^[-~至]\s*¥?\s*(\d[\d,]*(?:\.\d+)?)/.exec(rest);
  const from = /^起/.test(range ? rest.slice(range[0].length).trim() : rest);
  const figure = parsePrice(`¥${amount}${range ? `-${range[1]}` : ''}${from ? '起' : ''}`);
  // Words before the ¥ inside the line say which price it is.
  const before: string[] = [];
  for (const other of textNodesOf(lineEl, () => false)) {
    if (other === node) {
      const value = other.nodeValue ?? '';
      before.push(value.slice(0, value.search(/[¥￥]/)));
      break;
    }
    before.push(other.nodeValue ?? '');
  }
  const words = normaliseDigits(before.join('')).replace(/[\s\u3000]+/g, '').replace(/[:：]+$/, '').toUpperCase();
  const label = PRICE_LABELS_LONGEST_FIRST.find((known) => words.includes(normalisePriceLabel(known)));
  if (!figure) return line;
  let kind: Price['kind'] | undefined = label === undefined ? 'shown' : priceKindForLabel(label);
  if (line.struck) kind = 'list';
  if (label === undefined && words !== '') line.unknownLabel = words.slice(0, 12);
  if (kind === undefined || (kind === 'shown' && line.unknownLabel !== undefined)) return line;
  const price: Price = figure.max === undefined ? { min: figure.min, kind } : { min: figure.min, max: figure.max, kind };
  if (label !== undefined) price.label = label;
  line.price = price;
  return line;
}

/** Kinds a card's only price may be when it shows no plain one: what a buyer pays, labelled as such. */
const PAID_KINDS: ReadonlySet<Price['kind']> = new Set(['coupon', 'promotion', 'subsidised']);

function samePrice(a: Price, b: Price): boolean {
  return a.min === b.min && a.max === b.max && a.kind === b.kind;
}

function distinct(prices: Price[]): Price[] {
  return prices.filter((price, index) => prices.findIndex((other) => samePrice(other, price)) === index);
}

function cardPrice(card: Card, title: Element | undefined): { price: Price | null; problem?: string } {
  const nodes = textNodesOf(card.element, (node) => title?.contains(node) ?? false);
  const lines: PriceLine[] = [];
  nodes.forEach((node, index) => {
    if (/[¥￥]/.test(node.nodeValue ?? '')) lines.push(readPriceLine(nodes, index, card.element, title));
  });
  const usable = lines.filter((line) => !line.instalment);
  const prices = usable.map((line) => line.price).filter((price): price is Price => price !== undefined);
  const shown = distinct(prices.filter((price) => price.kind === 'shown'));
  if (shown.length === 1) return { price: shown[0]! };
  if (shown.length > 1) return { price: null, problem: `several different unlabelled prices (${shown.map((p) => `¥${p.min}`).join(', ')})` };
  const paid = distinct(prices.filter((price) => PAID_KINDS.has(price.kind)));
  if (paid.length === 1) return { price: paid[0]! };
  if (paid.length > 1) return { price: null, problem: `several different labelled prices (${paid.map((p) => `${p.label ?? p.kind} ¥${p.min}`).join(', ')})` };
  const unknown = usable.find((line) => line.unknownLabel !== undefined);
  if (unknown) return { price: null, problem: `price labelled "${unknown.unknownLabel}" is not a known kind` };
  if (usable.some((line) => line.noData)) return { price: null, problem: 'price shown as "¥ -" (no data)' };
  if (prices.length > 0) return { price: null, problem: `only ${prices.map((p) => p.label ?? p.kind).join(', ')} prices shown` };
  if (lines.some((line) => line.instalment)) return { price: null, problem: 'only an instalment line shows a price' };
  return { price: null, problem: 'no readable price on the card' };
}

// ---------------------------------------------------------------------------------------------
// Sales, shop, sponsored

function cardSales(card: Element, title: Element | undefined): { sales?: CountReading; problem?: string } {
  const found: CountReading[] = [];
  let noData: string | undefined;
  for (const el of Array.from(card.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.trim() === '' || raw.length > 40 || title?.contains(el) || isHiddenInTree(el, card.parentElement)) continue;
    const text = visibleText(el);
    const phrase = parseSalesPhrase(text);
    if (phrase?.kind === 'sales') {
      // Innermost: a child holding the whole phrase is read instead.
      if (Array.from(el.children).some((child) => parseSalesPhrase(visibleText(child))?.kind === 'sales')) continue;
      found.push({ value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) });
      continue;
    }
    const word = TAOBAO_SALES_WORDS.find((candidate) => text.includes(candidate));
    if (word && text.length <= 20 && isNoData(text.replace(word, '').replace(/\s+/g, ''))) noData ??= text;
  }
  const values = new Set(found.map((reading) => `${reading.value}|${reading.bound}`));
  if (values.size === 1) return { sales: found[0]! };
  if (values.size > 1) return { problem: `several different sales phrases (${found.map((r) => r.phrase).join(', ')})`.slice(0, 200) };
  if (noData !== undefined) return { problem: `sales shown as "${noData}" (no data)` };
  return {};
}

function shopOf(card: Element, title: Element | undefined): string | undefined {
  for (const link of Array.from(card.querySelectorAll('a[href]'))) {
    const target = linkTarget(link);
    const host = target?.hostname.toLowerCase() ?? '';
    if (!TAOBAO_SHOP_LINK.test(host) || TMALL_NON_SHOP_HOSTS.includes(host) || isHiddenInTree(link, card.parentElement)) continue;
    const name = visibleText(link) || (link.getAttribute('title') ?? '').trim();
    if (name.length >= 2 && name.length <= 100 && !SHOP_ACTION_WORDS.includes(name.replace(/\s+/g, ''))) return name;
  }
  // Without a shop link: the one short text ending in 店 (旗舰店, 专营店 …).
  const names = new Set(
    textBlocks(card)
      .filter((block) => !title?.contains(block.el) && block.text.length >= 3 && block.text.length <= 40 && /店$/.test(block.text))
      .filter((block) => !SHOP_ACTION_WORDS.includes(block.text.replace(/\s+/g, '')))
      .map((block) => block.text),
  );
  return names.size === 1 ? [...names][0] : undefined;
}

function isSponsored(card: Card, title: Element | undefined): boolean {
  if (card.links.some(sponsoredLink)) return true;
  return Array.from(card.element.querySelectorAll('*')).some((el) => {
    if (title?.contains(el) || isHiddenInTree(el, card.element.parentElement)) return false;
    const raw = el.textContent ?? '';
    return raw.length > 0 && raw.length <= 12 && TAOBAO_SPONSORED_MARKS.includes(visibleText(el).replace(/\s+/g, ''));
  });
}

// ---------------------------------------------------------------------------------------------
// Results

export interface DomResults {
  results: SearchResult[];
  issues: CaptureIssue[];
  cards: number;
}

function ranksText(ranks: number[]): string {
  return `rank${ranks.length > 1 ? 's' : ''} ${ranks.slice(0, 10).join(', ')}${ranks.length > 10 ? ' …' : ''}`;
}

/** The rendered results, rank = position among the cards (this page's, from 1). */
export function resultsFromDom(doc: Document): DomResults {
  // Cards under 猜你喜欢 / 掌柜热卖 headings are other items: not results, and nothing is missing.
  const { cards } = findCards(doc);
  const results: SearchResult[] = [];
  const issues: CaptureIssue[] = [];
  const untitled: number[] = [];
  cards.slice(0, MAX_RESULTS).forEach((card, index) => {
    const rank = index + 1;
    const field = `results[${rank}]`;
    const title = titleOf(card);
    if (!title) {
      untitled.push(rank);
      return;
    }
    const { price, problem } = cardPrice(card, title.el);
    const result: SearchResult = { rank, title: title.text.slice(0, 300), price };
    if (problem) issues.push({ field: `${field}.price`, problem: problem.slice(0, 200) });
    if (card.itemId) result.itemId = card.itemId;
    const sales = cardSales(card.element, title.el);
    if (sales.sales) result.sales = sales.sales;
    else if (sales.problem) issues.push({ field: `${field}.sales`, problem: sales.problem });
    const shop = shopOf(card.element, title.el);
    if (shop) result.shop = shop;
    if (isSponsored(card, title.el)) result.sponsored = true;
    results.push(result);
  });
  if (untitled.length > 0) issues.push({ field: 'results', problem: `cards at ${ranksText(untitled)} show no title: left out` });
  if (cards.length > MAX_RESULTS) issues.push({ field: 'results', problem: `only the first ${MAX_RESULTS} of ${cards.length} cards kept` });
  return { results, issues, cards: cards.length };
}
