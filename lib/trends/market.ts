/**
 * Keyword markets: what a search results page says about the market for its words, and how
 * that moves day by day.
 *
 * Rules (pinned by tests/unit/trends/market.test.ts)
 * - The sample is the results of one capture, each listing once (an ad repeating an organic
 *   result is one listing). Results without a readable price count as listings but not in the
 *   price figures; they are never a price of 0.
 * - Price figures are the lowest price each result shows (its kind as the page labelled it).
 *   Median and quartiles are of that sample (one page of results, not the whole market), so
 *   they are flagged `estimated`.
 * - Price bands: equal-width bands with round edges (1, 2, 2.5 or 5 × 10ⁿ yuan) covering the
 *   sample; each band counts the listings priced from its lower edge up to (not including) its
 *   upper edge; the last band includes its upper edge.
 * - A market series has one point per day: the latest capture of that day.
 */
import type { Capture, SearchResult } from '../capture/schema';
import type { CaptureRow } from '../db/schema';
import { dayOf } from '../db/store';
import { SNAPSHOT_GROUP } from './period-group';
import { seriesFromPoints, type TrendPoint, type TrendSeries } from './series';

export interface PriceBand {
  from: number;
  to: number;
  count: number;
}

export interface TopResult {
  rank: number;
  itemId?: string;
  title: string;
  price: number | null;
  shop?: string;
  sponsored: boolean;
}

export interface MarketSnapshot {
  /** Distinct listings in the results. */
  listings: number;
  /** Listings with a readable price. */
  priced: number;
  sponsored: number;
  medianPrice?: number;
  lowerQuartilePrice?: number;
  upperQuartilePrice?: number;
  minPrice?: number;
  maxPrice?: number;
  bands: PriceBand[];
  top: TopResult[];
}

/** Market figures a keyword series can show, in the unit they are in. */
export const MARKET_METRICS = {
  medianPrice: 'yuan',
  lowerQuartilePrice: 'yuan',
  upperQuartilePrice: 'yuan',
  minPrice: 'yuan',
  maxPrice: 'yuan',
  listings: 'count',
} as const;
export type MarketMetric = keyof typeof MARKET_METRICS;

export const DEFAULT_TOP_COUNT = 10;
export const DEFAULT_BAND_COUNT = 5;

/** Results each listed once, in page order: by item id, else by title. */
export function distinctResults(results: readonly SearchResult[]): SearchResult[] {
  const seen = new Set<string>();
  const kept: SearchResult[] = [];
  for (const result of [...results].sort((a, b) => a.rank - b.rank)) {
    const key = result.itemId ? `id:${result.itemId}` : `title:${result.title.trim()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(result);
  }
  return kept;
}

/** Quantile of sorted values by linear interpolation between closest ranks (q in [0, 1]). */
export function quantile(sorted: readonly number[], q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (b - a) * (position - lower);
}

/** A round band width near `raw`: 1, 2, 2.5 or 5 × 10ⁿ. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * power;
    if (step >= raw * (1 - 1e-9)) return step;
  }
  return 10 * power;
}

/** Rounds away binary noise (0.1 + 0.2) in band edges. */
const edge = (value: number) => Number(value.toPrecision(12));

export function priceBands(prices: readonly number[], bandCount = DEFAULT_BAND_COUNT): PriceBand[] {
  if (prices.length === 0) return [];
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  if (min === max) return [{ from: min, to: max, count: prices.length }];
  const step = niceStep((max - min) / bandCount);
  const start = Math.floor(min / step + 1e-9) * step;
  const count = Math.max(1, Math.ceil((max - start) / step - 1e-9));
  const bands: PriceBand[] = Array.from({ length: count }, (_, i) => ({ from: edge(start + i * step), to: edge(start + (i + 1) * step), count: 0 }));
  for (const price of prices) {
    const index = Math.min(count - 1, Math.max(0, Math.floor((price - start) / step + 1e-9)));
    bands[index]!.count++;
  }
  return bands;
}

export function marketSnapshot(results: readonly SearchResult[], topCount = DEFAULT_TOP_COUNT, bandCount = DEFAULT_BAND_COUNT): MarketSnapshot {
  const listings = distinctResults(results);
  const prices = listings.flatMap((r) => (r.price ? [r.price.min] : [])).sort((a, b) => a - b);
  const snapshot: MarketSnapshot = {
    listings: listings.length,
    priced: prices.length,
    sponsored: listings.filter((r) => r.sponsored).length,
    bands: priceBands(prices, bandCount),
    top: listings.slice(0, topCount).map((r) => {
      const top: TopResult = { rank: r.rank, title: r.title, price: r.price ? r.price.min : null, sponsored: r.sponsored ?? false };
      if (r.itemId) top.itemId = r.itemId;
      if (r.shop) top.shop = r.shop;
      return top;
    }),
  };
  if (prices.length > 0) {
    snapshot.medianPrice = quantile(prices, 0.5)!;
    snapshot.lowerQuartilePrice = quantile(prices, 0.25)!;
    snapshot.upperQuartilePrice = quantile(prices, 0.75)!;
    snapshot.minPrice = prices[0]!;
    snapshot.maxPrice = prices[prices.length - 1]!;
  }
  return snapshot;
}

/** One market figure of a capture, or undefined when the capture has no results or no such figure. */
export function marketValue(capture: Capture, metric: MarketMetric): number | undefined {
  if (!capture.results) return undefined;
  return marketSnapshot(capture.results, 0)[metric];
}

/** The day series of one market figure from a keyword's search captures (any order). */
export function marketSeries(rows: readonly CaptureRow[], entityKey: string, metric: MarketMetric): TrendSeries {
  const points: TrendPoint[] = [];
  for (const row of rows) {
    const value = marketValue(row.capture, metric);
    if (value === undefined) continue;
    points.push({
      day: dayOf(row.capture),
      value,
      bound: 'exact',
      // Figures of one page of results: a sample of the market, not the market.
      estimated: metric !== 'listings',
      capturedAt: row.capturedAt,
      captureId: row.id,
    });
  }
  return seriesFromPoints({ entityKey, metric, unit: MARKET_METRICS[metric], group: SNAPSHOT_GROUP }, points);
}
