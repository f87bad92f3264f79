/**
 * Database upgrades: a database written by a version-1 build opens under the current schema
 * with every row intact, the new tables empty and usable, and the new index built over the old
 * rows.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { capturesOfCategory, recentAlerts, unseenAlertCount, watchOf } from '../../../lib/db/queries';
import { openDb, SCHEMA_V1, type CaptureRow, type EntityRow, type ObservationRow, type ShopLensDb } from '../../../lib/db/schema';
import { captureRow, dashboardCapture, entityRow, ITEM_KEY, listingCapture, observationRow, SHOP_KEY } from './seed-rows';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function listingWithCategory(capturedAt: string, category: string | undefined): CaptureRow {
  const capture = listingCapture(capturedAt);
  if (category) capture.listing!.category = category;
  return captureRow(capture, ITEM_KEY);
}

/** A database as a version-1 build left it. */
async function writeVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  const entities: EntityRow[] = [entityRow(SHOP_KEY, '山茶花旗舰店', { own: true }), entityRow(ITEM_KEY, '保温杯')];
  const captures: CaptureRow[] = [
    captureRow(dashboardCapture('2026-11-21T01:00:00.000Z'), SHOP_KEY),
    listingWithCategory('2026-11-20T02:00:00.000Z', '保温杯'),
    listingWithCategory('2026-11-21T02:00:00.000Z', '保温杯'),
    listingWithCategory('2026-11-22T02:00:00.000Z', undefined),
  ];
  const observations: ObservationRow[] = [
    observationRow(SHOP_KEY, 'visitors', '2026-11-21T01:00:00.000Z', '2026-11-20', 12345),
    observationRow(ITEM_KEY, 'price', '2026-11-21T02:00:00.000Z', '2026-11-21', 143.5, 'yuan'),
  ];
  await v1.table('entities').bulkPut(entities);
  await v1.table('captures').bulkPut(captures);
  await v1.table('observations').bulkPut(observations);
  expect(v1.verno).toBe(1);
  v1.close();
  return { entities, captures, observations };
}

describe('version 1 → current', () => {
  it('keeps every row, adds empty watchlist tables, and indexes old listings by category', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const before = await writeVersion1(name);

    const db: ShopLensDb = openDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['alerts', 'captures', 'entities', 'observations', 'settings', 'watches']);
    expect(await db.entities.orderBy('key').toArray()).toEqual([...before.entities].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(await db.captures.orderBy('id').toArray()).toEqual([...before.captures].sort((a, b) => (a.id < b.id ? -1 : 1)));
    // Every observation kept; the price one gained the kind of the listing capture it came from (v3).
    const expected = before.observations.map((row) => (row.metric === 'price' ? { ...row, priceKind: 'coupon' } : row));
    expect(await db.observations.orderBy('id').toArray()).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));

    // The v1 indexes still answer.
    expect(await db.observations.where('[entityKey+metric+day]').equals([ITEM_KEY, 'price', '2026-11-21']).count()).toBe(1);
    // The new index covers the captures written before it existed; a listing without a category is simply not in it.
    expect((await capturesOfCategory(db, '保温杯', undefined, 10)).map((r) => r.capturedAt)).toEqual(['2026-11-20T02:00:00.000Z', '2026-11-21T02:00:00.000Z']);
    expect(await capturesOfCategory(db, '保温杯', '2026-11-21T00:00:00.000Z', 10)).toHaveLength(1);

    // The new tables are there and empty.
    expect(await watchOf(db, ITEM_KEY)).toBeUndefined();
    expect(await recentAlerts(db, 10)).toEqual([]);
    expect(await unseenAlertCount(db)).toBe(0);
    expect(await db.settings.count()).toBe(0);
    db.close();
  });

  it('opening the current schema twice is a no-op upgrade', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeVersion1(name);
    const first = openDb(name);
    await first.open();
    first.close();
    const second = openDb(name);
    await second.open();
    expect(second.verno).toBe(3);
    expect(await second.captures.count()).toBe(4);
    second.close();
  });
});
