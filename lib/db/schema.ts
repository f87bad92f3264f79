/**
 * The ShopLens database: the only storage code. The background service worker is the only
 * writer; extension pages (side panel, options) read. A content script must never open it
 * (it would open the marketplace page's own IndexedDB).
 *
 * Keys are globally unique strings, never auto-increment, so a sync engine can be added later.
 *
 * Tables
 * - entities: what captures are about: a shop, an item or a keyword. Key `taobao:item:617129397971`.
 * - captures: every stored Capture, raw, with its adapter id and version so observations can be
 *   re-derived when an adapter improves.
 * - observations: one row per (entity, metric, capture): the fast path for time series.
 * - watches (v2): pinned items, shops and keywords with their alert rules and rule memory.
 * - alerts (v2): what the watch rules found, newest first in the panel.
 * - settings (v2): small operator settings by key (background refresh of watched listings).
 * - observations gain `priceKind` (v3): a listing's price is the 券后 price one day and the list
 *   price another; the kind says which, so a series never joins two kinds into one line.
 *
 * Versioning: keep an old `db.version(n)` block only when it migrates data; each such migration
 * has a test under tests/unit/db/.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Bound, Capture, PageKind, Platform, Price, Unit } from '../capture/schema';
import { backfillPriceKinds } from './price-kinds';
import type { AlertRow, SettingRow, WatchRow } from '../watch/types';

export type { AlertRow, SettingRow, WatchRow };

export const DB_NAME = 'shoplens';

export type EntityKind = 'shop' | 'item' | 'keyword';

export interface EntityRow {
  /** `<platform>:<kind>:<id>`, e.g. `taobao:item:617129397971`, `taobao:shop:某某旗舰店`. */
  key: string;
  platform: Platform;
  kind: EntityKind;
  /** The platform's id (item id, shop id or name, keyword). */
  ref: string;
  /** Latest human name: item title, shop name, keyword. */
  name: string;
  firstSeen: string;
  lastSeen: string;
  /** Operator's own (true) or a competitor (false); unknown until marked or inferred from a backend page. */
  own?: boolean;
}

export interface CaptureRow {
  /** `<entityKey>@<capturedAt>`: unique per entity and moment. */
  id: string;
  entityKey: string;
  /** Normalised page address (see pageKeyOf) so the panel can find captures of "this page". */
  pageKey: string;
  platform: Platform;
  pageKind: PageKind;
  capturedAt: string;
  /** Period label + dates, '' when the page has none: `昨日|2026-11-21|2026-11-21`. */
  periodKey: string;
  adapterId: string;
  adapterVersion: number;
  /** Hash of the capture content minus capturedAt, for dropping identical repeats. */
  contentHash: string;
  capture: Capture;
}

export interface ObservationRow {
  /** `<entityKey>|<metric>|<capturedAt>`. */
  id: string;
  entityKey: string;
  metric: string;
  captureId: string;
  capturedAt: string;
  periodKey: string;
  /** ISO date the figure is about (period end, else capture day): the x of a time series. */
  day: string;
  value: number;
  max?: number;
  unit: Unit;
  bound: Bound;
  /**
   * Which price a `price` observation is (券后, 原价, 页面价 …: the listing price's `kind`). Only
   * on `price` rows; absent on a price row means the kind is not known: a price column of a
   * backend report (抖店 售价) states none, and a row stored before v3 whose capture was no
   * longer there to tell keeps none.
   */
  priceKind?: Price['kind'];
}

export type ShopLensDb = Dexie & {
  entities: EntityTable<EntityRow, 'key'>;
  captures: EntityTable<CaptureRow, 'id'>;
  observations: EntityTable<ObservationRow, 'id'>;
  watches: EntityTable<WatchRow, 'key'>;
  alerts: EntityTable<AlertRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

/**
 * Version 1 as it shipped: the three capture tables. Kept whole (never edited) so a database
 * created by a version-1 build upgrades through the same steps in every test and browser.
 */
export const SCHEMA_V1 = {
  entities: 'key, platform, kind, lastSeen',
  // [pageKey+periodKey+capturedAt]: the latest capture of a page for one period, for dropping repeats.
  captures: 'id, [entityKey+capturedAt], [pageKey+capturedAt], [pageKey+periodKey+capturedAt], capturedAt, adapterId',
  observations: 'id, [entityKey+metric+day], [entityKey+capturedAt], captureId',
} as const;

/**
 * Version 2 only adds: the watchlist, its alerts, settings, an index of listing captures by
 * category (for the competitor table of a category) and one of captures by platform and page kind
 * (for the competitor corpus). Nothing is migrated: IndexedDB builds the
 * new index over the existing captures itself (tests/unit/db/migrations.test.ts).
 */
export const SCHEMA_V2 = {
  // [platform+pageKind+capturedAt]: a platform's newest search and listing captures, the
  // competitor corpus of the title suggestions and the listing scorecard (lib/titles/corpus.ts).
  captures: `${SCHEMA_V1.captures}, [capture.listing.category+capturedAt], [platform+pageKind+capturedAt]`,
  watches: 'key, kind, role',
  // [seen+at]: unseen alerts newest first; [watchKey+at]: one watched entity's alerts.
  alerts: 'id, at, [watchKey+at], [seen+at]',
  settings: 'key',
} as const;

/**
 * Version 3 changes no index: price observations gain `priceKind`, filled in from the listing
 * capture each was derived from (./price-kinds.ts). A row whose capture retention already
 * deleted keeps no kind ("unknown"), and is drawn as its own line, never joined to a known kind.
 */
export const DB_VERSION = 3;

export function openDb(name: string = DB_NAME): ShopLensDb {
  // Relaxed durability: a capture lost to a power cut is re-read on the next visit, and strict
  // durability (an fsync per transaction) made each stored capture several times slower.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as ShopLensDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(DB_VERSION)
    .stores({})
    .upgrade((tx) => backfillPriceKinds(tx.table('captures'), tx.table('observations')));
  return db;
}
