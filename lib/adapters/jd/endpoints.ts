/**
 * JD's price and comment-count endpoints: the figures an item page (and a search page, for cards
 * filled in lazily) never has in its HTML. The page-world bridge (lib/bridge) hands the JSON the
 * page itself fetched to the adapters as `PageResponse`s; this module says which requests those
 * are and reads them. Content-script code: no zod; bodies are walked with ../json-reader.ts and
 * anything not exactly the expected shape is left out.
 *
 * Units, per endpoint (this is where they are documented):
 * - price (`p.3.cn/prices/mgets?skuIds=J_<sku>,…` → `[{ id: "J_<sku>", p, op, m, tpp? }]`;
 *   `item-soa.jd.com/getWareBusiness?skuId=<sku>` and `api.m.jd.com/?functionId=
 *   pc_detailpage_wareBusiness…` → `{ price: { id?, p, op, m }, stockInfo? }`): amounts are
 *   decimal strings in YUAN (`"5999.00"`), not fen. `p` is the current price, `op` the original
 *   (before a promotion), `m` the market (reference) price, `tpp` the PLUS member price.
 *   `"-1.00"` means no price is published: unknown, never a price.
 * - comment summary (`club.jd.com/comment/productCommentSummaries.action?referenceIds=<sku>,…` →
 *   `{ CommentsCount: [{ SkuId, ProductId, CommentCountStr: "200万+", CommentCount, GoodRateShow: 95 }] }`;
 *   `club.jd.com/comment/productPageComments.action?productId=<sku>` → `{ productCommentSummary:
 *   { productId?, commentCountStr, goodRateShow } }`; the same two through `api.m.jd.com` with
 *   functionId `pc_club_productCommentSummaries` / `pc_club_productPageComments`): counts are
 *   display strings with a lower bound (`200万+` = at least 2 000 000); GoodRateShow is a
 *   percentage as a whole number (95 = 95 %).
 *
 * Every response is checked against the SKU it is read for: JD pages fetch prices and counts for
 * recommended items from the same endpoints, and those must never land on this item.
 *
 * JD has also served these endpoints as JSONP (`callback=jQuery…`), loaded by script tags the
 * bridge cannot see; then the adapters fall back to the rendered page.
 */
import type { EndpointSpec, PageResponse } from '../types';
import { parseFigure } from '../../capture/numbers';
import { arrayAt, isRecord, numberAt, recordAt, textAt, type JsonRecord } from '../json-reader';

const PRICE_NOTE = 'amounts in yuan as decimal strings (p current, op original, m market, tpp PLUS); "-1.00" = no price';
const COMMENT_NOTE = 'CommentCountStr is a display count with a lower bound (200万+); GoodRateShow is a whole percentage (95 = 95%)';

const MGETS = /^\/prices\/mgets\?/;
const WARE_BUSINESS_SOA = /^\/getWareBusiness\?/;
const WARE_BUSINESS_API = /^\/(?:api|client\.action)?\?(?:[^#]*&)?functionId=pc_detailpage_wareBusiness(?:&|$)/;
const SUMMARIES = /^\/comment\/productCommentSummaries\.action\?/;
const PAGE_COMMENTS = /^\/comment\/(?:skuP|p)roductPageComments\.action\?/;
const SUMMARIES_API = /^\/(?:api|client\.action)?\?(?:[^#]*&)?functionId=pc_club_(?:productCommentSummaries|productPageComments)(?:&|$)/;

/**
 * Each path on its real host (`<id>`), and again on the page's own host (`<id>-page`): the sample
 * pages (tests/fixtures/jd/*.responses.json) serve the same paths from the page's host, and on
 * JD's own hosts these paths are never anything else. Ids are unique per spec, as the fixture
 * loader (lib/cli/responses-file.ts) expects.
 */
function onHostAndPage(id: string, host: string, path: RegExp, note: string): EndpointSpec[] {
  return [
    { id, host, path, note },
    { id: `${id}-page`, path, note },
  ];
}

export const JD_PRICE_ENDPOINTS: readonly EndpointSpec[] = [
  ...onHostAndPage('price-mgets', 'p.3.cn', MGETS, PRICE_NOTE),
  ...onHostAndPage('price-ware-soa', 'item-soa.jd.com', WARE_BUSINESS_SOA, PRICE_NOTE),
  ...onHostAndPage('price-ware-api', 'api.m.jd.com', WARE_BUSINESS_API, PRICE_NOTE),
];

export const JD_COMMENT_ENDPOINTS: readonly EndpointSpec[] = [
  ...onHostAndPage('comments-summaries', 'club.jd.com', SUMMARIES, COMMENT_NOTE),
  ...onHostAndPage('comments-page', 'club.jd.com', PAGE_COMMENTS, COMMENT_NOTE),
  ...onHostAndPage('comments-api', 'api.m.jd.com', SUMMARIES_API, COMMENT_NOTE),
];

const PRICE_IDS: ReadonlySet<string> = new Set(JD_PRICE_ENDPOINTS.map((spec) => spec.id));
const COMMENT_IDS: ReadonlySet<string> = new Set(JD_COMMENT_ENDPOINTS.map((spec) => spec.id));

// ---------------------------------------------------------------------------------------------
// Shared

/** `J_100066896338` and `100066896338` name the same SKU. */
function skuOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(?:J_)?(\d{1,20})$/.exec(text.trim());
  return match?.[1];
}

/**
 * The single SKU a request names in its address (`skuId=N`, `skuIds=J_N`, `productId=N`,
 * `referenceIds=N`, or `"skuId":N` inside a `body=` parameter), or undefined when it names none
 * or several.
 */
export function skuOfRequest(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address, 'https://item.jd.com/');
  } catch {
    return undefined;
  }
  const found = new Set<string>();
  for (const name of ['skuId', 'skuIds', 'productId', 'referenceIds']) {
    for (const value of url.searchParams.getAll(name)) {
      for (const part of value.split(',')) {
        const sku = skuOf(part);
        if (sku) found.add(sku);
        else if (part.trim() !== '') return undefined;
      }
    }
  }
  const body = url.searchParams.get('body');
  if (body) for (const match of body.matchAll(/"(?:skuId|sku)"\s*:\s*"?(\d{1,20})"?/g)) found.add(match[1]!);
  return found.size === 1 ? [...found][0] : undefined;
}

/** A decimal yuan string (`"5999.00"`) as a positive amount; `-1.00`, `0.00` and junk are unknown. */
export function yuanOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}(?:\.\d{1,2})?$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

function responsesOf(responses: readonly PageResponse[], ids: ReadonlySet<string>): PageResponse[] {
  return responses.filter((response) => ids.has(response.endpoint));
}

// ---------------------------------------------------------------------------------------------
// Prices

export interface JdPriceRecord {
  /** `p`: the current price; undefined when the endpoint says there is none (`-1.00`). */
  current?: number;
  /** `p` as sent, for issues. */
  currentText?: string;
  original?: number;
  market?: number;
  plus?: number;
  /** Stock words from `stockInfo.stockDesc` (有货, 无货 …), tags removed. */
  stock?: string;
}

export interface JdPriceReading {
  /** SKU → its latest price record. */
  bySku: Map<string, JdPriceRecord>;
  /** Why responses were left out (other SKUs, no SKU named), one line each. */
  notes: string[];
}

function priceRecord(source: JsonRecord, outer?: JsonRecord): JdPriceRecord {
  const record: JdPriceRecord = {};
  const currentText = textAt(source, 'p');
  if (currentText !== undefined) record.currentText = currentText;
  const current = yuanOf(currentText);
  if (current !== undefined) record.current = current;
  const original = yuanOf(textAt(source, 'op'));
  if (original !== undefined) record.original = original;
  const market = yuanOf(textAt(source, 'm'));
  if (market !== undefined) record.market = market;
  const plus = yuanOf(textAt(source, 'tpp') ?? textAt(source, 'plusPrice'));
  if (plus !== undefined) record.plus = plus;
  const stockDesc = outer ? textAt(outer, 'stockInfo', 'stockDesc') : undefined;
  if (stockDesc !== undefined) {
    // Only the leading words (有货 / 无货 / 预订): the rest is delivery promises.
    const words = stockDesc.replace(/<[^>]*>/g, '').split(/[，,。;；\s]/)[0]?.trim() ?? '';
    if (words !== '' && words.length <= 20) record.stock = words;
  }
  return record;
}

/** Every price the page fetched, by SKU (the latest response for a SKU wins: it is what the page shows). */
export function readJdPrices(responses: readonly PageResponse[]): JdPriceReading {
  const bySku = new Map<string, JdPriceRecord>();
  const notes: string[] = [];
  for (const response of responsesOf(responses, PRICE_IDS)) {
    const body = response.body;
    if (Array.isArray(body)) {
      for (const entry of body.slice(0, 500)) {
        if (!isRecord(entry)) continue;
        const sku = skuOf(textAt(entry, 'id'));
        if (sku) bySku.set(sku, priceRecord(entry));
      }
      continue;
    }
    const price = recordAt(body, 'price');
    if (!price) {
      notes.push('a price response had no price in it: not read');
      continue;
    }
    const sku = skuOf(textAt(price, 'id')) ?? skuOfRequest(response.url);
    if (!sku) {
      notes.push('a price response does not say which SKU it is for: not read');
      continue;
    }
    bySku.set(sku, priceRecord(price, isRecord(body) ? body : undefined));
  }
  return { bySku, notes };
}

// ---------------------------------------------------------------------------------------------
// Comment counts

export interface JdCommentRecord {
  count?: { value: number; bound: 'exact' | 'atLeast'; phrase?: string };
  /** Unreadable count text, for issues. */
  countText?: string;
  /** Share of good reviews as a fraction (GoodRateShow 95 → 0.95). */
  goodRate?: number;
}

export interface JdCommentReading {
  /** SKU (the id the page asked for) → its counts. */
  bySku: Map<string, JdCommentRecord>;
  /** Product id (shared by a product's SKUs) → its counts, for the item page. */
  byProduct: Map<string, JdCommentRecord>;
  notes: string[];
}

function commentRecord(source: JsonRecord, keys: { str: string; count: string; rate: string }): JdCommentRecord {
  const record: JdCommentRecord = {};
  const text = textAt(source, keys.str);
  if (text !== undefined) {
    const figure = parseFigure(text);
    const whole = figure && !figure.percent && !figure.currency && !figure.suffix && figure.max === undefined && Number.isInteger(figure.value) && figure.value >= 0;
    if (figure && whole) record.count = { value: figure.value, bound: figure.bound, phrase: text.slice(0, 60) };
    else record.countText = text;
  } else {
    const count = numberAt(source, keys.count);
    if (count !== undefined && Number.isInteger(count) && count >= 0) record.count = { value: count, bound: 'exact' };
  }
  const rate = numberAt(source, keys.rate);
  // No reviews, no rate: a 0 or 100 shown for an item nobody reviewed is not a rate.
  if (rate !== undefined && rate >= 0 && rate <= 100 && record.count && record.count.value > 0) record.goodRate = rate / 100;
  return record;
}

/** Every comment summary the page fetched, by SKU and by product. */
export function readJdComments(responses: readonly PageResponse[]): JdCommentReading {
  const bySku = new Map<string, JdCommentRecord>();
  const byProduct = new Map<string, JdCommentRecord>();
  const notes: string[] = [];
  for (const response of responsesOf(responses, COMMENT_IDS)) {
    const list = arrayAt(response.body, 'CommentsCount');
    if (list) {
      for (const entry of list.slice(0, 500)) {
        if (!isRecord(entry)) continue;
        const record = commentRecord(entry, { str: 'CommentCountStr', count: 'CommentCount', rate: 'GoodRateShow' });
        const sku = skuOf(textAt(entry, 'SkuId'));
        const product = skuOf(textAt(entry, 'ProductId'));
        if (sku) bySku.set(sku, record);
        if (product) byProduct.set(product, record);
      }
      continue;
    }
    const summary = recordAt(response.body, 'productCommentSummary');
    if (!summary) {
      notes.push('a comment response had no summary in it: not read');
      continue;
    }
    const record = commentRecord(summary, { str: 'commentCountStr', count: 'commentCount', rate: 'goodRateShow' });
    const sku = skuOf(textAt(summary, 'skuId'));
    const product = skuOf(textAt(summary, 'productId'));
    // The page asks for one item (`productId=<sku>`): the answer is that item's.
    const asked = skuOfRequest(response.url);
    if (sku) bySku.set(sku, record);
    if (asked && (!sku || sku === asked)) bySku.set(asked, record);
    if (product) byProduct.set(product, record);
    if (!sku && !product && !asked) notes.push('a comment response does not say which item it is for: not read');
  }
  return { bySku, byProduct, notes };
}
