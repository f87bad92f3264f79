/**
 * JD item pages (`item.jd.com/<SKU>.html`).
 *
 * The static HTML holds the title and the SKU but not the price: the page fetches it (and the
 * comment counts) after load, and the bridge hands those responses to this adapter (./endpoints.ts).
 * So each figure comes from the page's own data first and from the rendered page second:
 * - price: the price endpoint's `p` for this SKU, with `op` (原价), `m` (市场价) and `tpp` (PLUS价)
 *   as labelled side prices. Without price data, the rendered price is read only where it is
 *   surely this item's: the element JD keys by this SKU (`J-p-<sku>`) or a line labelled 京东价.
 *   A PLUS price, an instalment (白条分期), a struck price or a price in 为你推荐 / 看了又看 … is
 *   never the item's price. When the data and the rendered price disagree, neither is kept.
 * - reviews and 好评率: the comment summary for this SKU (`200万+` stays a lower bound), else the
 *   rendered 累计评价 / 商品评价(…) phrase.
 * - title, shop, category, promotions: the rendered page (title checked against the document
 *   title, SKU checked against the page's own 商品编号 / pageConfig).
 * JD item pages show no sales count: sales are not read and not reported missing.
 */
import type { CaptureIssue, CountReading, Listing, Price } from '../../capture/schema';
import { normaliseDigits, parseSalesPhrase } from '../../capture/numbers';
import { isHiddenInTree, ownText, textStream, visibleText } from '../../capture/text';
import { inlineScriptTexts } from '../embedded-json';
import type { Extracted, PageAdapter, PageResponse } from '../types';
import { hasSkuPlusHook, hasSkuPriceHook, hookedSkus, isUnreadableLine, priceLines, priceOfLine, quote, recommendationRegions, samePrice, type JdPriceLine } from './dom';
import { JD_COMMENT_ENDPOINTS, JD_PRICE_ENDPOINTS, readJdComments, readJdPrices, type JdCommentRecord, type JdPriceRecord } from './endpoints';
import { jdItemSku } from './urls';
import { JD_PROMOTION_CONTROL_WORDS, JD_PROMOTION_ROW_LABELS, JD_SHOP_ACTION_WORDS, normaliseJdPriceLabel } from './words';

const MAX_PROMOTIONS = 20;

// ---------------------------------------------------------------------------------------------
// The page as the reader sees it

interface ItemView {
  doc: Document;
  sku: string;
  /** The title as the page states it, and the element showing it. */
  title?: string;
  titleElement?: Element;
  /** Sections about other items; nothing inside is read. */
  excluded: Element[];
}

/** `【AppleiPhone 15】Apple/苹果 iPhone 15 …【行情 报价 价格 评测】-京东` → the title between the brackets. */
export function titleFromJdDocumentTitle(documentTitle: string): string | undefined {
  let title = documentTitle.replace(/\s+/g, ' ').trim();
  if (!/-\s*京东(?:商城)?$/.test(title)) return undefined;
  title = title.replace(/-\s*京东(?:商城)?$/, '').trim();
  title = title.replace(/【[^【】]*】$/, '').trim();
  title = title.replace(/^【[^【】]*】/, '').trim();
  return title === '' ? undefined : title;
}

function isSkipped(view: ItemView, el: Element): boolean {
  return isHiddenInTree(el) || view.excluded.some((region) => region.contains(el));
}

function itemView(doc: Document, sku: string): ItemView {
  const view: ItemView = { doc, sku, excluded: [] };
  const fromDocument = titleFromJdDocumentTitle(doc.title ?? '');
  const body = doc.body;
  if (body) {
    const candidates = Array.from(body.querySelectorAll('h1,div,span,p')).filter((el) => {
      const raw = el.textContent ?? '';
      return raw.length > 0 && raw.length <= 400 && !isHiddenInTree(el);
    });
    // The innermost element showing exactly the document's title (a badge such as 自营 may precede it).
    if (fromDocument) {
      const showing = candidates.filter((el) => {
        const text = visibleText(el);
        return text === fromDocument || (text.endsWith(fromDocument) && text.length <= fromDocument.length + 8);
      });
      view.titleElement = showing.find((el) => !showing.some((other) => other !== el && el.contains(other)));
    }
    // JD's own title block, when the document title says nothing.
    view.titleElement ??= candidates.find((el) => el.classList.contains('sku-name') && visibleText(el) !== '');
  }
  const title = fromDocument ?? (view.titleElement ? visibleText(view.titleElement) : undefined);
  if (title) view.title = title;
  view.excluded = recommendationRegions(doc, view.titleElement ? [view.titleElement] : []);
  return view;
}

/** SKUs the page states for itself: pageConfig's `skuid` and the 商品编号 in its parameters. */
function statedSkus(doc: Document): Set<string> {
  const skus = new Set<string>();
  for (const text of inlineScriptTexts(doc, 'pageConfig')) {
    const match = /\bskuid\s*:\s*['"]?(\d{1,20})\b/.exec(text);
    if (match) skus.add(match[1]!);
  }
  const body = doc.body;
  if (body) {
    for (const el of Array.from(body.querySelectorAll('li,span,div,td,dd'))) {
      const raw = el.textContent ?? '';
      if (raw.length > 40 || !raw.includes('商品编号')) continue;
      const match = /^商品编号\s*[:：]\s*(\d{1,20})$/.exec(normaliseDigits(visibleText(el)));
      if (match) skus.add(match[1]!);
    }
  }
  return skus;
}

// ---------------------------------------------------------------------------------------------
// Prices

interface PriceOutcome {
  price?: Price;
  otherPrices: Price[];
  issues: string[];
}

function itemPriceLines(view: ItemView): JdPriceLine[] {
  const body = view.doc.body;
  if (!body) return [];
  return priceLines({
    root: body,
    skip: (el) => view.excluded.includes(el) || el === view.titleElement,
    stopBefore: (el) => (view.titleElement ? el.contains(view.titleElement) : false),
  }).filter((line) => !isSkipped(view, line.element));
}

/** The rendered line that is surely this item's price: JD's hook for this SKU, or a 京东价 line. */
function isMainPriceLine(line: JdPriceLine, sku: string): boolean {
  if (line.instalment || line.struck || hasSkuPlusHook(line.element, sku)) return false;
  // A line keyed by another SKU (a bundle, another colour) is that SKU's, whatever its label.
  if (hookedSkus(line.element).some((other) => other !== sku)) return false;
  return hasSkuPriceHook(line.element, sku) || line.label === normaliseJdPriceLabel('京东价');
}

function amounts(prices: readonly Price[]): string {
  return [...new Set(prices.map((price) => `¥${price.min}${price.max !== undefined ? `-${price.max}` : ''}`))].join(', ');
}

function pricesFromData(record: JdPriceRecord, rendered: Price[]): PriceOutcome {
  const issues: string[] = [];
  if (record.current === undefined) {
    issues.push(`the price data states no price (p ${quote(record.currentText ?? 'missing', 12)})`);
    return { otherPrices: [], issues };
  }
  const price: Price = { min: record.current, kind: 'shown' };
  const disagreeing = rendered.filter((shown) => shown.min !== record.current || shown.max !== undefined);
  if (disagreeing.length > 0) {
    issues.push(`the page shows ${amounts(disagreeing)} but the price data says ¥${record.current}: neither kept`);
    return { otherPrices: [], issues };
  }
  const otherPrices: Price[] = [];
  if (record.original !== undefined && record.original !== record.current) otherPrices.push({ min: record.original, kind: 'list', label: '原价' });
  if (record.market !== undefined && record.market !== record.current && record.market !== record.original) {
    otherPrices.push({ min: record.market, kind: 'list', label: '市场价' });
  }
  if (record.plus !== undefined) otherPrices.push({ min: record.plus, kind: 'member', label: 'PLUS价' });
  return { price, otherPrices, issues };
}

function pricesFromPage(lines: JdPriceLine[], sku: string): PriceOutcome {
  const issues: string[] = [];
  const main = lines.filter((line) => isMainPriceLine(line, sku));
  const mainPrices = main.map(priceOfLine).filter((price): price is Price => price !== undefined);
  const otherPrices: Price[] = [];
  for (const line of lines) {
    if (main.includes(line)) continue;
    let side: Price | undefined;
    if (hasSkuPlusHook(line.element, sku)) {
      // JD's PLUS hook for this SKU: a member price, whatever else the line says.
      const stated = priceOfLine(line);
      if (stated) side = { ...stated, kind: 'member', label: stated.kind === 'member' && stated.label ? stated.label : 'PLUS价' };
    } else {
      side = priceOfLine(line);
    }
    // Unlabelled prices elsewhere on the page are not this item's for sure: left out.
    if (!side || side.kind === 'shown' || otherPrices.some((known) => samePrice(known, side))) continue;
    otherPrices.push(side);
  }
  // One amount shown twice (a sticky header repeats the price, with or without its label) is one price.
  const sameAmount = (a: Price, b: Price) => a.min === b.min && a.max === b.max;
  const distinct = mainPrices.filter((price, index) => mainPrices.findIndex((other) => sameAmount(other, price)) === index);
  // A main price line shown but unreadable (`¥1,2x9.00`) may be the right one: none is kept.
  const unreadable = main.find(isUnreadableLine);
  if (unreadable) {
    issues.push(`unreadable price ${quote(unreadable.text)}`);
    return { otherPrices: otherPrices.slice(0, 10), issues };
  }
  if (distinct.length === 1) return { price: distinct[0]!, otherPrices: otherPrices.slice(0, 10), issues };
  if (distinct.length > 1) {
    issues.push(`the page shows different prices for this item (${amounts(distinct)}): none kept`);
  } else if (main.some(showsNoPrice)) {
    issues.push('the page shows no price (暂无报价) and no price data was fetched');
  } else if (main.some((line) => line.noData || !line.figure)) {
    issues.push('the price element is empty (price not loaded) and no price data was fetched');
  } else if (otherPrices.length > 0) {
    issues.push(`only labelled prices shown (${otherPrices.map((p) => p.label ?? p.kind).join(', ')}), no price of the item's own`);
  } else if (lines.some((line) => line.instalment)) {
    issues.push('only an instalment line shows a price');
  } else {
    issues.push('no price data fetched and no price on the page');
  }
  return { otherPrices: otherPrices.slice(0, 10), issues };
}

function readItemPrices(view: ItemView, record: JdPriceRecord | undefined): PriceOutcome {
  const lines = itemPriceLines(view);
  if (record) {
    const rendered = lines
      .filter((line) => isMainPriceLine(line, view.sku))
      .map(priceOfLine)
      .filter((price): price is Price => price !== undefined);
    return pricesFromData(record, rendered);
  }
  return pricesFromPage(lines, view.sku);
}

// ---------------------------------------------------------------------------------------------
// Reviews

interface ReviewOutcome {
  reviews?: CountReading;
  goodRate?: number;
  issues: string[];
}

function reviewsFromData(record: JdCommentRecord): ReviewOutcome {
  const issues: string[] = [];
  const outcome: ReviewOutcome = { issues };
  if (record.count) {
    outcome.reviews = { value: record.count.value, bound: record.count.bound };
    if (record.count.phrase !== undefined) outcome.reviews.phrase = record.count.phrase;
  } else {
    issues.push(record.countText !== undefined ? `review count ${quote(record.countText, 12)} is not a count` : 'the comment data has no review count');
  }
  if (record.goodRate !== undefined) outcome.goodRate = record.goodRate;
  return outcome;
}

const REVIEW_WORDS = /评价/;
const GOOD_RATE = /^好评(?:度|率)\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)\s*%$/;

function reviewsFromPage(view: ItemView): ReviewOutcome {
  const body = view.doc.body;
  const outcome: ReviewOutcome = { issues: [] };
  if (!body) return { issues: ['no comment data fetched and no review count on the page'] };
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 40 || isSkipped(view, el) || view.titleElement?.contains(el)) continue;
    const text = visibleText(el);
    if (outcome.reviews === undefined && REVIEW_WORDS.test(text)) {
      const phrase = parseSalesPhrase(text);
      if (phrase?.kind === 'reviews') outcome.reviews = { value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) };
    }
    if (outcome.goodRate === undefined) {
      const rate = GOOD_RATE.exec(normaliseDigits(text).replace(/\s+/g, ''));
      if (rate && Number(rate[1]) <= 100) outcome.goodRate = Math.round(Number(rate[1]) * 100) / 10000;
    }
  }
  if (outcome.reviews === undefined) outcome.issues.push('no comment data fetched and no review count on the page');
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Shop, category, promotions

const SHOP_LINK = /^\/\/mall\.jd\.com\/index-(\d{1,20})\.html$/;

function shopOfLink(link: Element): { id: string; name?: string } | undefined {
  let url: URL;
  try {
    url = new URL(link.getAttribute('href') ?? '', 'https://item.jd.com/');
  } catch {
    return undefined;
  }
  const match = SHOP_LINK.exec(`//${url.hostname.toLowerCase()}${url.pathname}`);
  if (!match) return undefined;
  const text = visibleText(link);
  const name = text.length >= 2 && text.length <= 100 && !JD_SHOP_ACTION_WORDS.includes(text.replace(/\s+/g, '')) ? text : undefined;
  return name ? { id: match[1]!, name } : { id: match[1]! };
}

function readShop(view: ItemView): { shop?: NonNullable<Listing['shop']>; issue?: string } {
  const found = Array.from(view.doc.querySelectorAll('a[href]'))
    .filter((link) => !isSkipped(view, link))
    .map(shopOfLink)
    .filter((shop): shop is { id: string; name?: string } => shop !== undefined);
  const ids = new Set(found.map((shop) => shop.id));
  if (ids.size === 0) return { issue: 'no shop link (mall.jd.com) on the page' };
  if (ids.size > 1) return { issue: `links to several shops (${[...ids].slice(0, 3).join(', ')}): none kept` };
  const names = new Set(found.map((shop) => shop.name).filter((name): name is string => name !== undefined));
  const id = [...ids][0]!;
  if (names.size === 1) return { shop: { id, name: [...names][0]! } };
  return { shop: { id } };
}

function isCategoryLink(link: Element): boolean {
  let url: URL;
  try {
    url = new URL(link.getAttribute('href') ?? '', 'https://item.jd.com/');
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  // Brand crumbs (`…&ev=exbrand_…`) are not categories.
  if (host === 'list.jd.com') return url.pathname === '/list.html' && url.searchParams.has('cat') && !url.searchParams.has('ev');
  return host === 'channel.jd.com';
}

/** The breadcrumb's category links (手机通讯 > 手机 > 手机), from the first crumb block. */
function readCategory(view: ItemView): string | undefined {
  const links = Array.from(view.doc.querySelectorAll('a[href]')).filter((link) => isCategoryLink(link) && !isSkipped(view, link));
  const first = links[0];
  if (!first) return undefined;
  let crumb: Element = first;
  for (let depth = 0; depth < 4 && crumb.parentElement; depth++) {
    crumb = crumb.parentElement;
    if (links.filter((link) => crumb.contains(link)).length >= 2) break;
  }
  const names = links.filter((link) => crumb.contains(link)).map((link) => visibleText(link)).filter((name) => name !== '' && name.length <= 30);
  if (names.length === 0) return undefined;
  return names.slice(0, 4).join(' > ').slice(0, 100);
}

/** The value block of a promotion row: descend while it holds a single wrapper element. */
function itemsOf(value: Element): string[] {
  let container = value;
  while (container.children.length === 1 && visibleText(container.children[0]!) === visibleText(container)) container = container.children[0]!;
  const parts = container.children.length > 0 ? Array.from(container.children) : [container];
  return parts
    .filter((part) => !isHiddenInTree(part))
    .map(partText)
    .filter((text) => text !== '' && !JD_PROMOTION_CONTROL_WORDS.includes(text.replace(/\s+/g, '')));
}

/** `<em>满减</em><em>满299元减30元</em>` reads `满减 满299元减30元`: a tag and its terms, set apart. */
function partText(part: Element): string {
  const children = Array.from(part.children).filter((child) => !isHiddenInTree(child));
  if (children.length < 2) return visibleText(part);
  return children
    .map((child) => visibleText(child))
    .filter((text) => text !== '')
    .join(' ');
}

function readPromotions(view: ItemView): string[] {
  const body = view.doc.body;
  if (!body) return [];
  const promotions: string[] = [];
  for (const label of Array.from(body.querySelectorAll('*'))) {
    if (!JD_PROMOTION_ROW_LABELS.includes(ownText(label)) || label.children.length > 0 || isSkipped(view, label)) continue;
    const value = label.nextElementSibling;
    const texts = value ? itemsOf(value) : textStream(label.parentElement ?? label, { after: label }).text.split('\n');
    for (const text of texts) {
      const clean = text.replace(/\s+/g, ' ').trim();
      // A promotion states an amount, a discount or a gift; other words in the row are controls.
      if (clean === '' || !/\d|折|赠|送/.test(clean) || promotions.includes(clean.slice(0, 80))) continue;
      promotions.push(clean.slice(0, 80));
      if (promotions.length >= MAX_PROMOTIONS) return promotions;
    }
  }
  return promotions;
}

// ---------------------------------------------------------------------------------------------
// Adapter

function issue(field: string, problem: string): CaptureIssue {
  return { field, problem: problem.slice(0, 200) };
}

function extractListing(doc: Document, url: URL, responses: readonly PageResponse[] = []): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  const sku = jdItemSku(url);
  if (sku === undefined) {
    issues.push(issue('url', 'not a JD item address (item.jd.com/<SKU>.html)'));
    return base;
  }
  const stated = [...statedSkus(doc)].filter((other) => other !== sku);
  if (stated.length > 0) {
    issues.push(issue('listing', `the page states SKU ${stated.slice(0, 2).join(', ')}, not ${sku} of its address: not read`));
    return base;
  }
  const view = itemView(doc, sku);
  if (view.title === undefined) {
    issues.push(issue('listing.title', 'no item title (document title or sku-name) on the page'));
    return base;
  }
  if (!hasLoaded(view, responses)) {
    issues.push(issue('listing', 'the page has not loaded its price or counts yet (nothing fetched, price element empty): not read'));
    return base;
  }
  const listing: Listing = { itemId: sku, title: view.title.slice(0, 300) };
  if (view.title.length > 300) issues.push(issue('listing.title', 'title longer than 300 characters, cut'));

  const priceData = readJdPrices(responses);
  const priceRecord = priceData.bySku.get(sku);
  if (!priceRecord) for (const note of priceData.notes) issues.push(issue('listing.price', note));
  const prices = readItemPrices(view, priceRecord);
  if (prices.price) listing.price = prices.price;
  if (prices.otherPrices.length > 0) listing.otherPrices = prices.otherPrices;
  for (const problem of prices.issues) issues.push(issue('listing.price', problem));

  const comments = readJdComments(responses);
  const commentRecord = comments.bySku.get(sku) ?? comments.byProduct.get(sku);
  if (!commentRecord) for (const note of comments.notes) issues.push(issue('listing.reviews', note));
  const reviews = commentRecord ? reviewsFromData(commentRecord) : reviewsFromPage(view);
  if (reviews.reviews) listing.reviews = reviews.reviews;
  if (reviews.goodRate !== undefined) listing.scores = [{ metric: 'goodRate', label: '好评率', value: reviews.goodRate }];
  for (const problem of reviews.issues) issues.push(issue('listing.reviews', problem));

  const shop = readShop(view);
  if (shop.shop) listing.shop = shop.shop;
  if (shop.issue) issues.push(issue('listing.shop', shop.issue));
  if (priceRecord?.stock !== undefined) listing.stock = { text: priceRecord.stock };
  const promotions = readPromotions(view);
  if (promotions.length > 0) listing.promotions = promotions;
  const category = readCategory(view);
  if (category !== undefined) listing.category = category;

  return { ...base, listing, issues: issues.slice(0, 100) };
}

/** The page has drawn the item: a title, and a price or counts (fetched, or rendered in JD's price hook). */
/** The price element says there is no price (暂无报价), as opposed to being still empty. */
function showsNoPrice(line: JdPriceLine): boolean {
  return line.noData && /暂无报价|待发布|价格待定/.test(line.text);
}

/**
 * The page has loaded its figures: price or comment data fetched for this SKU, or a price (or 暂无报价)
 * in the element keyed by this SKU, or a review count shown. The static HTML alone (title, empty
 * price element) is not a listing yet: nothing is read from it.
 */
function hasLoaded(view: ItemView, responses: readonly PageResponse[]): boolean {
  if (readJdPrices(responses).bySku.has(view.sku)) return true;
  const comments = readJdComments(responses);
  if (comments.bySku.has(view.sku) || comments.byProduct.has(view.sku)) return true;
  if (itemPriceLines(view).some((line) => isMainPriceLine(line, view.sku) && (line.figure !== undefined || showsNoPrice(line)))) return true;
  return reviewsFromPage(view).reviews !== undefined;
}

function detectListing(doc: Document, url: URL, responses: readonly PageResponse[] = []): boolean {
  const sku = jdItemSku(url);
  if (sku === undefined) return false;
  const view = itemView(doc, sku);
  return view.title !== undefined && hasLoaded(view, responses);
}

export const jdListingAdapter: PageAdapter = {
  id: 'jd/listing',
  version: 1,
  platform: 'jd',
  pageKind: 'listing',
  hosts: ['*://item.jd.com/*'],
  sampleUrls: [
    'https://item.jd.com/100066896338.html',
    'https://item.jd.com/100066896338.html?bbtf=1',
    'https://item.jd.com/10216519586736.html#crumb-wrap',
    'http://item.jd.com/1.html',
  ],
  endpoints: [...JD_PRICE_ENDPOINTS, ...JD_COMMENT_ENDPOINTS],
  matchesUrl: (url) => jdItemSku(url) !== undefined,
  detect: detectListing,
  extract: extractListing,
};
