/**
 * Runs the watch rules after the background stored a capture (lib/background/handle-capture.ts):
 * finds the watches the capture is about, builds each one's reading and baseline, evaluates the
 * rules (./rules.ts, pure) and stores the new rule memory and the alerts. Background only: it
 * writes.
 *
 * Which watches a capture concerns:
 * - the watch of the capture's own entity (the item of a listing, the keyword of a search, the
 *   own shop of a backend page);
 * - watches of items in a per-item report's rows;
 * - shop watches whose shop the capture shows listings of (a listing's shop, search results'
 *   shops, an own shop's report rows), for the new-listing rule.
 *
 * Evaluations run one after another (a module-level queue), so two captures arriving together
 * cannot both measure from the same remembered reference and alert twice.
 */
import Dexie from 'dexie';
import type { Capture } from '../capture/schema';
import type { ObservationRow, ShopLensDb } from '../db/schema';
import { dayOf, entityOf, observationsOf, rowEntitiesOf } from '../db/store';
import { MARKET_METRICS, marketSnapshot, type MarketMetric } from '../trends/market';
import { periodGroupOfKey, SNAPSHOT_GROUP } from '../trends/period-group';
import { evaluateRules, type ReadingValue, type WatchBaseline, type WatchReading } from './rules';
import { stockStateOf } from './stock';
import type { AlertRow, WatchRow } from './types';

/** How far back (observations of one metric) a first evaluation looks for an earlier figure. */
const BASELINE_LOOKBACK = 20;

function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function readingValueOf(row: ObservationRow): ReadingValue {
  const value: ReadingValue = {
    metric: row.metric,
    group: periodGroupOfKey(row.periodKey),
    unit: row.unit,
    value: row.value,
    bound: row.bound,
    day: row.day,
  };
  if (row.max !== undefined) value.max = row.max;
  return value;
}

function isMarketMetric(metric: string): metric is MarketMetric {
  return Object.prototype.hasOwnProperty.call(MARKET_METRICS, metric);
}

/** Market figures of a search capture, as readings of its keyword. */
function marketValues(capture: Capture, day: string, metrics: readonly string[]): ReadingValue[] {
  if (!capture.results) return [];
  const wantedMetrics = metrics.filter(isMarketMetric);
  if (wantedMetrics.length === 0) return [];
  const snapshot = marketSnapshot(capture.results, 0);
  return wantedMetrics.flatMap((metric) => {
    const value = snapshot[metric];
    return value === undefined ? [] : [{ metric, group: SNAPSHOT_GROUP, unit: MARKET_METRICS[metric], value, bound: 'exact' as const, day }];
  });
}

function shopMatches(watch: WatchRow, platform: Capture['platform'], shop: { id?: string | undefined; name?: string | undefined }): boolean {
  if (watch.kind !== 'shop' || watch.platform !== platform) return false;
  if (shop.id && watch.ref === shop.id) return true;
  const name = shop.name ? normaliseName(shop.name) : '';
  return name !== '' && (normaliseName(watch.name) === name || normaliseName(watch.ref) === name);
}

/** Listings of a shop the capture shows. */
function listingsOfShop(watch: WatchRow, capture: Capture, captureEntityKey: string): { itemId: string; title: string; shop?: string }[] {
  const found: { itemId: string; title: string; shop?: string }[] = [];
  const listing = capture.listing;
  if (listing?.itemId && listing.shop && shopMatches(watch, capture.platform, listing.shop)) {
    found.push({ itemId: listing.itemId, title: listing.title, ...(listing.shop.name ? { shop: listing.shop.name } : {}) });
  }
  for (const result of capture.results ?? []) {
    if (result.itemId && result.shop && shopMatches(watch, capture.platform, { name: result.shop })) {
      found.push({ itemId: result.itemId, title: result.title, shop: result.shop });
    }
  }
  // A backend report's rows are the operator's own shop's items.
  if (captureEntityKey === watch.key) {
    for (const row of capture.items ?? []) if (row.itemId) found.push({ itemId: row.itemId, title: row.title ?? '' });
  }
  return found;
}

/** The group of a listing's price of one kind (券后, 页面价 …): prices of different kinds never compare. */
export function priceKindGroup(kind: string): string {
  return `${SNAPSHOT_GROUP}:${kind}`;
}

function readingFor(watch: WatchRow, capture: Capture, captureId: string, entityKey: string, observations: readonly ObservationRow[]): WatchReading {
  const day = dayOf(capture);
  const values = observations.filter((row) => row.entityKey === watch.key).map(readingValueOf);
  const reading: WatchReading = { at: capture.capturedAt, captureId, values };
  if (watch.key === entityKey) {
    if (watch.kind === 'keyword') {
      const metrics = watch.rules.flatMap((rule) => (rule.type === 'change' ? [rule.metric] : []));
      reading.values = [...values, ...marketValues(capture, day, metrics)];
    }
    if (capture.listing && watch.kind === 'item') {
      const kind = capture.listing.price?.kind;
      // A coupon price and a shown price are different figures: compare each only with its own kind.
      reading.values = reading.values.map((value) => (value.metric === 'price' && kind ? { ...value, group: priceKindGroup(kind) } : value));
      reading.title = capture.listing.title;
      const state = stockStateOf(capture.listing.stock);
      if (state) reading.stock = { state, ...(capture.listing.stock?.text ? { text: capture.listing.stock.text } : {}) };
    }
  }
  if (watch.kind === 'shop') {
    const listings = listingsOfShop(watch, capture, entityKey);
    if (listings.length > 0) reading.listings = listings;
  }
  return reading;
}

/** Earlier figures for rules that have no memory yet: the latest before this capture. */
async function baselineFor(db: ShopLensDb, watch: WatchRow, reading: WatchReading): Promise<WatchBaseline> {
  const baseline: { values?: Map<string, ReadingValue & { at: string }>; title?: string; stock?: 'in' | 'out' } = {};
  const memory = watch.state.change ?? {};
  for (const rule of watch.rules) {
    if (rule.type !== 'change' || !rule.enabled) continue;
    for (const value of reading.values) {
      if (value.metric !== rule.metric || memory[`${rule.id}|${value.group}`]) continue;
      const key = `${value.metric}|${value.group}`;
      if (baseline.values?.has(key)) continue;
      let earlier: (ReadingValue & { at: string }) | undefined;
      if (value.metric === 'price' && value.group.startsWith(`${SNAPSHOT_GROUP}:`)) {
        // The previous capture's price, and only when it is of the same kind (observations carry
        // the kind too since database version 3, but older rows may not).
        const previous = await db.captures
          .where('[entityKey+capturedAt]')
          .between([watch.key, Dexie.minKey], [watch.key, reading.at], true, false)
          .last();
        const price = previous?.capture.listing?.price;
        if (previous && price && priceKindGroup(price.kind) === value.group) {
          earlier = { metric: 'price', group: value.group, unit: 'yuan', value: price.min, bound: 'exact', day: dayOf(previous.capture), at: previous.capturedAt };
          if (price.max !== undefined) earlier.max = price.max;
        }
      } else if (isMarketMetric(value.metric)) {
        const previous = await db.captures
          .where('[entityKey+capturedAt]')
          .between([watch.key, Dexie.minKey], [watch.key, reading.at], true, false)
          .last();
        const found = previous ? marketValues(previous.capture, dayOf(previous.capture), [value.metric])[0] : undefined;
        if (found) earlier = { ...found, at: previous!.capturedAt };
      } else {
        const rows = await db.observations
          .where('[entityKey+metric+day]')
          .between([watch.key, value.metric, Dexie.minKey], [watch.key, value.metric, value.day], true, true)
          .reverse()
          .limit(BASELINE_LOOKBACK)
          .toArray();
        const row = rows.find((r) => r.capturedAt < reading.at && periodGroupOfKey(r.periodKey) === value.group);
        if (row) earlier = { ...readingValueOf(row), at: row.capturedAt };
      }
      if (earlier) (baseline.values ??= new Map()).set(key, earlier);
    }
  }
  const needsListing = watch.rules.some((r) => r.enabled && ((r.type === 'title' && watch.state.title === undefined) || (r.type === 'stock' && watch.state.stock === undefined)));
  if (needsListing && (reading.title !== undefined || reading.stock)) {
    const previous = await db.captures
      .where('[entityKey+capturedAt]')
      .between([watch.key, Dexie.minKey], [watch.key, reading.at], true, false)
      .last();
    const listing = previous?.capture.listing;
    if (listing) {
      baseline.title = listing.title;
      const stock = stockStateOf(listing.stock);
      if (stock) baseline.stock = stock;
    }
  }
  return baseline;
}

async function watchesConcerned(db: ShopLensDb, capture: Capture, entityKey: string): Promise<WatchRow[]> {
  const itemKeys = rowEntitiesOf(capture).map((e) => e.key).filter((key) => key !== entityKey);
  const [direct, ...rows] = await db.watches.bulkGet([entityKey, ...itemKeys]);
  const found = new Map<string, WatchRow>();
  if (direct) found.set(direct.key, direct);
  for (const row of rows) if (row) found.set(row.key, row);
  const showsShops = Boolean(capture.listing?.shop || capture.results?.some((r) => r.shop));
  if (showsShops) {
    const shops = await db.watches.where('kind').equals('shop').toArray();
    for (const shop of shops) if (shop.platform === capture.platform) found.set(shop.key, shop);
  }
  return [...found.values()];
}

/** Evaluates and stores; returns the new alerts. */
async function evaluateNow(db: ShopLensDb, capture: Capture, captureId: string, now: Date): Promise<AlertRow[]> {
  const entity = entityOf(capture);
  if (!entity) return [];
  const watches = await watchesConcerned(db, capture, entity.key);
  if (watches.length === 0) return [];
  const observations = observationsOf(capture, captureId, entity.key);
  const updates: { key: string; state: WatchRow['state'] }[] = [];
  const alerts: AlertRow[] = [];
  for (const watch of watches) {
    const reading = readingFor(watch, capture, captureId, entity.key, observations);
    if (reading.values.length === 0 && reading.title === undefined && !reading.stock && !reading.listings) continue;
    const baseline = await baselineFor(db, watch, reading);
    const result = evaluateRules(watch.rules, watch.state, reading, baseline);
    updates.push({ key: watch.key, state: result.state });
    for (const { ruleId, alert, itemId } of result.alerts) {
      alerts.push({
        id: `${watch.key}|${ruleId}|${capture.capturedAt}${itemId ? `|${itemId}` : ''}`,
        watchKey: watch.key,
        watchName: watch.name,
        ruleId,
        at: capture.capturedAt,
        captureId,
        seen: 0,
        alert,
      });
    }
  }
  const nowIso = now.toISOString();
  await db.transaction('rw', db.watches, db.alerts, async () => {
    // update() changes the memory only: rules the operator edited meanwhile stay as edited.
    for (const { key, state } of updates) await db.watches.update(key, { state, updatedAt: nowIso });
    if (alerts.length > 0) await db.alerts.bulkPut(alerts);
  });
  return alerts;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the watch rules on a capture just stored under `captureId`; resolves to the alerts it
 * stored. Serialised with every other evaluation.
 */
export function evaluateWatches(db: ShopLensDb, capture: Capture, captureId: string, now: Date = new Date()): Promise<AlertRow[]> {
  const run = queue.then(() => evaluateNow(db, capture, captureId, now));
  queue = run.catch(() => undefined);
  return run;
}
