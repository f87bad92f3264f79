/**
 * PDD search results (`mobile.yangkeduo.com/search_result.html?search_key=…`): the goods cards in
 * page order, each with its rank, title, price, sales phrase, goods id where the card or the
 * embedded list gives one, and a sponsored flag where the card says 广告.
 *
 * Cards have hashed class names (`_3glhOBhU`) and no goods id in the markup of the real card
 * (../shared/realpages/pdd/pdd-search-decorated-title.html), so cards are found by structure:
 * from each price, climb while the block holds no other goods' title or price; the block where
 * another goods' title or price would come in is the card.
 *
 * Sales: `疯抢136.4万支` is PDD's hot-sale wording of the sales tip (units sold, as 已拼 / 已售; the
 * unit word 支/件 follows). It is read as shown: 1364000 exact (no `+`, so no lower bound), the
 * 万 display rounding (to 1000 units) being the page's own precision. `1万+回头客` counts repeat
 * buyers and `本店已拼…` the shop's sales: neither is a card's sales.
 *
 * Ranks are positions in the page's markup order. A two-column waterfall puts its cards in two
 * column blocks, so markup order runs down one column first: the capture then says so in issues.
 *
 * Goods ids: the server-rendered list `window.rawData.stores.store.data.ssrListData.list[]`
 * (`goodsID`, `goodsName`) covers only the first screen; a card takes an id from it only when its
 * title matches exactly one entry. Its prices are not read (their unit is not established).
 */
import type { CaptureIssue, CountReading, Price, SearchResult } from '../../capture/schema';
import { normaliseDigits, parseSalesPhrase } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import { findEmbeddedJson } from '../embedded-json';
import { arrayAt, isRecord, textAt } from '../json-reader';
import type { Extracted, PageAdapter } from '../types';
import { countPhrasesIn, linePrice, priceLinesIn, recommendationRegions, sameAmount, type Skip } from './page-dom';
import { PDD_MOBILE_PATTERNS, pddSearchKey } from './urls';
import { PDD_SPONSORED_MARKS } from './words';

const MAX_RESULTS = 200;
/**
 * A goods title is longer than a tag (`已包邮`, `1万+回头客`, `本月回头客飙升250%` has 11 characters);
 * PDD titles run to 60 half-width units and sellers fill them. A shorter title leaves its card out
 * (an issue says so) rather than letting a tag pass for a title.
 */
const MIN_TITLE_CHARS = 12;
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'TD', 'DL', 'DT', 'DD']);

// ---------------------------------------------------------------------------------------------
// Titles and cards

function hasTextBlockInside(el: Element): boolean {
  return Array.from(el.querySelectorAll('*')).some((inner) => BLOCK_TAGS.has(inner.tagName.toUpperCase()) && visibleText(inner) !== '');
}

/** Text blocks that can be a goods title: long, no ¥, not a count or promotion phrase. */
function titleCandidates(root: Element, skip: Skip): Array<{ el: Element; text: string }> {
  const found: Array<{ el: Element; text: string }> = [];
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    const raw = el.textContent ?? '';
    if (raw.trim().length < MIN_TITLE_CHARS || raw.length > 1000) continue;
    if (skip(el) || hasTextBlockInside(el)) continue;
    const text = visibleText(el);
    if (text.length < MIN_TITLE_CHARS || text.length > 300 || /[¥￥]/.test(text)) continue;
    if (parseSalesPhrase(text) || /^[\d\s.,:：%+\-~万件]+$/.test(normaliseDigits(text))) continue;
    // The outermost element holding the text (a title's inner spans are parts of it).
    if (found.some((known) => known.el.contains(el))) continue;
    found.push({ el, text });
  }
  return found;
}

/**
 * The card around a price line: climb while the block holds no title outside the current one; the
 * first block whose parent would take in another goods' title is the card. Prices of the same goods
 * in other branches (a struck original price) are taken in on the way.
 */
function cardOf(line: Element, body: Element, titles: ReadonlySet<Element>, lines: readonly Element[]): Element {
  const titlesIn = (el: Element) => [...titles].filter((title) => el.contains(title));
  const pricesIn = (el: Element) => lines.filter((other) => el.contains(other)).length;
  let card = line;
  while (card.parentElement && card.parentElement !== body) {
    const parent = card.parentElement;
    const own = titlesIn(card).length;
    const above = titlesIn(parent).length;
    // A titled block stops before another title or another block's price (a card whose own title
    // is too short to be told from a tag); a block without a title before taking in two titles.
    if (own > 0 && (above > own || pricesIn(parent) > pricesIn(card))) break;
    if (own === 0 && above > 1) break;
    card = parent;
  }
  return card;
}

// ---------------------------------------------------------------------------------------------
// Embedded list (goods ids)

function embeddedIds(doc: Document): Map<string, string | null> {
  const byTitle = new Map<string, string | null>();
  const list = findEmbeddedJson(doc, 'rawData', '"ssrListData"', (value) => {
    const store = (isRecord(value) ? value : undefined) ?? {};
    return arrayAt(store, 'stores', 'store', 'data', 'ssrListData', 'list') ?? arrayAt(store, 'store', 'data', 'ssrListData', 'list');
  });
  for (const entry of list ?? []) {
    const id = textAt(entry, 'goodsID') ?? textAt(entry, 'goodsId') ?? textAt(entry, 'goods_id');
    const title = textAt(entry, 'goodsName') ?? textAt(entry, 'goods_name');
    if (id === undefined || title === undefined || !/^\d{1,20}$/.test(id)) continue;
    const key = title.replace(/\s+/g, '');
    // A title listed twice with different ids names neither.
    byTitle.set(key, byTitle.has(key) && byTitle.get(key) !== id ? null : id);
  }
  return byTitle;
}

function linkedGoodsId(card: Element): string | undefined {
  const ids = new Set<string>();
  for (const link of Array.from(card.querySelectorAll('a[href]'))) {
    const match = /[?&]goods_id=(\d{1,20})(?:&|$)/.exec(link.getAttribute('href') ?? '');
    if (match?.[1]) ids.add(match[1]);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading cards

interface PageCards {
  cards: Element[];
  skip: Skip;
  /** Price lines left in no card (a card whose title could not be told apart). */
  strayPrices: number;
}

function findCards(doc: Document): PageCards {
  const body = doc.body;
  const excluded = recommendationRegions(doc, undefined);
  const skip: Skip = (el) => isHiddenInTree(el) || excluded.some((region) => region.contains(el));
  if (!body) return { cards: [], skip, strayPrices: 0 };
  const titles = new Set(titleCandidates(body, skip).map((candidate) => candidate.el));
  const cards: Element[] = [];
  let strayPrices = 0;
  const lines = priceLinesIn(body, skip);
  const lineElements = lines.map((line) => line.element);
  for (const line of lines) {
    const card = cardOf(line.element, body, titles, lineElements);
    if (cards.some((known) => known === card || known.contains(card))) continue;
    // A block taking in a card already found is no card of its own: its price is reported.
    if (cards.some((known) => card.contains(known))) {
      if (line.figure) strayPrices++;
      continue;
    }
    cards.push(card);
  }
  return { cards, skip, strayPrices };
}

/**
 * How many separate blocks the cards sit in: the children of their lowest common ancestor that
 * hold cards, when at least one holds several (a two-column waterfall, or pages appended one
 * after another). 1 for a plain list.
 */
function cardBlocks(cards: readonly Element[]): number {
  if (cards.length < 2) return 1;
  let ancestor: Element | null = cards[0]!.parentElement;
  while (ancestor && !cards.every((card) => ancestor!.contains(card))) ancestor = ancestor.parentElement;
  if (!ancestor) return 1;
  const perBranch = new Map<Element, number>();
  for (const card of cards) {
    let branch: Element = card;
    while (branch.parentElement && branch.parentElement !== ancestor) branch = branch.parentElement;
    perBranch.set(branch, (perBranch.get(branch) ?? 0) + 1);
  }
  const several = [...perBranch.values()].some((count) => count > 1);
  return several && perBranch.size > 1 ? perBranch.size : 1;
}

/** The card's price: its one buyable price; a struck or list price is never it. */
function cardPrice(card: Element, skip: Skip): { price: Price | null; problem?: string } {
  const lines = priceLinesIn(card, skip);
  const prices = lines.map(linePrice).filter((price): price is Price => price !== undefined && price.kind !== 'list');
  if (prices.length === 0) {
    const dash = lines.find((line) => line.noData);
    const shown = dash?.text.slice(dash.text.indexOf('¥')).split(' ')[0];
    return { price: null, problem: shown ? `price shown as "${shown.slice(0, 10)}" (no data)` : 'no readable price on the card' };
  }
  const first = prices[0]!;
  if (prices.some((price) => !sameAmount(price, first))) {
    return { price: null, problem: `several prices on the card (${prices.map((p) => `${p.label ?? ''}¥${p.min}`).join(', ')})` };
  }
  return { price: first };
}

function cardSales(card: Element, skip: Skip): { sales?: CountReading; problem?: string } {
  const found = countPhrasesIn(card, skip);
  const values = new Set(found.sales.map((reading) => `${reading.value}|${reading.bound}`));
  if (values.size === 1) return { sales: found.sales[0]! };
  if (values.size > 1) return { problem: 'several different sales phrases on the card' };
  if (found.shopLevel.length > 0) return { problem: `only the shop's sales shown (${found.shopLevel[0]})` };
  return {};
}

function isSponsored(card: Element, skip: Skip): boolean {
  return Array.from(card.querySelectorAll('*')).some(
    (el) => !skip(el) && PDD_SPONSORED_MARKS.includes(visibleText(el).replace(/\s+/g, '')) && el.children.length === 0,
  );
}

function extractSearch(doc: Document, url: URL): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  if (pddSearchKey(url) === undefined) {
    issues.push({ field: 'url', problem: 'not a PDD search address (search_result.html?search_key=…)' });
    return base;
  }
  const { cards, skip, strayPrices } = findCards(doc);
  const ids = embeddedIds(doc);
  const results: SearchResult[] = [];
  cards.slice(0, MAX_RESULTS).forEach((card, index) => {
    const rank = index + 1;
    const field = `results[${rank}]`;
    const titles = titleCandidates(card, skip).sort((a, b) => b.text.length - a.text.length);
    const title = titles[0]?.text;
    if (title === undefined) {
      issues.push({ field, problem: `card ${rank} has no readable title: left out` });
      return;
    }
    const titleSkip: Skip = (el) => skip(el) || titles[0]!.el.contains(el);
    const { price, problem } = cardPrice(card, titleSkip);
    const result: SearchResult = { rank, title: title.slice(0, 300), price };
    if (problem) issues.push({ field: `${field}.price`, problem });
    const itemId = linkedGoodsId(card) ?? ids.get(title.replace(/\s+/g, '')) ?? undefined;
    if (itemId) result.itemId = itemId;
    const sales = cardSales(card, titleSkip);
    if (sales.sales) result.sales = sales.sales;
    else if (sales.problem) issues.push({ field: `${field}.sales`, problem: sales.problem });
    if (isSponsored(card, titleSkip)) result.sponsored = true;
    results.push(result);
  });
  if (strayPrices > 0) {
    issues.push({ field: 'results', problem: `${strayPrices} price${strayPrices === 1 ? '' : 's'} in no readable card (title missing or too short): left out` });
  }
  const blocks = cardBlocks(cards);
  if (blocks > 1) {
    issues.push({
      field: 'results',
      problem: `cards sit in ${blocks} separate blocks (two columns, or appended pages): ranks follow the page's markup order, column by column`,
    });
  }
  if (cards.length > MAX_RESULTS) issues.push({ field: 'results', problem: `${cards.length} cards, only the first ${MAX_RESULTS} kept` });
  if (results.length === 0) issues.push({ field: 'results', problem: 'no goods cards (title and price) on the page' });
  return { ...base, results, issues: issues.slice(0, 100) };
}

export const pddSearchAdapter: PageAdapter = {
  id: 'pinduoduo/search',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'search',
  hosts: PDD_MOBILE_PATTERNS,
  sampleUrls: [
    'https://mobile.yangkeduo.com/search_result.html?search_key=%E7%89%99%E5%88%B7',
    'https://mobile.yangkeduo.com/search_result.html?search_key=牙刷&search_met=history&refer_page_name=search',
    'http://mobile.yangkeduo.com/search_result.html?search_key=toothbrush',
  ],
  matchesUrl: (url) => pddSearchKey(url) !== undefined,
  detect(doc, url) {
    if (pddSearchKey(url) === undefined) return false;
    const { cards, skip } = findCards(doc);
    return cards.some((card) => titleCandidates(card, skip).length > 0);
  },
  extract: extractSearch,
};
