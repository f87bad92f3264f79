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
 *
 * Versioning: keep an old `db.version(n)` block only when it migrates data; each such migration
 * has a test under tests/unit/db/.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Bound, Capture, PageKind, Platform, Unit } from '../capture/schema';

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
}

export type ShopLensDb = Dexie & {
  entities: EntityTable<EntityRow, 'key'>;
  captures: EntityTable<CaptureRow, 'id'>;
  observations: EntityTable<ObservationRow, 'id'>;
};

export function openDb(name: string = DB_NAME): ShopLensDb {
  const db = new Dexie(name) as ShopLensDb;
  db.version(1).stores({
    entities: 'key, platform, kind, lastSeen',
    // [pageKey+periodKey+capturedAt]: the latest capture of a page for one period, for dropping repeats.
    captures: 'id, [entityKey+capturedAt], [pageKey+capturedAt], [pageKey+periodKey+capturedAt], capturedAt, adapterId',
    observations: 'id, [entityKey+metric+day], [entityKey+capturedAt], captureId',
  });
  return db;
}
