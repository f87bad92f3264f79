/**
 * Taobao and Tmall item pages (`item.taobao.com/item.htm?id=N`, `detail.tmall.com/item.htm?id=N`;
 * Tmall pages are platform `taobao`).
 *
 * Embedded data first (./listing-ice.ts: the ICE JSON the page renders from, with prices
 * checked against their fen amounts), the visible page second (./listing-dom.ts), field by
 * field. A field neither source has becomes an issue naming both reasons; nothing is guessed.
 */
import type { CaptureIssue, Listing } from '../../capture/schema';
import type { Extracted, PageAdapter } from '../types';
import { readIceRes } from './ice-context';
import { iceItemId, readListingFromIce } from './listing-ice';
import { domLooksRendered, domView, readListingFromDom } from './listing-dom';
import { quote, type Found, type ListingParts } from './listing-parts';

const LISTING_HOSTS = ['item.taobao.com', 'detail.tmall.com'];
const ITEM_ID = /^\d{1,20}$/;

/** The item id from `?id=`, when the address is an item page. */
export function listingItemId(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  if (!LISTING_HOSTS.includes(url.hostname.toLowerCase())) return undefined;
  if (url.pathname !== '/item.htm') return undefined;
  const id = url.searchParams.get('id');
  return id !== null && ITEM_ID.test(id) ? id : undefined;
}

const FIELD_NAMES: Record<keyof ListingParts, string> = {
  title: 'listing.title',
  prices: 'listing.price',
  sales: 'listing.sales',
  reviews: 'listing.reviews',
  shop: 'listing.shop',
  scores: 'listing.scores',
  stock: 'listing.stock',
  images: 'listing.images',
  skus: 'listing.skuCount',
  attributes: 'listing.attributesFilled',
  shipping: 'listing.shipping',
  returns: 'listing.returns',
};

/** The embedded data for this item, or why it cannot be used. */
function iceFor(doc: Document, itemId: string): { parts?: ListingParts; problem?: string } {
  const res = readIceRes(doc);
  if (!res) return { problem: 'no embedded item data' };
  const dataId = iceItemId(res);
  // Data about another item (a stale script after navigation) would put its figures on this one.
  if (dataId !== undefined && dataId !== itemId) {
    return { problem: `embedded data is for item ${quote(dataId, 20)}, not ${itemId}: not used` };
  }
  return { parts: readListingFromIce(res) };
}

interface Merged<T> {
  value?: T;
  issues: CaptureIssue[];
}

/**
 * The first source with a complete value (its notes become issues). A partial value (side
 * prices without a main price) is used only when no source has a complete one; whatever is
 * missing becomes one issue naming every source's reason.
 */
function pick<T>(field: keyof ListingParts, sources: Array<[name: string, found: Found<T> | undefined]>): Merged<T> {
  const name = FIELD_NAMES[field];
  const asIssue = (problem: string): CaptureIssue => ({ field: name, problem: problem.slice(0, 200) });
  let partial: Found<T> | undefined;
  for (const [, found] of sources) {
    if (found?.value === undefined) continue;
    if (found.problem === undefined) return { value: found.value, issues: (found.notes ?? []).map(asIssue) };
    partial ??= found;
  }
  const reasons = sources
    .filter((entry): entry is [string, Found<T>] => entry[1] !== undefined)
    .map(([source, found]) => `${source}: ${found.problem ?? 'not found'}`);
  const issue = asIssue(`not found (${reasons.join('; ')})`);
  if (partial) return { value: partial.value, issues: [issue, ...(partial.notes ?? []).map(asIssue)] };
  return { issues: [issue] };
}

function extractListing(doc: Document, url: URL): Extracted {
  const issues: CaptureIssue[] = [];
  const itemId = listingItemId(url);
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  if (itemId === undefined) {
    issues.push({ field: 'url', problem: 'not a Taobao/Tmall item address (item.htm?id=N)' });
    return base;
  }
  const ice = iceFor(doc, itemId);
  if (ice.problem && ice.problem !== 'no embedded item data') issues.push({ field: 'embedded', problem: ice.problem });
  const dom = readListingFromDom(domView(doc));

  const take = <T>(key: keyof ListingParts, fromIce: Found<T> | undefined, fromDom: Found<T>): T | undefined => {
    const merged = pick(key, [
      ['embedded data', fromIce],
      ['page text', fromDom],
    ]);
    issues.push(...merged.issues);
    return merged.value;
  };

  const title = take('title', ice.parts?.title, dom.title);
  if (title === undefined) return base;
  const listing: Listing = { itemId, title: title.slice(0, 300) };
  if (title.length > 300) issues.push({ field: 'listing.title', problem: 'title longer than 300 characters, cut' });

  const prices = take('prices', ice.parts?.prices, dom.prices);
  if (prices?.price) listing.price = prices.price;
  if (prices && prices.otherPrices.length > 0) listing.otherPrices = prices.otherPrices;
  const sales = take('sales', ice.parts?.sales, dom.sales);
  if (sales) listing.sales = sales;
  const reviews = take('reviews', ice.parts?.reviews, dom.reviews);
  if (reviews) listing.reviews = reviews;
  const shop = take('shop', ice.parts?.shop, dom.shop);
  if (shop) listing.shop = shop;
  const scores = take('scores', ice.parts?.scores, dom.scores);
  if (scores) listing.scores = scores;
  const stock = take('stock', ice.parts?.stock, dom.stock);
  if (stock) listing.stock = stock;
  const images = take('images', ice.parts?.images, dom.images);
  if (images) listing.images = images;
  const skus = take('skus', ice.parts?.skus, dom.skus);
  if (skus) {
    listing.skuCount = skus.count;
    if (skus.medianPrice !== undefined) listing.skuPriceMedian = skus.medianPrice;
  }
  const attributes = take('attributes', ice.parts?.attributes, dom.attributes);
  if (attributes !== undefined) listing.attributesFilled = attributes;
  const shipping = take('shipping', ice.parts?.shipping, dom.shipping);
  if (shipping) listing.shipping = shipping.slice(0, 80);
  const returns = take('returns', ice.parts?.returns, dom.returns);
  if (returns) listing.returns = returns.slice(0, 80);

  return { ...base, listing, issues: issues.slice(0, 100) };
}

export const taobaoListingAdapter: PageAdapter = {
  id: 'taobao/listing',
  version: 2,
  platform: 'taobao',
  pageKind: 'listing',
  hosts: ['*://item.taobao.com/*', '*://detail.tmall.com/*'],
  sampleUrls: [
    'https://detail.tmall.com/item.htm?id=617129397971',
    'https://detail.tmall.com/item.htm?abbucket=3&id=617129397971&skuId=4355552953967',
    'https://item.taobao.com/item.htm?id=712345678901',
    'https://item.taobao.com/item.htm?spm=a230r.1.14.8.3c1b6e8b&id=712345678901&ns=1',
    'http://item.taobao.com/item.htm?id=1',
  ],
  matchesUrl: (url) => listingItemId(url) !== undefined,
  detect(doc, url) {
    const itemId = listingItemId(url);
    if (itemId === undefined) return false;
    const ice = iceFor(doc, itemId);
    if (ice.parts?.title.value !== undefined) return true;
    return domLooksRendered(domView(doc));
  },
  extract: extractListing,
};
