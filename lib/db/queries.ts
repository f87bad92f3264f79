/**
 * Read-only queries for extension pages (side panel, options). The background is the only
 * writer (./store.ts). Every query walks a compound index of ./schema.ts over one key
 * prefix; none scans a whole table (tests/unit/db/queries.test.ts checks the requests).
 *
 * Ordering relies on `capturedAt` being written as UTC ISO (`toISOString()`), so string
 * order is time order.
 */
import Dexie from 'dexie';
import type { AlertRow, CaptureRow, EntityRow, ObservationRow, ShopLensDb, WatchRow } from './schema';
import { readRefreshSettings } from '../settings/background-refresh';
import type { RefreshSettings } from '../watch/refresh';
import type { WatchRole } from '../watch/types';
import { pageKeyOf } from './store';
import type { Capture, PageKind, Platform } from '../capture/schema';
import { normaliseKeyword } from '../titles/corpus';

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

/**
 * The captures stored under a page key, newest first, at most `limit`: the page-health view's
 * history (which fields have been missing, since when). Walks [pageKey+capturedAt] only.
 */
export function capturesOfPage(db: ShopLensDb, pageKey: string, limit: number): Promise<CaptureRow[]> {
  return db.captures
    .where('[pageKey+capturedAt]')
    .between([pageKey, Dexie.minKey], [pageKey, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
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

/** What to read for a diagnosis: (entity, metrics) pairs over a range of days. */
export interface ObservationRequest {
  targets: ReadonlyArray<{ entityKey: string; metrics: readonly string[] }>;
  /** ISO dates, both included. */
  fromDay: string;
  toDay: string;
}

/**
 * The observations a diagnosis needs (lib/diagnostics/history-request.ts builds the request):
 * for each (entity, metric), its rows from `fromDay` to `toDay`, one `[entityKey+metric+day]`
 * range each, never a scan. Safe inside `liveQuery`/`useLiveQuery`: it awaits only Dexie work.
 */
export async function observationsForDiagnosis(db: ShopLensDb, request: ObservationRequest): Promise<ObservationRow[]> {
  const { fromDay, toDay } = request;
  if (request.targets.length === 0 || fromDay > toDay) return [];
  return db.transaction('r', db.observations, async () => {
    const ranges = request.targets.flatMap(({ entityKey, metrics }) =>
      metrics.map((metric) =>
        db.observations
          .where('[entityKey+metric+day]')
          .between([entityKey, metric, fromDay], [entityKey, metric, toDay], true, true)
          .toArray(),
      ),
    );
    return (await Promise.all(ranges)).flat();
  });
}

// ---------------------------------------------------------------------------------------------
// Trends and the watchlist (lib/trends, lib/watch, components/trends)
//
// Observations and captures are read through their compound indexes over one key range. The
// watchlist tables are small (what the operator pinned, what it raised) and are read through
// their simple indexes, always over one key or range or stopped at a limit
// (tests/unit/db/trend-queries.test.ts).

/**
 * One entity's observations of one metric between two days (ISO dates, both included; either
 * omitted = open), day order: one `[entityKey+metric+day]` range.
 */
export function observationsOfMetric(db: ShopLensDb, entityKey: string, metric: string, fromDay?: string, toDay?: string): Promise<ObservationRow[]> {
  return db.observations
    .where('[entityKey+metric+day]')
    .between([entityKey, metric, fromDay ?? Dexie.minKey], [entityKey, metric, toDay ?? Dexie.maxKey], true, true)
    .toArray();
}

/** An entity's captures from `fromIso` on (all when omitted), oldest first, at most `limit` (the newest kept). */
export async function capturesOfEntitySince(db: ShopLensDb, entityKey: string, fromIso: string | undefined, limit: number): Promise<CaptureRow[]> {
  const newestFirst = await db.captures
    .where('[entityKey+capturedAt]')
    .between([entityKey, fromIso ?? Dexie.minKey], [entityKey, Dexie.maxKey], true, true)
    .reverse()
    .limit(limit)
    .toArray();
  return newestFirst.reverse();
}

/** Listing captures of one category from `fromIso` on, newest `limit`, oldest first (v2 index). */
export async function capturesOfCategory(db: ShopLensDb, category: string, fromIso: string | undefined, limit: number): Promise<CaptureRow[]> {
  const newestFirst = await db.captures
    .where('[capture.listing.category+capturedAt]')
    .between([category, fromIso ?? Dexie.minKey], [category, Dexie.maxKey], true, true)
    .reverse()
    .limit(limit)
    .toArray();
  return newestFirst.reverse();
}

/** The watch of an entity, or undefined when it is not pinned. */
export function watchOf(db: ShopLensDb, key: string): Promise<WatchRow | undefined> {
  return db.watches.get(key);
}

/** Watches marked with a role (own items, competitors). */
export function watchesWithRole(db: ShopLensDb, role: WatchRole): Promise<WatchRow[]> {
  return db.watches.where('role').equals(role).toArray();
}

/**
 * The newest alerts, at most `limit`, from `sinceIso` on when given: the `at` index walked
 * backwards from its end and stopped at `limit`.
 */
export function recentAlerts(db: ShopLensDb, limit: number, sinceIso?: string): Promise<AlertRow[]> {
  const newest = sinceIso === undefined ? db.alerts.orderBy('at') : db.alerts.where('at').aboveOrEqual(sinceIso);
  return newest.reverse().limit(limit).toArray();
}

/** How many alerts the operator has not seen: one `[seen+at]` range. */
export function unseenAlertCount(db: ShopLensDb): Promise<number> {
  return db.alerts.where('[seen+at]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count();
}

/** The background refresh settings, validated, defaults filled in. */
export function refreshSettings(db: ShopLensDb): Promise<RefreshSettings> {
  return readRefreshSettings(db);
}

// ---------------------------------------------------------------------------------------------
// The competitor corpus (lib/titles/corpus.ts): title suggestions and the listing scorecard

export interface CorpusCaptureQuery {
  platform: Platform;
  /** Only the searches for these words (the keyword entity's captures). */
  keyword?: string;
  /** Only listings of this category (when no keyword is given). */
  category?: string;
  /** Captures per index range walked. */
  limit?: number;
}

export const DEFAULT_CORPUS_LIMIT = 40;

/** A platform's newest captures of one page kind: one `[platform+pageKind+capturedAt]` range (v2). */
function newestOfKind(db: ShopLensDb, platform: Platform, pageKind: PageKind, limit: number): Promise<CaptureRow[]> {
  return db.captures
    .where('[platform+pageKind+capturedAt]')
    .between([platform, pageKind, Dexie.minKey], [platform, pageKind, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** A category's newest listing captures on one platform: one category-index range (v2). */
async function newestOfCategory(db: ShopLensDb, platform: Platform, category: string, limit: number): Promise<CaptureRow[]> {
  const rows = await db.captures
    .where('[capture.listing.category+capturedAt]')
    .between([category, Dexie.minKey], [category, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
  return rows.filter((row) => row.platform === platform);
}

/**
 * The captures a competitor corpus is built from, newest first: the searches for a keyword
 * (its entity's `[entityKey+capturedAt]` range); else a category's listings (the category
 * index, this platform's only); else the platform's newest searches and listings. Index ranges
 * only, each bounded by `limit`. Safe inside `liveQuery`/`useLiveQuery`.
 */
export function corpusCaptures(db: ShopLensDb, query: CorpusCaptureQuery): Promise<Capture[]> {
  const limit = query.limit ?? DEFAULT_CORPUS_LIMIT;
  return db.transaction('r', db.captures, async () => {
    let rows: CaptureRow[];
    const keyword = query.keyword ? normaliseKeyword(query.keyword) : '';
    const category = query.category?.trim() ?? '';
    if (keyword) {
      const entityKey = `${query.platform}:keyword:${keyword}`;
      rows = await db.captures
        .where('[entityKey+capturedAt]')
        .between([entityKey, Dexie.minKey], [entityKey, Dexie.maxKey])
        .reverse()
        .limit(limit)
        .toArray();
    } else if (category) {
      rows = await newestOfCategory(db, query.platform, category, limit);
    } else {
      const [searches, listings] = await Promise.all([
        newestOfKind(db, query.platform, 'search', limit),
        newestOfKind(db, query.platform, 'listing', limit),
      ]);
      rows = [...searches, ...listings];
    }
    return rows.map((row) => row.capture);
  });
}

/**
 * What a listing's scorecard compares it with (lib/titles/corpus.ts `peerFigures`): the
 * platform's newest searches (to find the keywords the item showed up under) and listings (for
 * their service scores), plus its category's listings when the page named one. Index ranges
 * only, each bounded by `limit`.
 */
export function scorecardPeerCaptures(db: ShopLensDb, listing: { platform: Platform; category?: string }, limit = DEFAULT_CORPUS_LIMIT): Promise<Capture[]> {
  const category = listing.category?.trim() ?? '';
  return db.transaction('r', db.captures, async () => {
    const [searches, listings, inCategory] = await Promise.all([
      newestOfKind(db, listing.platform, 'search', limit),
      newestOfKind(db, listing.platform, 'listing', limit),
      category ? newestOfCategory(db, listing.platform, category, limit) : Promise.resolve([]),
    ]);
    const byId = new Map<string, Capture>();
    for (const row of [...searches, ...listings, ...inCategory]) if (!byId.has(row.id)) byId.set(row.id, row.capture);
    return [...byId.values()];
  });
}

/** The operator's shops ShopLens has seen (backend pages prove them own), newest first; walks the `kind` index. */
export async function ownShops(db: ShopLensDb): Promise<EntityRow[]> {
  const shops = await db.entities.where('kind').equals('shop').toArray();
  return shops.filter((shop) => shop.own === true).sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0));
}
