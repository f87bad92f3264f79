import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCoreQueryRequest, DBCoreOpenCursorRequest, DBCoreCountRequest } from 'dexie';
import { pageContext } from '../../../lib/db/queries';
import type { ShopLensDb } from '../../../lib/db/schema';
import { pageKeyOf } from '../../../lib/db/store';
import {
  captureRow,
  DASHBOARD_URL,
  dashboardCapture,
  entityRow,
  freshDb,
  ITEM_KEY,
  LISTING_URL,
  listingCapture,
  observationRow,
  seed,
  SHOP_KEY,
} from './seed-rows';

let db: ShopLensDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(() => {
  db.close();
});

/** Records every read the queries make below the Dexie API, to prove they walk indexes. */
function recordReads(target: ShopLensDb) {
  const reads: { table: string; kind: string; index: string | null; compound: boolean; rangeType: number }[] = [];
  target.use({
    stack: 'dbcore',
    name: 'read-recorder',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const note = (kind: string, req: DBCoreQueryRequest | DBCoreOpenCursorRequest | DBCoreCountRequest) => {
            reads.push({
              table: name,
              kind,
              index: req.query.index.name,
              compound: Boolean(req.query.index.compound),
              rangeType: req.query.range.type,
            });
          };
          return {
            ...table,
            query(req) {
              note('query', req);
              return table.query(req);
            },
            openCursor(req) {
              note('openCursor', req);
              return table.openCursor(req);
            },
            count(req) {
              note('count', req);
              return table.count(req);
            },
          };
        },
      };
    },
  });
  return reads;
}

describe('pageContext', () => {
  it('is null for a page with no capture', async () => {
    await seed(db, { captures: [captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY)] });
    expect(await pageContext(db, 'https://sycm.taobao.com/cc/item_archives?itemId=1')).toBeNull();
  });

  it('finds the latest capture of the page however the address was decorated', async () => {
    await seed(db, {
      entities: [entityRow(SHOP_KEY, '山茶花旗舰店')],
      captures: [
        captureRow(dashboardCapture('2026-11-20T01:00:00.000Z'), SHOP_KEY),
        captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY),
        captureRow(dashboardCapture('2026-11-21T01:00:00.000Z'), SHOP_KEY),
      ],
    });
    const variants = [DASHBOARD_URL, `${DASHBOARD_URL}?spm=other.tracking`, `${DASHBOARD_URL}?spm=x#top`];
    for (const url of variants) {
      const context = await pageContext(db, url);
      expect(context?.latest.capturedAt, url).toBe('2026-11-22T01:00:00.000Z');
      expect(context?.pageKey).toBe(pageKeyOf(DASHBOARD_URL));
      expect(context?.entity?.name).toBe('山茶花旗舰店');
    }
  });

  it('keeps listings with different item ids apart (the id identifies the page)', async () => {
    const other = listingCapture('2026-11-23T00:00:00.000Z', {
      url: 'https://detail.tmall.com/item.htm?id=999',
    });
    await seed(db, {
      captures: [captureRow(listingCapture('2026-11-22T00:00:00.000Z'), ITEM_KEY), captureRow(other, 'taobao:item:999')],
    });
    const context = await pageContext(db, `${LISTING_URL}&spm=abc`);
    expect(context?.latest.entityKey).toBe(ITEM_KEY);
  });

  it("returns the entity's earlier captures from any page, newest first, before the latest only", async () => {
    const itemReport = dashboardCapture('2026-11-19T05:00:00.000Z', {
      pageKind: 'item-report',
      url: 'https://sycm.taobao.com/cc/item_rank',
    });
    const laterOtherPage = dashboardCapture('2026-11-23T05:00:00.000Z', { url: 'https://sycm.taobao.com/cc/item_rank' });
    await seed(db, {
      captures: [
        captureRow(dashboardCapture('2026-11-20T01:00:00.000Z'), SHOP_KEY),
        captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY),
        captureRow(dashboardCapture('2026-11-21T01:00:00.000Z'), SHOP_KEY),
        captureRow(itemReport, SHOP_KEY),
        captureRow(laterOtherPage, SHOP_KEY),
        captureRow(dashboardCapture('2026-11-21T03:00:00.000Z'), 'taobao:shop:someone-else'),
      ],
    });
    const context = await pageContext(db, DASHBOARD_URL);
    expect(context?.earlier.map((row) => row.capturedAt)).toEqual([
      '2026-11-21T01:00:00.000Z',
      '2026-11-20T01:00:00.000Z',
      '2026-11-19T05:00:00.000Z',
    ]);
  });

  it.each([
    [1, ['2026-11-11T00:00:00.000Z']],
    [3, ['2026-11-11T00:00:00.000Z', '2026-11-10T00:00:00.000Z', '2026-11-09T00:00:00.000Z']],
  ])('limits earlier snapshots to historyLimit %i, keeping the newest', async (historyLimit, expected) => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      captureRow(dashboardCapture(`2026-11-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`), SHOP_KEY),
    );
    await seed(db, { captures: rows });
    const context = await pageContext(db, DASHBOARD_URL, { historyLimit });
    expect(context?.latest.capturedAt).toBe('2026-11-12T00:00:00.000Z');
    expect(context?.earlier.map((row) => row.capturedAt)).toEqual(expected);
  });

  it("gives each of the latest capture's metrics its recent observations, oldest first, limited", async () => {
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T01:00:00.000Z`;
    const day = (d: number) => `2026-11-${String(d - 1).padStart(2, '0')}`;
    await seed(db, {
      captures: [captureRow(dashboardCapture(at(10)), SHOP_KEY)],
      observations: [
        ...[3, 4, 5, 6, 7, 8, 9, 10].map((d) => observationRow(SHOP_KEY, 'visitors', at(d), day(d), 1000 + d)),
        observationRow(SHOP_KEY, 'payAmount', at(9), day(9), 9000, 'yuan'),
        // Another shop's visitors and a metric the latest capture does not show stay out.
        observationRow('taobao:shop:someone-else', 'visitors', at(9), day(9), 1),
        observationRow(SHOP_KEY, 'buyers', at(9), day(9), 77),
      ],
    });
    const context = await pageContext(db, DASHBOARD_URL, { seriesLimit: 4 });
    expect(context?.series.visitors?.map((row) => row.value)).toEqual([1007, 1008, 1009, 1010]);
    expect(context?.series.payAmount?.map((row) => row.value)).toEqual([9000]);
    expect(Object.keys(context?.series ?? {}).sort()).toEqual(['payAmount', 'visitors']);
  });

  it('includes the listing figures (price, sales, reviews, stock) in the series of a listing', async () => {
    const at = '2026-11-22T00:00:00.000Z';
    await seed(db, {
      captures: [captureRow(listingCapture(at), ITEM_KEY)],
      observations: [
        observationRow(ITEM_KEY, 'price', at, '2026-11-22', 143.5, 'yuan'),
        observationRow(ITEM_KEY, 'sales', at, '2026-11-22', 100000),
      ],
    });
    const context = await pageContext(db, LISTING_URL);
    expect(context?.series.price?.[0]?.value).toBe(143.5);
    expect(context?.series.sales?.[0]?.value).toBe(100000);
  });

  it('reads only through compound indexes over one key prefix, never a whole table', async () => {
    const reads = recordReads(db);
    await seed(db, {
      entities: [entityRow(SHOP_KEY, '山茶花旗舰店')],
      captures: [
        captureRow(dashboardCapture('2026-11-21T01:00:00.000Z'), SHOP_KEY),
        captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY),
      ],
      observations: [observationRow(SHOP_KEY, 'visitors', '2026-11-22T01:00:00.000Z', '2026-11-21', 12345)],
    });
    reads.length = 0;
    const context = await pageContext(db, DASHBOARD_URL);
    expect(context?.earlier).toHaveLength(1);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read, JSON.stringify(read)).toMatchObject({ compound: true });
      expect(read.rangeType, JSON.stringify(read)).not.toBe(3 /* DBCoreRangeType.Any: the whole table */);
    }
  });
});
