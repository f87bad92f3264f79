/**
 * Page health (lib/health/page-health.ts): fields read, fields missing and since when, from a
 * page's captures; and the query that feeds it (lib/db/queries.ts capturesOfPage).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture, CaptureIssue } from '../../../lib/capture/schema';
import { capturesOfPage } from '../../../lib/db/queries';
import type { ShopLensDb } from '../../../lib/db/schema';
import { pageKeyOf } from '../../../lib/db/store';
import { fieldsFound, pageHealth } from '../../../lib/health/page-health';
import { captureRow, DASHBOARD_URL, dashboardCapture, freshDb, ITEM_KEY, listingCapture, seed, SHOP_KEY } from '../db/seed-rows';

const at = (day: number, hour = 1) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A dashboard capture on day `day` reporting `missing` fields as issues. */
function dashboardOn(day: number, missing: string[] = [], overrides: Partial<Capture> = {}): Capture {
  const capture = dashboardCapture(at(day), overrides);
  const issues: CaptureIssue[] = missing.map((field) => ({ field, problem: `页面显示 "-"（${day}日）` }));
  return {
    ...capture,
    metrics: capture.metrics.filter((reading) => !missing.includes(`metrics.${reading.metric}`)),
    issues,
  };
}

describe('fieldsFound', () => {
  it('names a dashboard’s fields as adapters name them in issues', () => {
    expect(fieldsFound(dashboardCapture(at(22)))).toEqual(['period', 'shop', 'metrics.visitors', 'metrics.payAmount', 'metrics.conversionRate']);
  });

  it('names a listing’s parts, leaving out the ones it lacks', () => {
    const capture = listingCapture(at(22));
    expect(fieldsFound(capture)).toEqual([
      'listing.itemId',
      'listing.title',
      'listing.price',
      'listing.otherPrices',
      'listing.sales',
      'listing.reviews',
      'listing.shop',
      'listing.scores',
      'listing.stock',
      'listing.promotions',
    ]);
    const bare = listingCapture(at(22), { listing: { itemId: '1', title: '杯', promotions: [] } });
    expect(fieldsFound(bare)).toEqual(['listing.itemId', 'listing.title']);
  });

  it('names search results, item rows and the editor', () => {
    const capture: Capture = {
      ...dashboardCapture(at(22)),
      period: null,
      shop: undefined,
      metrics: [],
      results: [{ rank: 1, title: '杯', price: null }],
      items: [{ metrics: [] }],
      editor: { title: '杯', counter: { length: 2, limit: 60 } },
    };
    expect(fieldsFound(capture)).toEqual(['results', 'items', 'editor.title', 'editor.counter']);
  });
});

describe('pageHealth', () => {
  it('is undefined without captures', () => {
    expect(pageHealth([])).toBeUndefined();
  });

  it('names the adapter and time of the newest capture, with what it read', () => {
    const report = pageHealth([dashboardOn(22, [], { adapter: { id: 'taobao/sycm-home', version: 3 } }), dashboardOn(21)])!;
    expect(report.adapter).toEqual({ id: 'taobao/sycm-home', version: 3 });
    expect(report.capturedAt).toBe(at(22));
    expect(report.found).toContain('metrics.visitors');
    expect(report.missing).toEqual([]);
    expect(report.looked).toBe(2);
  });

  // Captures newest first; each row: the fields it reports missing.
  it.each<[string, string[][], { since: string; captures: number; atLeast: boolean; lastReadAt?: string }]>([
    ['missing today only, read yesterday', [['metrics.payAmount'], [], []], { since: at(22), captures: 1, atLeast: false, lastReadAt: at(21) }],
    ['missing for three captures, read before', [['metrics.payAmount'], ['metrics.payAmount'], ['metrics.payAmount'], []], { since: at(20), captures: 3, atLeast: false, lastReadAt: at(19) }],
    ['missing in every stored capture', [['metrics.payAmount'], ['metrics.payAmount']], { since: at(21), captures: 2, atLeast: true }],
    ['missing, then read, then missing again: counts the current run only', [['metrics.payAmount'], [], ['metrics.payAmount']], { since: at(22), captures: 1, atLeast: false, lastReadAt: at(21) }],
  ])('%s', (_name, rows, expected) => {
    const captures = rows.map((missing, index) => dashboardOn(22 - index, missing));
    const report = pageHealth(captures)!;
    expect(report.missing).toHaveLength(1);
    const { field, problem, ...rest } = report.missing[0]!;
    expect(field).toBe('metrics.payAmount');
    expect(problem).toBe('页面显示 "-"（22日）');
    expect(rest).toEqual(expected);
  });

  it('an older capture that neither read nor missed the field (an older adapter) ends the run without a "last read"', () => {
    const older = dashboardOn(20, [], { metrics: [] });
    const report = pageHealth([dashboardOn(22, ['metrics.payAmount']), older])!;
    expect(report.missing[0]).toMatchObject({ since: at(22), captures: 1, atLeast: false });
    expect(report.missing[0]!.lastReadAt).toBeUndefined();
  });

  it('lists each missing field once, in the newest capture’s order', () => {
    const capture = dashboardOn(22, ['period', 'metrics.payAmount']);
    capture.issues.push({ field: 'period', problem: 'again' });
    expect(pageHealth([capture])!.missing.map((m) => m.field)).toEqual(['period', 'metrics.payAmount']);
  });
});

describe('capturesOfPage', () => {
  let db: ShopLensDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => {
    db.close();
  });

  it('returns the page’s captures newest first, at most `limit`, and no other page’s', async () => {
    await seed(db, {
      captures: [
        captureRow(dashboardCapture(at(20)), SHOP_KEY),
        captureRow(dashboardCapture(at(22)), SHOP_KEY),
        captureRow(dashboardCapture(at(21)), SHOP_KEY),
        captureRow(listingCapture(at(23)), ITEM_KEY),
      ],
    });
    const pageKey = pageKeyOf(DASHBOARD_URL);
    expect((await capturesOfPage(db, pageKey, 10)).map((row) => row.capturedAt)).toEqual([at(22), at(21), at(20)]);
    expect((await capturesOfPage(db, pageKey, 2)).map((row) => row.capturedAt)).toEqual([at(22), at(21)]);
    expect(await capturesOfPage(db, 'sycm.taobao.com/nothing', 10)).toEqual([]);
  });

  it('walks the [pageKey+capturedAt] index, never the whole table', async () => {
    const indexes: (string | null)[] = [];
    db.use({
      stack: 'dbcore',
      name: 'index-recorder',
      create(down) {
        return {
          ...down,
          table(name) {
            const table = down.table(name);
            return {
              ...table,
              query(req) {
                indexes.push(req.query.index.name);
                return table.query(req);
              },
              openCursor(req) {
                indexes.push(req.query.index.name);
                return table.openCursor(req);
              },
            };
          },
        };
      },
    });
    await capturesOfPage(db, pageKeyOf(DASHBOARD_URL), 5);
    expect(indexes.length).toBeGreaterThan(0);
    expect(new Set(indexes)).toEqual(new Set(['[pageKey+capturedAt]']));
  });
});
