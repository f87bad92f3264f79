/**
 * What one source (embedded JSON or visible text) found for each field of a Taobao/Tmall
 * listing. listing.ts takes each field from the first source that has it; a field no source
 * has becomes an issue carrying each source's reason.
 */
import type { CountReading, Listing, Price } from '../../capture/schema';

export interface Found<T> {
  value?: T;
  /** Why the value is absent (only read when `value` is undefined). */
  problem?: string;
  /** Remarks that hold when `value` is used: a cut-off quantity, an unknown price label … */
  notes?: string[];
}

export interface ListingPrices {
  /** The item's main price; absent when only labelled side prices were found. */
  price?: Price;
  otherPrices: Price[];
}

export type ListingShop = NonNullable<Listing['shop']>;
export type ListingScore = NonNullable<Listing['scores']>[number];
export type ListingStock = NonNullable<Listing['stock']>;

export type ListingImages = NonNullable<Listing['images']>;

/** The SKUs a buyer picks from, and the median of their own prices (the common SKU price). */
export interface ListingSkus {
  count: number;
  medianPrice?: number;
}

export interface ListingParts {
  title: Found<string>;
  prices: Found<ListingPrices>;
  sales: Found<CountReading>;
  reviews: Found<CountReading>;
  shop: Found<ListingShop>;
  scores: Found<ListingScore[]>;
  stock: Found<ListingStock>;
  images: Found<ListingImages>;
  skus: Found<ListingSkus>;
  /** Attributes (参数) shown with a value. */
  attributes: Found<number>;
  /** The shipping promise as shown. */
  shipping: Found<string>;
  /** The return terms as shown. */
  returns: Found<string>;
}

export const LISTING_FIELDS = ['title', 'prices', 'sales', 'reviews', 'shop', 'scores', 'stock', 'images', 'skus', 'attributes', 'shipping', 'returns'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

export function missing<T>(problem: string): Found<T> {
  return { problem };
}

export function found<T>(value: T, notes: string[] = []): Found<T> {
  return notes.length > 0 ? { value, notes } : { value };
}

/** Same price twice (a sticky header repeats the price block) counts once. */
export function samePrice(a: Price, b: Price): boolean {
  return a.kind === b.kind && a.min === b.min && a.max === b.max && a.label === b.label;
}

/** Cents are the unit prices are written in: compare at that precision. */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/** Shortens page text quoted in an issue, so a hostile page cannot flood the issue list. */
export function quote(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}
