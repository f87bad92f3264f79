/**
 * Backups across database versions: a backup made by a version-1 database (the three capture
 * tables) restores into the newest schema with nothing lost, its rows indexed by the new
 * schema's indexes; a hand-written version-1 file pins the file layout so files made today keep
 * restoring after later schema changes. (Opening a version-1 database in place is
 * tests/unit/db/migrations.test.ts.)
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import { backupJson, createBackup, restoreBackup, type BackupFile } from '../../../lib/db/backup';
import { openDb, SCHEMA_V1, type ShopLensDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { captureFixtures, countTables, dropDatabases, dumpTables, freshDb } from './demo-database';
import { dashboardCapture, listingCapture } from './sample-captures';

const v1Databases: Dexie[] = [];

afterEach(async () => {
  await dropDatabases();
  for (const db of v1Databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A database exactly as a version-1 build created it. */
function openV1(): ShopLensDb {
  const db = new Dexie(`v1-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  db.version(1).stores(SCHEMA_V1);
  v1Databases.push(db);
  return db as ShopLensDb;
}

async function fillV1(db: ShopLensDb): Promise<void> {
  const captures: Capture[] = [
    ...(await captureFixtures()),
    dashboardCapture(),
    listingCapture({ listing: { ...listingCapture().listing!, category: '保温杯' } }),
  ];
  for (const [i, capture] of captures.entries()) {
    await storeCapture(db, { ...capture, capturedAt: `2026-11-21T0${i % 10}:0${Math.floor(i / 10)}:00.000Z` });
  }
}

describe('a version-1 backup', () => {
  it('restores into the newest schema with every row identical and the new tables empty', async () => {
    const v1 = openV1();
    await fillV1(v1);
    const file = JSON.parse(backupJson(await createBackup(v1))) as BackupFile;
    expect(file.schemaVersion).toBe(1);
    expect(Object.keys(file.tables).sort()).toEqual(['captures', 'entities', 'observations']);

    const target = freshDb();
    await target.open();
    expect(target.verno).toBeGreaterThan(1);
    const result = await restoreBackup(target, file, { mode: 'merge' });
    expect(result.ok).toBe(true);

    const before = await dumpTables(v1);
    const after = await dumpTables(target);
    for (const name of ['entities', 'captures', 'observations']) expect(after[name], name).toEqual(before[name]);
    const counts = await countTables(target);
    for (const name of Object.keys(counts).filter((n) => !(n in before))) expect(counts[name], name).toBe(0);
  });

  it('restored captures are found through the indexes the newest schema added', async () => {
    const v1 = openV1();
    await fillV1(v1);
    const target = freshDb();
    await restoreBackup(target, JSON.parse(backupJson(await createBackup(v1))), { mode: 'replace' });
    const byCategory = await target.captures
      .where('[capture.listing.category+capturedAt]')
      .between(['保温杯', Dexie.minKey], ['保温杯', Dexie.maxKey])
      .toArray();
    expect(byCategory.map((row) => row.capture.listing?.itemId)).toEqual(['617129397971']);
  });

  it('replace into a newer database empties the tables the backup does not have', async () => {
    const v1 = openV1();
    await fillV1(v1);
    const target = freshDb();
    await target.settings.put({ key: 'refresh', value: { enabled: true } });
    const result = await restoreBackup(target, JSON.parse(backupJson(await createBackup(v1))), { mode: 'replace' });
    expect(result.ok).toBe(true);
    expect(await target.settings.count()).toBe(0);
    expect(await target.captures.count()).toBe(await v1.captures.count());
  });

  it('a version-1 file as written by ShopLens 0.1 restores', async () => {
    // Written out by hand, not generated: this is the layout old files have on operators' disks.
    const capture = {
      platform: 'taobao',
      pageKind: 'listing',
      url: 'https://detail.tmall.com/item.htm?id=617129397971',
      capturedAt: '2026-11-21T02:00:00.000Z',
      adapter: { id: 'taobao/listing', version: 1 },
      period: null,
      metrics: [],
      listing: { itemId: '617129397971', title: '保温杯', price: { min: 29.9, kind: 'shown' } },
      results: null,
      issues: [],
    };
    const file = {
      format: 'shoplens-backup',
      version: 1,
      schemaVersion: 1,
      createdAt: '2026-11-22T08:00:00.000Z',
      tables: {
        entities: [{ key: 'taobao:item:617129397971', platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯', firstSeen: '2026-11-21T02:00:00.000Z', lastSeen: '2026-11-21T02:00:00.000Z' }],
        captures: [
          {
            id: 'taobao:item:617129397971@2026-11-21T02:00:00.000Z',
            entityKey: 'taobao:item:617129397971',
            pageKey: 'detail.tmall.com/item.htm?id=617129397971',
            platform: 'taobao',
            pageKind: 'listing',
            capturedAt: '2026-11-21T02:00:00.000Z',
            periodKey: '',
            adapterId: 'taobao/listing',
            adapterVersion: 1,
            contentHash: '0123456789abcdef',
            capture,
          },
        ],
        observations: [
          {
            id: 'taobao:item:617129397971|price|2026-11-21T02:00:00.000Z',
            entityKey: 'taobao:item:617129397971',
            metric: 'price',
            captureId: 'taobao:item:617129397971@2026-11-21T02:00:00.000Z',
            capturedAt: '2026-11-21T02:00:00.000Z',
            periodKey: '',
            day: '2026-11-21',
            value: 29.9,
            unit: 'yuan',
            bound: 'exact',
          },
        ],
      },
    };
    const target = openDb(`v1-file-${Date.now()}`);
    v1Databases.push(target);
    const result = await restoreBackup(target, file, { mode: 'merge' });
    expect(result).toEqual({
      ok: true,
      summary: {
        mode: 'merge',
        added: { entities: 1, captures: 1, observations: 1 },
        skipped: { entities: 0, captures: 0, observations: 0 },
      },
    });
    expect((await target.captures.get(file.tables.captures[0]!.id))?.capture).toEqual(capture);
    expect((await target.observations.toArray()).map((row) => row.value)).toEqual([29.9]);
  });
});
