/**
 * The competitor table: every listing seen for a keyword (in its search results) or a category
 * (on listing pages of that category), with its latest price and sales, the change since it
 * was last seen, and a per-day price line for a sparkline.
 *
 * Rules (pinned by tests/unit/trends/competitors.test.ts)
 * - A listing is known by its item id; results without one cannot be followed over time and
 *   are counted as `unidentified`, not guessed from their titles.
 * - One sighting per listing per day: the latest capture of that day (within a capture, the
 *   first result, i.e. the best rank).
 * - "Change since last seen": the latest day's figure against the figure of the latest earlier
 *   day the listing was seen with one. A missing price is not a change; a sales change between
 *   lower bounds (`1万+` → `2万+`) is not a number and is left out.
 * - Sorting keeps listings without the sorted figure last, in either direction.
 */
import type { Bound, Capture, Price } from '../capture/schema';
import type { CaptureRow } from '../db/schema';
import { dayOf } from '../db/store';
import { SNAPSHOT_GROUP } from './period-group';
import { seriesFromPoints, type TrendSeries } from './series';

export interface Sighting {
  itemId: string;
  title: string;
  shop?: string;
  day: string;
  capturedAt: string;
  captureId: string;
  /** Lowest price shown, yuan; null when none was readable. */
  price: number | null;
  priceKind?: Price['kind'];
  sales?: { value: number; bound: Bound };
  /** Rank in the search results (search captures only). */
  rank?: number;
  sponsored?: boolean;
}

/** Listings a capture shows: a search capture's results, a listing capture's listing. */
export function sightingsOfCapture(capture: Capture, captureId: string): { sightings: Sighting[]; unidentified: number } {
  const day = dayOf(capture);
  const base = { day, capturedAt: capture.capturedAt, captureId };
  const sightings: Sighting[] = [];
  let unidentified = 0;
  if (capture.listing) {
    const listing = capture.listing;
    const sighting: Sighting = { ...base, itemId: listing.itemId, title: listing.title, price: listing.price?.min ?? null };
    if (listing.price) sighting.priceKind = listing.price.kind;
    if (listing.shop?.name) sighting.shop = listing.shop.name;
    if (listing.sales) sighting.sales = { value: listing.sales.value, bound: listing.sales.bound };
    sightings.push(sighting);
  }
  const seen = new Set<string>();
  for (const result of [...(capture.results ?? [])].sort((a, b) => a.rank - b.rank)) {
    if (!result.itemId) {
      unidentified++;
      continue;
    }
    if (seen.has(result.itemId)) continue;
    seen.add(result.itemId);
    const sighting: Sighting = { ...base, itemId: result.itemId, title: result.title, price: result.price?.min ?? null, rank: result.rank };
    if (result.price) sighting.priceKind = result.price.kind;
    if (result.shop) sighting.shop = result.shop;
    if (result.sales) sighting.sales = { value: result.sales.value, bound: result.sales.bound };
    if (result.sponsored) sighting.sponsored = true;
    sightings.push(sighting);
  }
  return { sightings, unidentified };
}

export interface CompetitorRow {
  itemId: string;
  /** Latest title and shop. */
  title: string;
  shop?: string;
  firstDay: string;
  lastDay: string;
  /** Distinct days seen. */
  daysSeen: number;
  price: number | null;
  priceKind?: Price['kind'];
  sales?: { value: number; bound: Bound };
  rank?: number;
  sponsored: boolean;
  /** The price on the latest earlier day seen with one. */
  previousPrice: number | null;
  priceChange: number | null;
  priceChangeRatio: number | null;
  salesChange: number | null;
  /** Per-day price, gaps for days not seen, for a sparkline. */
  priceSeries: TrendSeries;
}

export interface CompetitorTable {
  rows: CompetitorRow[];
  /** Results without an item id (not followed over time). */
  unidentified: number;
}

function latestPerDay(sightings: readonly Sighting[]): Sighting[] {
  const byDay = new Map<string, Sighting>();
  for (const s of sightings) {
    const kept = byDay.get(s.day);
    // Later capture wins; within one capture the first (best-ranked) sighting was kept already.
    if (!kept || s.capturedAt > kept.capturedAt) byDay.set(s.day, s);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

function rowOf(itemId: string, sightings: readonly Sighting[]): CompetitorRow {
  const days = latestPerDay(sightings);
  const latest = days[days.length - 1]!;
  const earlier = days.slice(0, -1).reverse();
  const previousPriced = earlier.find((s) => s.price !== null);
  const previousSales = earlier.find((s) => s.sales !== undefined);

  const previousPrice = previousPriced?.price ?? null;
  const priceChange = latest.price !== null && previousPrice !== null ? latest.price - previousPrice : null;
  const salesExact = latest.sales?.bound === 'exact' && previousSales?.sales?.bound === 'exact';

  const row: CompetitorRow = {
    itemId,
    title: latest.title,
    firstDay: days[0]!.day,
    lastDay: latest.day,
    daysSeen: days.length,
    price: latest.price,
    sponsored: latest.sponsored ?? false,
    previousPrice,
    priceChange,
    priceChangeRatio: priceChange !== null && previousPrice ? priceChange / previousPrice : null,
    salesChange: salesExact ? latest.sales!.value - previousSales!.sales!.value : null,
    priceSeries: seriesFromPoints(
      { entityKey: itemId, metric: 'price', unit: 'yuan', group: SNAPSHOT_GROUP },
      days.flatMap((s) =>
        s.price === null ? [] : [{ day: s.day, value: s.price, bound: 'exact' as const, estimated: false, capturedAt: s.capturedAt, captureId: s.captureId }],
      ),
    ),
  };
  if (latest.shop) row.shop = latest.shop;
  if (latest.priceKind) row.priceKind = latest.priceKind;
  if (latest.sales) row.sales = latest.sales;
  if (latest.rank !== undefined) row.rank = latest.rank;
  return row;
}

/** The table of every listing in the captures (any order). `excludeItemId`: the page's own listing. */
export function competitorTable(rows: readonly Pick<CaptureRow, 'id' | 'capture'>[], excludeItemIds: readonly string[] = []): CompetitorTable {
  const byItem = new Map<string, Sighting[]>();
  let unidentified = 0;
  for (const row of rows) {
    const found = sightingsOfCapture(row.capture, row.id);
    unidentified += found.unidentified;
    for (const s of found.sightings) {
      if (excludeItemIds.includes(s.itemId)) continue;
      const list = byItem.get(s.itemId);
      if (list) list.push(s);
      else byItem.set(s.itemId, [s]);
    }
  }
  const table = [...byItem.entries()].map(([itemId, sightings]) => rowOf(itemId, sightings));
  return { rows: sortCompetitors(table, 'lastSeen', 'desc'), unidentified };
}

export const COMPETITOR_SORT_KEYS = ['price', 'sales', 'change', 'rank', 'lastSeen'] as const;
export type CompetitorSortKey = (typeof COMPETITOR_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

function sortValue(row: CompetitorRow, key: CompetitorSortKey): number | string | null {
  switch (key) {
    case 'price':
      return row.price;
    case 'sales':
      return row.sales?.value ?? null;
    case 'change':
      return row.priceChangeRatio;
    case 'rank':
      return row.rank ?? null;
    case 'lastSeen':
      return row.lastDay;
  }
}

/** Rows sorted by one figure; rows without it last in either direction; ties by item id. */
export function sortCompetitors(rows: readonly CompetitorRow[], key: CompetitorSortKey, direction: SortDirection): CompetitorRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null && vb === null) return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    if (va !== vb) return (va < vb ? -1 : 1) * sign;
    return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
  });
}
