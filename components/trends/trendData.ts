/**
 * What the Trends section reads for one entity and figure, in one live query: the figure's
 * observations (or, for a keyword, its search captures), the entity's watch, and for an own
 * item the watched competitors' observations of the same figure. Index ranges only
 * (lib/db/queries.ts).
 */
import type { Platform } from '../../lib/capture/schema';
import {
  capturesOfCategory,
  capturesOfEntitySince,
  observationsOfMetric,
  watchesWithRole,
  watchOf,
} from '../../lib/db/queries';
import type { CaptureRow, EntityKind, ObservationRow, ShopLensDb, WatchRow } from '../../lib/db/schema';
import { readRefreshSettings } from '../../lib/settings/background-refresh';
import { MARKET_METRICS } from '../../lib/trends/market';

/** At most this many captures of a keyword (a year of daily searches, with room). */
export const MAX_KEYWORD_CAPTURES = 400;
/** At most this many listing captures of a category. */
export const MAX_CATEGORY_CAPTURES = 300;
/** At most this many competitors on the comparison chart. */
export const MAX_COMPARED = 5;
/** Figures an own item is compared on. */
export const COMPARED_METRICS: readonly string[] = ['price', 'sales'];

export interface TrendRequest {
  entityKey: string;
  platform: Platform;
  kind: EntityKind;
  metric: string;
  /** First day (ISO date) to read; all when undefined. */
  fromDay?: string;
  /** A shop to look up the watch of (a listing's shop). */
  shopKey?: string;
}

export interface TrendData {
  rows: ObservationRow[];
  captures: CaptureRow[];
  watch: WatchRow | undefined;
  shopWatch: WatchRow | undefined;
  competitors: { watch: WatchRow; rows: ObservationRow[] }[];
  /** The background refresh is switched on (the pin bar's refresh mark says when it is not). */
  refreshEnabled: boolean;
}

export function isMarketFigure(metric: string): boolean {
  return Object.prototype.hasOwnProperty.call(MARKET_METRICS, metric);
}

/** China-time midnight of an ISO date, as a UTC ISO timestamp (captures are keyed by UTC time). */
export function dayStartIso(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

export async function loadTrendData(db: ShopLensDb, request: TrendRequest): Promise<TrendData> {
  const { entityKey, metric, fromDay } = request;
  const market = request.kind === 'keyword' && isMarketFigure(metric);
  const [rows, captures, watch, shopWatch, refresh] = await Promise.all([
    market ? Promise.resolve([]) : observationsOfMetric(db, entityKey, metric, fromDay),
    market ? capturesOfEntitySince(db, entityKey, fromDay ? dayStartIso(fromDay) : undefined, MAX_KEYWORD_CAPTURES) : Promise.resolve([]),
    watchOf(db, entityKey),
    request.shopKey ? watchOf(db, request.shopKey) : Promise.resolve(undefined),
    readRefreshSettings(db),
  ]);
  let competitors: TrendData['competitors'] = [];
  if (watch?.role === 'own' && request.kind === 'item' && COMPARED_METRICS.includes(metric)) {
    const others = (await watchesWithRole(db, 'competitor'))
      .filter((w) => w.kind === 'item' && w.key !== entityKey)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
      .slice(0, MAX_COMPARED);
    competitors = await Promise.all(others.map(async (other) => ({ watch: other, rows: await observationsOfMetric(db, other.key, metric, fromDay) })));
  }
  return { rows, captures, watch, shopWatch, competitors, refreshEnabled: refresh.enabled };
}

/** Listing captures of a category, for its competitor table. */
export function loadCategoryCaptures(db: ShopLensDb, category: string, fromDay: string | undefined): Promise<CaptureRow[]> {
  return capturesOfCategory(db, category, fromDay ? dayStartIso(fromDay) : undefined, MAX_CATEGORY_CAPTURES);
}
