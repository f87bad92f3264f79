/**
 * The history a diagnosis reads: which (entity, metric) pairs and days
 * (lib/diagnostics/history-request.ts), and the query that reads them
 * (lib/db/queries.ts observationsForDiagnosis) through `[entityKey+metric+day]` only.
 */
import type { DBCoreOpenCursorRequest, DBCoreQueryRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observationsForDiagnosis } from '../../../lib/db/queries';
import type { ShopLensDb } from '../../../lib/db/schema';
import { historyLookbackDays, historyRequestOf } from '../../../lib/diagnostics/history-request';
import { capture, item, reading } from '../diagnostics/helpers';
import { freshDb, observationRow, seed } from './seed-rows';

const SHOP = 'taobao:shop:1001';

describe('historyRequestOf', () => {
  it.each([
    { period: { label: '昨日', start: '2026-11-21', end: '2026-11-21' }, from: '2026-09-26' }, // 8 same weekdays back
    { period: { label: '近7天', start: '2026-11-15', end: '2026-11-21' }, from: '2026-09-19' }, // 9 weeks
    { period: { label: '近30天', start: '2026-10-23', end: '2026-11-21' }, from: '2026-02-24' }, // 9 × 30 days
    { period: { label: '自然月', start: '2026-10-01', end: '2026-10-31' }, from: '2026-01-25' }, // 9 × 31 days
    { period: { label: '实时' }, from: '2026-09-27' }, // never compared; stock still looks back
  ])('reads back from $from for a $period.label figure', ({ period, from }) => {
    const request = historyRequestOf(capture({ period, capturedAt: '2026-11-22T01:00:00.000Z' }), SHOP);
    expect(request.fromDay).toBe(from);
    expect(request.toDay).toBe(period.end ?? '2026-11-22');
  });

  it('looks back at least eight weeks for any period', () => {
    expect(historyLookbackDays({ kind: 'days', days: 1 })).toBe(56);
    expect(historyLookbackDays({ kind: 'unknown' })).toBe(56);
    expect(historyLookbackDays({ kind: 'days', days: 7 })).toBe(63);
  });

  it('asks for the page’s metrics, the ratios the engine derives, and each report row’s watched figures', () => {
    const request = historyRequestOf(
      capture({
        metrics: [reading('visitors', 1000), reading('payAmount', 5000)],
        items: [item('11', [reading('units', 5)]), item('22', []), item('11', []), item(undefined, [reading('units', 1)])],
      }),
      SHOP,
    );
    expect(request.targets.map((t) => t.entityKey)).toEqual([SHOP, 'taobao:item:11', 'taobao:item:22']);
    expect(request.targets[0]!.metrics).toEqual(expect.arrayContaining(['visitors', 'payAmount', 'conversionRate', 'uvValue', 'aov', 'ctr']));
    // An item's visitors may be read as 商品访客数 (itemVisitors) or plain 访客数 in a per-item table.
    expect([...request.targets[1]!.metrics].sort()).toEqual(['buyers', 'conversionRate', 'itemVisitors', 'payAmount', 'units', 'visitors']);
  });

  it('asks for a listing’s stored figures, and nothing for the page when it has no entity', () => {
    const listing = capture({
      pageKind: 'listing',
      period: null,
      listing: { itemId: '55', title: '杯子' },
    });
    expect(historyRequestOf(listing, 'taobao:item:55').targets[0]!.metrics).toEqual(expect.arrayContaining(['price', 'sales', 'reviews', 'stock']));
    expect(historyRequestOf(listing, undefined).targets).toEqual([]);
  });
});

describe('observationsForDiagnosis', () => {
  let db: ShopLensDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => {
    db.close();
  });

  function recordReads(target: ShopLensDb) {
    const reads: { table: string; index: string | null }[] = [];
    target.use({
      stack: 'dbcore',
      name: 'read-recorder',
      create(down) {
        return {
          ...down,
          table(name) {
            const table = down.table(name);
            const note = (req: DBCoreQueryRequest | DBCoreOpenCursorRequest) => reads.push({ table: name, index: req.query.index.name });
            return {
              ...table,
              query(req) {
                note(req);
                return table.query(req);
              },
              openCursor(req) {
                note(req);
                return table.openCursor(req);
              },
            };
          },
        };
      },
    });
    return reads;
  }

  const row = (entity: string, metric: string, day: string, value = 1) => observationRow(entity, metric, `${day}T01:00:00.000Z`, day, value);

  it('returns the rows of the asked entities and metrics within the days, both ends included', async () => {
    await seed(db, {
      observations: [
        row(SHOP, 'visitors', '2026-09-25'), // before the range
        row(SHOP, 'visitors', '2026-09-26'),
        row(SHOP, 'visitors', '2026-11-21'),
        row(SHOP, 'visitors', '2026-11-22'), // after the capture's day
        row(SHOP, 'payAmount', '2026-11-20'),
        row(SHOP, 'buyers', '2026-11-20'), // not asked
        row('taobao:shop:other', 'visitors', '2026-11-20'),
        row('taobao:item:11', 'units', '2026-11-20'),
      ],
    });
    const rows = await observationsForDiagnosis(db, {
      targets: [
        { entityKey: SHOP, metrics: ['visitors', 'payAmount'] },
        { entityKey: 'taobao:item:11', metrics: ['units'] },
      ],
      fromDay: '2026-09-26',
      toDay: '2026-11-21',
    });
    expect(rows.map((r) => `${r.entityKey} ${r.metric} ${r.day}`).sort()).toEqual(
      [`${SHOP} payAmount 2026-11-20`, `${SHOP} visitors 2026-09-26`, `${SHOP} visitors 2026-11-21`, 'taobao:item:11 units 2026-11-20'].sort(),
    );
  });

  it('walks the [entityKey+metric+day] index only, one range per pair', async () => {
    // The recorder must be in place before the database opens.
    const reads = recordReads(db);
    await seed(db, { observations: [row(SHOP, 'visitors', '2026-11-20')] });
    reads.length = 0;
    await observationsForDiagnosis(db, {
      targets: [{ entityKey: SHOP, metrics: ['visitors', 'payAmount', 'buyers'] }],
      fromDay: '2026-09-26',
      toDay: '2026-11-21',
    });
    expect(reads).toEqual(Array.from({ length: 3 }, () => ({ table: 'observations', index: '[entityKey+metric+day]' })));
  });

  it('reads nothing for an empty request', async () => {
    const reads = recordReads(db);
    expect(await observationsForDiagnosis(db, { targets: [], fromDay: '2026-09-26', toDay: '2026-11-21' })).toEqual([]);
    expect(reads).toEqual([]);
  });
});
