/**
 * Read-only queries for extension pages (side panel, options). The background is the only
 * writer (./store.ts). Every query walks a compound index of ./schema.ts over one key
 * prefix; none scans a whole table (tests/unit/db/queries.test.ts checks the requests).
 *
 * Ordering relies on `capturedAt` being written as UTC ISO (`toISOString()`), so string
 * order is time order.
 */
import Dexie from 'dexie';
import type { CaptureRow, EntityRow, ObservationRow, ShopLensDb } from './schema';
import { pageKeyOf } from './store';

export interface PageContext {
  /** The normalised page address the captures were found under. */
  pageKey: string;
  /** The newest capture of this page. */
  latest: CaptureRow;
  /** What the page is about (shop, item, keyword); undefined if the row is missing. */
  entity: EntityRow | undefined;
  /** The entity's captures before `latest` (from any page), newest first. */
  earlier: CaptureRow[];
  /** Per metric of `latest`: the entity's most recent observations, oldest first (for sparklines). */
  series: Record<string, ObservationRow[]>;
}

export interface PageContextOptions {
  /** How many earlier snapshots to return. */
  historyLimit?: number;
  /** How many observations per metric. */
  seriesLimit?: number;
}

export const DEFAULT_HISTORY_LIMIT = 10;
export const DEFAULT_SERIES_LIMIT = 30;

/** Metrics stored for a listing besides its `metrics` (see the observation rows the background writes). */
const LISTING_METRICS = ['price', 'sales', 'reviews', 'stock'] as const;

/** The newest capture stored under a page key, or undefined. */
export function latestCaptureOfPage(db: ShopLensDb, pageKey: string): Promise<CaptureRow | undefined> {
  return db.captures
    .where('[pageKey+capturedAt]')
    .between([pageKey, Dexie.minKey], [pageKey, Dexie.maxKey])
    .last();
}

/** An entity's captures strictly before `before`, newest first. */
export function capturesOfEntityBefore(
  db: ShopLensDb,
  entityKey: string,
  before: string,
  limit: number,
): Promise<CaptureRow[]> {
  return db.captures
    .where('[entityKey+capturedAt]')
    .between([entityKey, Dexie.minKey], [entityKey, before], true, false)
    .reverse()
    .limit(limit)
    .toArray();
}

/** The last `limit` observations of one metric of one entity, oldest first. */
export async function recentObservations(
  db: ShopLensDb,
  entityKey: string,
  metric: string,
  limit: number,
): Promise<ObservationRow[]> {
  const newestFirst = await db.observations
    .where('[entityKey+metric+day]')
    .between([entityKey, metric, Dexie.minKey], [entityKey, metric, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
  return newestFirst.reverse();
}

/** The metric ids a capture carries, in page order, each once. */
export function metricsOfCapture(row: CaptureRow): string[] {
  const ids = row.capture.metrics.map((reading) => reading.metric);
  if (row.capture.listing) ids.push(...LISTING_METRICS);
  return [...new Set(ids)];
}

/**
 * What the panel shows for a page: its latest capture, the entity, earlier snapshots and
 * recent observations per metric. null when nothing was captured for this page.
 * Safe inside `liveQuery`/`useLiveQuery`: it awaits only Dexie work.
 */
export async function pageContext(
  db: ShopLensDb,
  url: string,
  options: PageContextOptions = {},
): Promise<PageContext | null> {
  const pageKey = pageKeyOf(url);
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const seriesLimit = options.seriesLimit ?? DEFAULT_SERIES_LIMIT;

  return db.transaction('r', db.captures, db.entities, db.observations, async () => {
    const latest = await latestCaptureOfPage(db, pageKey);
    if (!latest) return null;
    const metrics = metricsOfCapture(latest);
    const [entity, earlier, seriesList] = await Promise.all([
      db.entities.get(latest.entityKey),
      capturesOfEntityBefore(db, latest.entityKey, latest.capturedAt, historyLimit),
      Promise.all(metrics.map((metric) => recentObservations(db, latest.entityKey, metric, seriesLimit))),
    ]);
    const series: Record<string, ObservationRow[]> = {};
    metrics.forEach((metric, i) => {
      const rows = seriesList[i];
      if (rows && rows.length > 0) series[metric] = rows;
    });
    return { pageKey, latest, entity, earlier, series };
  });
}
