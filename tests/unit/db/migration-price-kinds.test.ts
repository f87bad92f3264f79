/**
 * Database version 2 → 3: price observations gain the price kind of the listing capture they
 * were derived from; nothing else changes and nothing is lost. A price row whose capture is gone
 * (retention) stays without a kind (unknown), and a series never joins it to a known kind.
 * Restoring a version-2 backup fills the kinds the same way, from the backup's own captures.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Capture, Price } from '../../../lib/capture/schema';
import { backupJson, createBackup, restoreBackup, type BackupFile } from '../../../lib/db/backup';
import { fillPriceKindsFromCaptures } from '../../../lib/db/price-kinds';
import { observationRowSchema } from '../../../lib/db/row-schemas';
import { openDb, SCHEMA_V1, SCHEMA_V2, type CaptureRow, type ObservationRow, type ShopLensDb } from '../../../lib/db/schema';
import { seriesPerPriceKind } from '../../../lib/trends/series';
import { captureRow, entityRow, freshDb, ITEM_KEY, listingCapture, observationRow, SHOP_KEY } from './seed-rows';

const names: string[] = [];
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const PDD_ITEM = 'pinduoduo:item:985864719369';

function listingAt(capturedAt: string, kind: Price['kind'], min: number): Capture {
  const capture = listingCapture(capturedAt);
  capture.listing!.price = { min, kind };
  return capture;
}

function pddListing(capturedAt: string): Capture {
  return {
    ...listingCapture(capturedAt),
    platform: 'pinduoduo',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=985864719369',
    adapter: { id: 'pinduoduo/listing', version: 1 },
    listing: { itemId: '985864719369', title: '电风扇', price: { min: 39.9, kind: 'group', label: '拼单价' } },
  };
}

/** Price rows as a version-2 build wrote them: no kind. */
function priceRow(entityKey: string, capturedAt: string, value: number): ObservationRow {
  return observationRow(entityKey, 'price', capturedAt, capturedAt.slice(0, 10), value, 'yuan');
}

/** A database as a version-2 build left it: listings whose price kind changed, a price row whose capture retention deleted, watchlist rows. */
async function writeVersion2(name: string) {
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  const captures: CaptureRow[] = [
    captureRow(listingAt('2026-11-20T02:00:00.000Z', 'coupon', 143.5), ITEM_KEY),
    captureRow(listingAt('2026-11-21T02:00:00.000Z', 'list', 175.5), ITEM_KEY),
    captureRow(listingAt('2026-11-22T02:00:00.000Z', 'coupon', 139), ITEM_KEY),
    captureRow(pddListing('2026-11-21T03:00:00.000Z'), PDD_ITEM),
  ];
  const observations: ObservationRow[] = [
    priceRow(ITEM_KEY, '2026-11-19T02:00:00.000Z', 150), // its capture is gone
    priceRow(ITEM_KEY, '2026-11-20T02:00:00.000Z', 143.5),
    priceRow(ITEM_KEY, '2026-11-21T02:00:00.000Z', 175.5),
    priceRow(ITEM_KEY, '2026-11-22T02:00:00.000Z', 139),
    observationRow(ITEM_KEY, 'sales', '2026-11-22T02:00:00.000Z', '2026-11-22', 100000),
    priceRow(PDD_ITEM, '2026-11-21T03:00:00.000Z', 39.9),
    observationRow(SHOP_KEY, 'visitors', '2026-11-21T01:00:00.000Z', '2026-11-20', 12345),
  ];
  const watch = {
    key: ITEM_KEY,
    platform: 'taobao',
    kind: 'item',
    ref: '617129397971',
    name: '保温杯',
    role: 'competitor',
    rules: [],
    state: {},
    refresh: true,
    url: 'https://detail.tmall.com/item.htm?id=617129397971',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  await v2.table('entities').bulkPut([entityRow(ITEM_KEY, '保温杯'), entityRow(PDD_ITEM, '电风扇'), entityRow(SHOP_KEY, '山茶花旗舰店', { own: true })]);
  await v2.table('captures').bulkPut(captures);
  await v2.table('observations').bulkPut(observations);
  await v2.table('watches').put(watch);
  await v2.table('settings').put({ key: 'watch.refresh', value: { enabled: false } });
  expect(v2.verno).toBe(2);
  const dump = { captures: await v2.table('captures').toArray(), entities: await v2.table('entities').toArray(), watches: await v2.table('watches').toArray(), settings: await v2.table('settings').toArray() };
  v2.close();
  return { observations, dump };
}

const KIND_BY_TIME: Record<string, string | undefined> = {
  '2026-11-19T02:00:00.000Z': undefined,
  '2026-11-20T02:00:00.000Z': 'coupon',
  '2026-11-21T02:00:00.000Z': 'list',
  '2026-11-22T02:00:00.000Z': 'coupon',
  '2026-11-21T03:00:00.000Z': 'group',
};

describe('version 2 → 3: price kinds', () => {
  it('gives each price observation its capture’s kind, loses nothing, and leaves a row without a capture unknown', async () => {
    const name = `price-kinds-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const before = await writeVersion2(name);

    const db: ShopLensDb = openDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);

    const after = await db.observations.orderBy('id').toArray();
    expect(after).toHaveLength(before.observations.length);
    for (const row of after) {
      const original = before.observations.find((o) => o.id === row.id)!;
      const { priceKind, ...rest } = row;
      // Every field as it was; only the kind is new, and only on price rows.
      expect(rest).toEqual(original);
      expect(priceKind).toBe(row.metric === 'price' ? KIND_BY_TIME[row.capturedAt] : undefined);
      expect(observationRowSchema.safeParse(row).success).toBe(true);
    }
    // The other tables are untouched.
    expect(await db.captures.toArray()).toEqual(before.dump.captures);
    expect(await db.entities.toArray()).toEqual(before.dump.entities);
    expect(await db.watches.toArray()).toEqual(before.dump.watches);
    expect(await db.settings.toArray()).toEqual(before.dump.settings);
    // The series index still answers.
    expect(await db.observations.where('[entityKey+metric+day]').between([ITEM_KEY, 'price', Dexie.minKey], [ITEM_KEY, 'price', Dexie.maxKey]).count()).toBe(4);
  });

  it('the upgraded history draws one line per kind, never one line through two kinds', async () => {
    const name = `price-kinds-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeVersion2(name);
    const db = openDb(name);
    opened.push(db);
    const rows = await db.observations.where('[entityKey+metric+day]').between([ITEM_KEY, 'price', Dexie.minKey], [ITEM_KEY, 'price', Dexie.maxKey]).toArray();
    const lines = seriesPerPriceKind(rows);
    expect(lines.map((s) => [s.priceKind, s.points.map((p) => p.value)])).toEqual([
      ['coupon', [143.5, 139]],
      ['list', [175.5]],
      ['unknown', [150]],
    ]);
  });

  it('opening an upgraded database again changes nothing', async () => {
    const name = `price-kinds-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeVersion2(name);
    const first = openDb(name);
    await first.open();
    const once = await first.observations.toArray();
    first.close();
    const second = openDb(name);
    opened.push(second);
    await second.open();
    expect(await second.observations.toArray()).toEqual(once);
  });
});

describe('restoring a version-2 backup', () => {
  it('fills the price kinds from the backup’s own captures; a version-3 backup keeps its kinds as they are', async () => {
    const name = `price-kinds-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeVersion2(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    opened.push(v2);
    const file = JSON.parse(backupJson(await createBackup(v2 as ShopLensDb))) as BackupFile;
    expect(file.schemaVersion).toBe(2);

    const target = freshDb();
    opened.push(target);
    names.push(target.name);
    const result = await restoreBackup(target, file, { mode: 'replace' });
    expect(result.ok).toBe(true);
    const restored = await target.observations.toArray();
    expect(restored).toHaveLength(file.tables.observations!.length);
    for (const row of restored) expect(row.priceKind, row.id).toBe(row.metric === 'price' ? KIND_BY_TIME[row.capturedAt] : undefined);

    // Made today (version 3): restored exactly, kinds included.
    const again = JSON.parse(backupJson(await createBackup(target))) as BackupFile;
    expect(again.schemaVersion).toBe(3);
    const copy = freshDb();
    opened.push(copy);
    names.push(copy.name);
    expect((await restoreBackup(copy, again, { mode: 'replace' })).ok).toBe(true);
    expect(await copy.observations.orderBy('id').toArray()).toEqual(await target.observations.orderBy('id').toArray());
  });

  it('refuses a price kind on a figure that is not a price', () => {
    const row = { ...observationRow(ITEM_KEY, 'sales', '2026-11-22T02:00:00.000Z', '2026-11-22', 1), priceKind: 'coupon' };
    expect(observationRowSchema.safeParse(row).success).toBe(false);
    expect(observationRowSchema.safeParse({ ...priceRow(ITEM_KEY, '2026-11-22T02:00:00.000Z', 1), priceKind: 'bogus' }).success).toBe(false);
  });
});

describe('fillPriceKindsFromCaptures', () => {
  it.each([
    ['a price row whose capture is in the list', priceRow(ITEM_KEY, '2026-11-20T02:00:00.000Z', 143.5), 'coupon'],
    ['a price row without its capture', priceRow(ITEM_KEY, '2026-11-19T02:00:00.000Z', 150), undefined],
    ['a figure that is not a price', observationRow(ITEM_KEY, 'sales', '2026-11-20T02:00:00.000Z', '2026-11-20', 1), undefined],
    ['a row that already has a kind', { ...priceRow(ITEM_KEY, '2026-11-20T02:00:00.000Z', 143.5), priceKind: 'member' as const }, 'member'],
  ])('%s', (_name, row, kind) => {
    const captures = [captureRow(listingAt('2026-11-20T02:00:00.000Z', 'coupon', 143.5), ITEM_KEY)];
    const { rows } = fillPriceKindsFromCaptures([row], captures);
    expect(rows[0]!.priceKind).toBe(kind);
  });
});
