/**
 * The only write path into the ShopLens database. Called by the background service worker
 * after it has validated a capture (lib/background/handle-capture.ts); nothing else writes.
 *
 * Everything that can be computed without the database (entity, page key, hash, observation
 * rows) is computed before the transaction opens, so the transaction awaits Dexie work only.
 */
import Dexie from 'dexie';
import type { Capture, Platform } from '../capture/schema';
import { IDENTIFYING_PARAMS, pageKeyOf, periodKeyOf } from './keys';
import type { CaptureRow, EntityKind, EntityRow, ObservationRow, ShopLensDb } from './schema';

export { IDENTIFYING_PARAMS, pageKeyOf, periodKeyOf };

/** What a capture is about: the row key and the fields of its entity. */
export interface EntityRef {
  key: string;
  platform: Platform;
  kind: EntityKind;
  ref: string;
  /** Latest human name; '' when the page did not show one (an existing name is then kept). */
  name: string;
  /** Set only when the page proves it (a seller backend shows the operator's own shop). */
  own?: true;
}

export type StoreResult =
  | { stored: true; captureId: string; observations: number }
  | { stored: false; reason: 'duplicate' }
  /** The browser's storage quota is full; nothing was written. */
  | { stored: false; reason: 'quota' }
  /** The capture names nothing we can key it by (a listing without item id, a search without query). */
  | { stored: false; reason: 'unidentified' };

// ---------------------------------------------------------------------------------------------
// Page addresses

/** Parameters that carry the search words on a search results page, in preference order. */
const KEYWORD_PARAMS = ['q', 'keyword', 'search_key', 'query', 'key'] as const;
/** Parameters that carry an item id (listing or editor page), in preference order. */
const ITEM_ID_PARAMS = ['id', 'itemId', 'item_id', 'goods_id', 'productId', 'product_id', 'skuId'] as const;

function searchParam(url: URL | undefined, names: readonly string[]): string | undefined {
  if (!url) return undefined;
  for (const name of names) {
    const value = url.searchParams.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** An item id from the address: a query parameter, else a JD-style `/100066896338.html` path. */
function itemIdFromUrl(url: URL | undefined): string | undefined {
  const fromQuery = searchParam(url, ITEM_ID_PARAMS);
  if (fromQuery) return fromQuery;
  return url ? /\/(\d{5,})\.html$/.exec(url.pathname)?.[1] : undefined;
}

/** Keywords compare in NFKC (full-width → half-width), lower case, single spaces: `ＩＰＨＯＮＥ  15` = `iphone 15`. */
function normaliseKeyword(keyword: string): string {
  return keyword.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Entities

function entityRef(platform: Platform, kind: EntityKind, ref: string, name: string, own?: boolean): EntityRef {
  return { key: `${platform}:${kind}:${ref}`, platform, kind, ref, name, ...(own ? { own: true as const } : {}) };
}

/** The operator's own shop, as a seller backend page names it. */
function ownShopOf(capture: Capture): EntityRef {
  const shop = capture.shop;
  const ref = shop?.id || shop?.name || 'own';
  return entityRef(capture.platform, 'shop', ref, shop?.name ?? '', true);
}

/**
 * The entity a capture is about, or undefined when the capture names nothing to key it by.
 * - listing: the item (`taobao:item:<itemId>`), id from the listing, else from the address;
 * - search: the keyword from the address;
 * - dashboard, item-report: the operator's own shop;
 * - editor: the item when the address carries its id (editing an existing listing), else the shop.
 */
export function entityOf(capture: Capture): EntityRef | undefined {
  const url = parseUrl(capture.url);
  switch (capture.pageKind) {
    case 'listing': {
      const itemId = capture.listing?.itemId || itemIdFromUrl(url);
      return itemId ? entityRef(capture.platform, 'item', itemId, capture.listing?.title ?? '') : undefined;
    }
    case 'search': {
      const keyword = searchParam(url, KEYWORD_PARAMS);
      if (!keyword) return undefined;
      const ref = normaliseKeyword(keyword);
      return ref ? entityRef(capture.platform, 'keyword', ref, keyword.replace(/\s+/g, ' ')) : undefined;
    }
    case 'dashboard':
    case 'item-report':
      return ownShopOf(capture);
    case 'editor': {
      const itemId = itemIdFromUrl(url);
      // An editor only opens on the operator's own items.
      return itemId ? entityRef(capture.platform, 'item', itemId, capture.editor?.title ?? '', true) : ownShopOf(capture);
    }
  }
}

/**
 * Item entities named by the rows of a per-item report. Not marked own: a report row proves
 * the item exists, not whose it is (competitor reports list other shops' items too).
 */
export function rowEntitiesOf(capture: Capture): EntityRef[] {
  const byKey = new Map<string, EntityRef>();
  for (const row of capture.items ?? []) {
    if (!row.itemId) continue;
    const entity = entityRef(capture.platform, 'item', row.itemId, row.title ?? '');
    if (!byKey.has(entity.key)) byKey.set(entity.key, entity);
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// Periods and days

// Marketplaces run on China time (UTC+8, no daylight saving since 1991): "yesterday" on
// 生意参谋 is yesterday in Shanghai, wherever the operator's computer is.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Period labels that name a day relative to the capture day, when the page states no date. */
const RELATIVE_DAY_LABELS: Readonly<Record<string, number>> = {
  实时: 0,
  今日: 0,
  今天: 0,
  昨日: -1,
  昨天: -1,
};

function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The ISO date a capture's figures are about: the period's end date; else a date the period
 * label spells out; else the capture day in Asia/Shanghai shifted by a relative label (昨日 is
 * the day before); else the capture day.
 */
export function dayOf(capture: Pick<Capture, 'period' | 'capturedAt'>): string {
  const period = capture.period;
  if (period?.end) return period.end;
  const label = period?.label.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return label;
  const capturedMs = Date.parse(capture.capturedAt);
  return shanghaiDate(capturedMs + (RELATIVE_DAY_LABELS[label] ?? 0) * DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Observations

type Reading = Pick<ObservationRow, 'metric' | 'value' | 'max' | 'unit' | 'bound' | 'priceKind'>;

function readingsOfListing(capture: Capture): Reading[] {
  const listing = capture.listing;
  if (!listing) return [];
  const readings: Reading[] = [];
  if (listing.price) {
    // The kind travels with the figure: a 券后 price and a list price are different series.
    readings.push({ metric: 'price', value: listing.price.min, max: listing.price.max, unit: 'yuan', bound: 'exact', priceKind: listing.price.kind });
  }
  if (listing.sales) readings.push({ metric: 'sales', value: listing.sales.value, unit: 'count', bound: listing.sales.bound });
  if (listing.reviews) {
    readings.push({ metric: 'reviews', value: listing.reviews.value, unit: 'count', bound: listing.reviews.bound });
  }
  if (listing.stock?.quantity !== undefined) {
    readings.push({ metric: 'stock', value: listing.stock.quantity, unit: 'count', bound: 'exact' });
  }
  return readings;
}

function observationRows(
  readings: readonly Reading[],
  entityKey: string,
  base: Pick<ObservationRow, 'captureId' | 'capturedAt' | 'periodKey' | 'day'>,
  seen: Set<string>,
): ObservationRow[] {
  const rows: ObservationRow[] = [];
  for (const reading of readings) {
    const id = `${entityKey}|${reading.metric}|${base.capturedAt}`;
    // One reading per (entity, metric, capture): the first the adapter listed wins, so a
    // repeated card cannot overwrite it.
    if (seen.has(id)) continue;
    seen.add(id);
    const row: ObservationRow = {
      id,
      entityKey,
      metric: reading.metric,
      ...base,
      value: reading.value,
      unit: reading.unit,
      bound: reading.bound,
    };
    if (reading.max !== undefined) row.max = reading.max;
    if (reading.priceKind !== undefined) row.priceKind = reading.priceKind;
    rows.push(row);
  }
  return rows;
}

/**
 * One row per figure in the capture: every metric reading, the listing's price (lowest shown,
 * yuan, with its price kind), sales, reviews and stock quantity on `entityKey`; and each per-item report row's
 * readings on that item's own entity.
 */
export function observationsOf(capture: Capture, captureId: string, entityKey: string): ObservationRow[] {
  const base = { captureId, capturedAt: capture.capturedAt, periodKey: periodKeyOf(capture.period), day: dayOf(capture) };
  const seen = new Set<string>();
  const rows = observationRows([...capture.metrics, ...readingsOfListing(capture)], entityKey, base, seen);
  for (const row of capture.items ?? []) {
    if (!row.itemId) continue;
    rows.push(...observationRows(row.metrics, `${capture.platform}:item:${row.itemId}`, base, seen));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Content hash

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
      return sorted;
    }
    return v;
  });
}

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits. Computed on four 16-bit limbs
 * so every intermediate stays an exact integer (no BigInt on the write path).
 */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of bytes) {
    h0 ^= byte;
    // Multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/**
 * Hash of what a capture says: everything but the moment it was taken, with the address reduced
 * to its page key (a fresh `spm` tracking parameter on every visit must not make a repeat look new).
 */
export function contentHashOf(capture: Capture): string {
  const { capturedAt: _capturedAt, url, ...content } = capture;
  return fnv1a64(canonicalJson({ ...content, page: pageKeyOf(url) }));
}

// ---------------------------------------------------------------------------------------------
// Writing

function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === Dexie.errnames.QuotaExceeded) return true;
  if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1))) return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

function mergeEntity(existing: EntityRow | undefined, ref: EntityRef, nowIso: string): EntityRow {
  if (!existing) {
    const row: EntityRow = { key: ref.key, platform: ref.platform, kind: ref.kind, ref: ref.ref, name: ref.name, firstSeen: nowIso, lastSeen: nowIso };
    if (ref.own) row.own = true;
    return row;
  }
  const row: EntityRow = {
    ...existing,
    name: ref.name || existing.name,
    lastSeen: nowIso > existing.lastSeen ? nowIso : existing.lastSeen,
  };
  // A backend page proves the shop is the operator's; nothing here ever un-marks it.
  if (ref.own) row.own = true;
  return row;
}

/** Everything about one capture that can be computed before a transaction opens. */
interface PreparedCapture {
  entities: EntityRef[];
  entityKey: string;
  captureId: string;
  pageKey: string;
  periodKey: string;
  contentHash: string;
  day: string;
  row: CaptureRow;
  observations: ObservationRow[];
}

function prepare(capture: Capture): PreparedCapture | undefined {
  const entity = entityOf(capture);
  if (!entity) return undefined;
  const pageKey = pageKeyOf(capture.url);
  const periodKey = periodKeyOf(capture.period);
  const contentHash = contentHashOf(capture);
  const captureId = `${entity.key}@${capture.capturedAt}`;
  return {
    entities: [entity, ...rowEntitiesOf(capture).filter((e) => e.key !== entity.key)],
    entityKey: entity.key,
    captureId,
    pageKey,
    periodKey,
    contentHash,
    day: dayOf(capture),
    row: {
      id: captureId,
      entityKey: entity.key,
      pageKey,
      platform: capture.platform,
      pageKind: capture.pageKind,
      capturedAt: capture.capturedAt,
      periodKey,
      adapterId: capture.adapter.id,
      adapterVersion: capture.adapter.version,
      contentHash,
      capture,
    },
    observations: observationsOf(capture, captureId, entity.key),
  };
}

/**
 * Stores one validated capture: its entity (and any per-item report rows' item entities), the
 * raw capture and its observations, in one transaction, or nothing.
 *
 * A capture identical to the latest stored one for the same page and period is dropped as a
 * duplicate when it is about the same day (a listing seen unchanged on a new day is kept: that
 * day's price is still news for its history). The entities' lastSeen moves on either way.
 */
export async function storeCapture(db: ShopLensDb, capture: Capture, now: Date = new Date()): Promise<StoreResult> {
  return (await storeCaptures(db, [capture], now))[0]!;
}

/**
 * Stores captures in order, with exactly the results storeCapture would give one after another,
 * but in one transaction: a transaction's fixed cost dominates small writes, so a burst (a
 * restore, a re-derive, an SPA firing several captures) is written several times faster.
 * All or nothing: when the disk is full, every result is 'quota' and nothing was written.
 */
export async function storeCaptures(db: ShopLensDb, captures: readonly Capture[], now: Date = new Date()): Promise<StoreResult[]> {
  const nowIso = now.toISOString();
  const prepared = captures.map(prepare);
  const items = prepared.filter((p): p is PreparedCapture => p !== undefined);
  if (items.length === 0) return prepared.map(() => ({ stored: false, reason: 'unidentified' }));
  const pairKey = (p: PreparedCapture) => `${p.pageKey}\u0000${p.periodKey}`;
  try {
    return await db.transaction('rw', db.entities, db.captures, db.observations, async (): Promise<StoreResult[]> => {
      // Read what the decisions need once for the whole batch…
      const entityKeys = [...new Set(items.flatMap((p) => p.entities.map((e) => e.key)))];
      const entities = new Map<string, EntityRow | undefined>();
      (await db.entities.bulkGet(entityKeys)).forEach((row, i) => entities.set(entityKeys[i]!, row));
      const ids = items.map((p) => p.captureId);
      const existingRows = await db.captures.bulkGet(ids);
      const storedIds = new Set(ids.filter((_, i) => existingRows[i] !== undefined));
      const latest = new Map<string, { capturedAt: string; contentHash: string; day: string }>();
      for (const p of items) {
        if (latest.has(pairKey(p))) continue;
        const previous = await db.captures
          .where('[pageKey+periodKey+capturedAt]')
          .between([p.pageKey, p.periodKey, Dexie.minKey], [p.pageKey, p.periodKey, Dexie.maxKey])
          .last();
        latest.set(pairKey(p), previous ? { capturedAt: previous.capturedAt, contentHash: previous.contentHash, day: dayOf(previous.capture) } : { capturedAt: '', contentHash: '', day: '' });
      }

      // …decide in arrival order, exactly as one-by-one storing would…
      const touched = new Set<string>();
      const newCaptures: CaptureRow[] = [];
      const newObservations: ObservationRow[] = [];
      const results = prepared.map((p): StoreResult => {
        if (!p) return { stored: false, reason: 'unidentified' };
        for (const ref of p.entities) {
          entities.set(ref.key, mergeEntity(entities.get(ref.key), ref, nowIso));
          touched.add(ref.key);
        }
        const last = latest.get(pairKey(p))!;
        const repeat = last.capturedAt !== '' && last.contentHash === p.contentHash && last.day === p.day;
        // The same entity at the same instant is a re-delivered message.
        if (repeat || storedIds.has(p.captureId)) return { stored: false, reason: 'duplicate' };
        storedIds.add(p.captureId);
        if (p.row.capturedAt > last.capturedAt) latest.set(pairKey(p), { capturedAt: p.row.capturedAt, contentHash: p.contentHash, day: p.day });
        newCaptures.push(p.row);
        newObservations.push(...p.observations);
        return { stored: true, captureId: p.captureId, observations: p.observations.length };
      });

      // …and write with one bulk call per table.
      await db.entities.bulkPut([...touched].map((key) => entities.get(key)!));
      if (newCaptures.length > 0) await db.captures.bulkAdd(newCaptures);
      if (newObservations.length > 0) await db.observations.bulkPut(newObservations);
      return results;
    });
  } catch (error) {
    if (isQuotaError(error)) return captures.map(() => ({ stored: false, reason: 'quota' }));
    throw error;
  }
}
