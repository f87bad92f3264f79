/**
 * PDD goods pages (`mobile.yangkeduo.com/goods.html?goods_id=N`, also goods1.html, goods2.html).
 *
 * Embedded data first (./listing-rawdata.ts: `window.rawData`, prices in the unit each field is
 * known to use), the visible page second (./listing-dom.ts), field by field. The embedded prices
 * are checked against the prices the page shows: a group price the page contradicts (a 100×
 * mismatch is a yuan/fen mix-up) is not used. A field neither source has becomes an issue.
 */
import type { CaptureIssue, Listing, Price } from '../../capture/schema';
import type { Extracted, PageAdapter } from '../types';
import { domLooksRendered, pddDomView, readDomCounts, readDomPrices, readDomPromotions, readDomTitle, type DomPrices } from './listing-dom';
import { rawGoodsId, rawTitle, readRawGoods, readRawPrices, readRawSales, readRawShop, type RawGoodsData, type RawPrices } from './listing-rawdata';
import { quote, sameAmount } from './page-dom';
import { PDD_MOBILE_PATTERNS, pddGoodsId } from './urls';

interface RawFor {
  data?: RawGoodsData;
  problem?: string;
}

/** The embedded data for this goods, or why it cannot be used. */
function rawFor(doc: Document, goodsId: string): RawFor {
  const data = readRawGoods(doc);
  if (!data) return {};
  const dataId = rawGoodsId(data.goods);
  // Data about another goods (a stale script after navigation) would put its figures on this one.
  if (dataId !== undefined && dataId !== goodsId) {
    return { problem: `embedded data is for goods ${quote(dataId, 20)}, not ${goodsId}: not used` };
  }
  return { data };
}

function describe(price: Price): string {
  return `${price.label ?? price.kind} ${price.min}${price.max === undefined ? '' : `-${price.max}`}`;
}

function within(price: Price, range: Price): boolean {
  const top = range.max ?? range.min;
  return price.min >= range.min - 0.005 && (price.max ?? price.min) <= top + 0.005;
}

interface MergedPrices {
  price?: Price;
  otherPrices: Price[];
  issues: string[];
}

/**
 * Embedded group price as the headline and the single-buy price beside it, unless the page shows
 * a group or unlabelled price that lies in neither embedded range: then the embedded prices are
 * doubtful (units) and the page's own prices are used. Embedded prices whose unit is unconfirmed
 * (yuan fields only) are used only when the page shows a price to check them against: 990 in a
 * yuan field may be 990 fen, and a price 100 times off is worse than none.
 */
function mergePrices(raw: RawPrices, dom: DomPrices): MergedPrices {
  const issues = [...raw.problems];
  const embedded = raw.prices;
  let trusted = embedded;
  if (embedded.length > 0 && dom.headline.length === 0 && raw.unconfirmed.length > 0) {
    issues.push(`embedded prices (${raw.unconfirmed.map(describe).join(', ')}) cannot be checked against a shown price: units uncertain, not used`);
    trusted = embedded.filter((price) => !raw.unconfirmed.includes(price));
  }
  if (embedded.length > 0 && dom.headline.length > 0) {
    const misfit = dom.headline.find((shown) => !embedded.some((range) => within(shown, range)));
    if (misfit) {
      issues.push(`embedded prices (${embedded.map(describe).join(', ')}) do not match the shown ¥${misfit.min}: units uncertain, page prices used`);
      trusted = [];
    }
  }
  const price = trusted.find((p) => p.kind === 'group') ?? dom.price;
  const merged: MergedPrices = { otherPrices: [], issues };
  if (price) merged.price = price;
  const domPrices = [...(dom.price ? [dom.price] : []), ...dom.otherPrices];
  const others = [...trusted, ...domPrices];
  for (const other of others) {
    // An unlabelled price beside a labelled headline says nothing more.
    if (other === price || other.kind === 'shown') continue;
    // The page showing one end of an embedded range (`¥13.9 单独购买` in 13.9-16.9) adds nothing.
    if (domPrices.includes(other) && trusted.some((range) => range.kind === other.kind && within(other, range))) continue;
    if (price && other.kind === price.kind && sameAmount(other, price)) continue;
    if (merged.otherPrices.some((known) => known.kind === other.kind && sameAmount(known, other))) continue;
    merged.otherPrices.push(other);
  }
  merged.otherPrices = merged.otherPrices.slice(0, 10);
  if (!price) issues.push(`not found (${embedded.length > 0 ? 'embedded data: no group price; ' : ''}page text: ${dom.problem ?? 'no price'})`);
  issues.push(...dom.notes);
  return merged;
}

function extractListing(doc: Document, url: URL): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  const goodsId = pddGoodsId(url);
  if (goodsId === undefined) {
    issues.push({ field: 'url', problem: 'not a PDD goods address (goods.html?goods_id=N)' });
    return base;
  }
  const raw = rawFor(doc, goodsId);
  if (raw.problem) issues.push({ field: 'embedded', problem: raw.problem });
  const view = pddDomView(doc);
  const add = (field: string, problem: string) => issues.push({ field, problem: problem.slice(0, 200) });

  const title = (raw.data && rawTitle(raw.data.goods)) ?? readDomTitle(view);
  if (title === undefined) {
    add('listing.title', 'not found (no goodsName in embedded data, no title on the page)');
    return base;
  }
  const listing: Listing = { itemId: goodsId, title: title.slice(0, 300) };

  const rawPrices: RawPrices = raw.data ? readRawPrices(raw.data.goods) : { prices: [], unconfirmed: [], problems: [] };
  const prices = mergePrices(rawPrices, readDomPrices(view));
  if (prices.price) listing.price = prices.price;
  if (prices.otherPrices.length > 0) listing.otherPrices = prices.otherPrices;
  for (const problem of prices.issues) add('listing.price', problem);

  const counts = readDomCounts(view);
  const rawSales = raw.data ? readRawSales(raw.data.goods) : undefined;
  const sales = rawSales?.sales ?? counts.sales;
  if (sales) listing.sales = sales;
  else add('listing.sales', `not found (${rawSales ? `embedded data: ${rawSales.problem}; ` : ''}page text: ${counts.salesProblem ?? 'none'})`);
  for (const note of rawSales?.notes ?? []) add('listing.sales', note);

  if (counts.reviews) listing.reviews = counts.reviews;
  else add('listing.reviews', 'not found (no 商品评价(N) on the page)');

  const shop = raw.data ? readRawShop(raw.data) : undefined;
  if (shop) listing.shop = shop;
  else add('listing.shop', 'not found (no mall in embedded data)');

  const promotions = readDomPromotions(view);
  if (promotions.length > 0) listing.promotions = promotions;

  return { ...base, listing, issues: issues.slice(0, 100) };
}

export const pddListingAdapter: PageAdapter = {
  id: 'pinduoduo/listing',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'listing',
  hosts: PDD_MOBILE_PATTERNS,
  sampleUrls: [
    'https://mobile.yangkeduo.com/goods.html?goods_id=672673135904',
    'https://mobile.yangkeduo.com/goods1.html?goods_id=985864719369&page_from=23',
    'https://mobile.yangkeduo.com/goods2.html?_oak_rcto=YWLLx&goods_id=930005554830',
    'http://mobile.yangkeduo.com/goods.html?goods_id=1',
  ],
  matchesUrl: (url) => pddGoodsId(url) !== undefined,
  detect(doc, url) {
    const goodsId = pddGoodsId(url);
    if (goodsId === undefined) return false;
    const raw = rawFor(doc, goodsId);
    if (raw.data && rawTitle(raw.data.goods) !== undefined) return true;
    return domLooksRendered(pddDomView(doc));
  },
  extract: extractListing,
};
