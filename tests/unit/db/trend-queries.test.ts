/**
 * The trend and watchlist reads walk an index over one key range, never a whole table, and
 * return what the trend section needs.
 */
import type { DBCoreCountRequest, DBCoreOpenCursorRequest, DBCoreQueryRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrendData } from '../../../components/trends/trendData';
import { capturesOfEntitySince, observationsOfMetric, recentAlerts, refreshSettings, unseenAlertCount } from '../../../lib/db/queries';
import type { ShopLensDb } from '../../../lib/db/schema';
import { DEFAULT_REFRESH_SETTINGS } from '../../../lib/watch/refresh';
import { pinEntity, updateWatch } from '../../../lib/watch/store';
import { captureRow, dashboardCapture, freshDb, ITEM_KEY, listingCapture, observationRow, seed, SHOP_KEY } from './seed-rows';

interface Read {
  table: string;
  index: string | null;
  compound: boolean;
  rangeType: number;
}

let db: ShopLensDb;
let reads: Read[];
beforeEach(() => {
  db = freshDb();
  // Middleware must be in place before the database opens.
  reads = recordReads(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});


function recordReads(target: ShopLensDb): Read[] {
  const reads: Read[] = [];
  target.use({
    stack: 'dbcore',
    name: 'trend-read-recorder',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const note = (req: DBCoreQueryRequest | DBCoreOpenCursorRequest | DBCoreCountRequest) =>
            reads.push({ table: name, index: req.query.index.name, compound: Boolean(req.query.index.compound), rangeType: req.query.range.type });
          return {
            ...table,
            query: (req) => (note(req), table.query(req)),
            openCursor: (req) => (note(req), table.openCursor(req)),
            count: (req) => (note(req), table.count(req)),
          };
        },
      };
    },
  });
  return reads;
}

const ANY = 3; // DBCoreRangeType.Any: the whole table or index

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
const at = (i: number) => `${day(i)}T02:00:00.000Z`;

async function seedYear() {
  const observations = [];
  for (let i = 0; i < 365; i++) {
    observations.push(observationRow(ITEM_KEY, 'price', at(i), day(i), 100 + (i % 10), 'yuan'));
    observations.push(observationRow(ITEM_KEY, 'sales', at(i), day(i), 1000 + i));
    observations.push(observationRow('taobao:item:999', 'price', at(i), day(i), 90, 'yuan'));
    observations.push(observationRow(SHOP_KEY, 'visitors', at(i), day(i), 5000));
  }
  await seed(db, {
    observations,
    captures: [captureRow(listingCapture(at(364)), ITEM_KEY), captureRow(dashboardCapture(at(364)), SHOP_KEY)],
  });
}

describe('trend reads', () => {
  it('one metric of one entity over a range of days', async () => {
    await seedYear();
    reads.length = 0;
    const rows = await observationsOfMetric(db, ITEM_KEY, 'price', day(300), day(309));
    expect(rows.map((r) => r.day)).toEqual(Array.from({ length: 10 }, (_, i) => day(300 + i)));
    expect(rows.every((r) => r.entityKey === ITEM_KEY && r.metric === 'price')).toBe(true);
    expect((await observationsOfMetric(db, ITEM_KEY, 'price')).length).toBe(365);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read, JSON.stringify(read)).toMatchObject({ index: '[entityKey+metric+day]', compound: true });
    expect(reads.every((r) => r.rangeType !== ANY)).toBe(true);
  });

  it('the trend section’s load (own item with watched competitors) walks index ranges only', async () => {
    await seedYear();
    await pinEntity(db, { key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯', role: 'own' });
    await pinEntity(db, { key: 'taobao:item:999', platform: 'taobao', kind: 'item', ref: '999', name: '别家杯', role: 'competitor' });
    reads.length = 0;
    const data = await loadTrendData(db, { entityKey: ITEM_KEY, platform: 'taobao', kind: 'item', metric: 'price', fromDay: day(0) });
    expect(data.rows).toHaveLength(365);
    expect(data.watch?.role).toBe('own');
    expect(data.competitors.map((c) => [c.watch.key, c.rows.length])).toEqual([['taobao:item:999', 365]]);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read.rangeType, JSON.stringify(read)).not.toBe(ANY);
      if (read.table === 'observations' || read.table === 'captures') expect(read.compound, JSON.stringify(read)).toBe(true);
    }
  });

  it('a keyword’s captures since a day, oldest first, newest kept under the limit', async () => {
    const keyword = 'taobao:keyword:保温杯';
    const rows = [1, 2, 3, 4].map((i) => captureRow(dashboardCapture(at(i), { pageKind: 'search', url: 'https://s.taobao.com/search?q=保温杯', results: [] }), keyword));
    await seed(db, { captures: [...rows, captureRow(dashboardCapture(at(3)), SHOP_KEY)] });
    reads.length = 0;
    expect((await capturesOfEntitySince(db, keyword, at(2), 10)).map((r) => r.capturedAt)).toEqual([at(2), at(3), at(4)]);
    expect((await capturesOfEntitySince(db, keyword, undefined, 2)).map((r) => r.capturedAt)).toEqual([at(3), at(4)]);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read).toMatchObject({ index: '[entityKey+capturedAt]', compound: true });
  });
});

describe('watchlist reads', () => {
  it('recent alerts newest first from a moment on, and the unseen count, by index', async () => {
    await db.alerts.bulkPut(
      [1, 2, 3].map((i) => ({
        id: `a${i}`,
        watchKey: ITEM_KEY,
        watchName: '保温杯',
        ruleId: 'title',
        at: at(i),
        captureId: 'c',
        seen: i === 1 ? (1 as const) : (0 as const),
        alert: { type: 'title' as const, from: 'a', to: 'b' },
      })),
    );
    reads.length = 0;
    expect((await recentAlerts(db, 10, at(2))).map((a) => a.id)).toEqual(['a3', 'a2']);
    expect(await unseenAlertCount(db)).toBe(2);
    expect(reads.map((r) => r.index)).toEqual(['at', '[seen+at]']);
    expect(reads.every((r) => r.rangeType !== ANY)).toBe(true);
    // Without a start: the newest few, walking the index from its end (a bounded read, not a scan).
    expect((await recentAlerts(db, 2)).map((a) => a.id)).toEqual(['a3', 'a2']);
  });

  it('refresh settings default to off', async () => {
    expect(await refreshSettings(db)).toEqual(DEFAULT_REFRESH_SETTINGS);
    expect((await refreshSettings(db)).enabled).toBe(false);
  });

  it('a pinned entity can be marked and pinning again keeps its rules', async () => {
    await pinEntity(db, { key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '1', name: 'a' });
    await updateWatch(db, ITEM_KEY, { rules: [] });
    const again = await pinEntity(db, { key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '1', name: 'b', role: 'own' });
    expect(again).toMatchObject({ name: 'b', role: 'own', rules: [] });
  });
});
