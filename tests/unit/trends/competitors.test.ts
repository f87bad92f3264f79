import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import { competitorTable, sortCompetitors, type CompetitorRow } from '../../../lib/trends/competitors';
import { result, searchRow } from './helpers';

const ids = (rows: readonly CompetitorRow[]) => rows.map((r) => r.itemId);

describe('competitorTable', () => {
  const rows = [
    searchRow('2026-11-18T02:00:00.000Z', [result(1, 100, { itemId: 'a', sales: { value: 500, bound: 'exact' } }), result(2, 60, { itemId: 'b' })]),
    searchRow('2026-11-20T02:00:00.000Z', [
      result(1, 90, { itemId: 'a', sales: { value: 650, bound: 'exact' } }),
      result(2, null, { itemId: 'b' }),
      result(3, 70, { itemId: 'c', sales: { value: 10000, bound: 'atLeast' } }),
      result(4, 30, { itemId: undefined }),
    ]),
    // A later capture the same day wins for that day.
    searchRow('2026-11-20T08:00:00.000Z', [result(1, 95, { itemId: 'a', sales: { value: 700, bound: 'exact' } }), result(5, 65, { itemId: 'b' })]),
  ];
  const table = competitorTable(rows);
  const byId = new Map(table.rows.map((r) => [r.itemId, r]));

  it('lists every listing seen once, by item id, and counts results it cannot follow', () => {
    expect(ids(table.rows).sort()).toEqual(['a', 'b', 'c']);
    expect(table.unidentified).toBe(1);
  });

  it('gives the change since the listing was last seen on an earlier day', () => {
    const a = byId.get('a')!;
    expect(a).toMatchObject({ price: 95, previousPrice: 100, priceChange: -5, daysSeen: 2, firstDay: '2026-11-18', lastDay: '2026-11-20', salesChange: 200, rank: 1 });
    expect(a.priceChangeRatio).toBeCloseTo(-0.05, 10);
  });

  it('a listing first seen today has no change; a lower-bound sales figure has no sales change', () => {
    expect(byId.get('c')).toMatchObject({ priceChange: null, priceChangeRatio: null, salesChange: null, sales: { value: 10000, bound: 'atLeast' } });
  });

  it('keeps the day series of prices with gaps for the sparkline', () => {
    expect(byId.get('a')!.priceSeries.points.map((p) => [p.day, p.value])).toEqual([
      ['2026-11-18', 100],
      ['2026-11-20', 95],
    ]);
    expect(byId.get('a')!.priceSeries.gaps).toEqual([{ from: '2026-11-19', to: '2026-11-19' }]);
  });

  it('reads listing captures too (a category) and leaves out the page’s own item', () => {
    const listing = (itemId: string, price: number, capturedAt: string): Pick<import('../../../lib/db/schema').CaptureRow, 'id' | 'capture'> => {
      const capture: Capture = {
        platform: 'taobao',
        pageKind: 'listing',
        url: `https://item.taobao.com/item.htm?id=${itemId}`,
        capturedAt,
        adapter: { id: 'taobao/listing', version: 1 },
        period: null,
        metrics: [],
        listing: { itemId, title: `t${itemId}`, price: { min: price, kind: 'coupon' }, category: '连衣裙', shop: { name: '店' } },
        results: null,
        issues: [],
      };
      return { id: `taobao:item:${itemId}@${capturedAt}`, capture };
    };
    const category = competitorTable([listing('1', 10, '2026-11-20T01:00:00.000Z'), listing('2', 20, '2026-11-20T02:00:00.000Z')], ['1']);
    expect(ids(category.rows)).toEqual(['2']);
    expect(category.rows[0]).toMatchObject({ price: 20, priceKind: 'coupon', shop: '店' });
  });
});

describe('sortCompetitors', () => {
  const row = (itemId: string, price: number | null, ratio: number | null, sales?: number): CompetitorRow =>
    ({
      itemId,
      title: itemId,
      firstDay: '2026-11-01',
      lastDay: '2026-11-02',
      daysSeen: 1,
      price,
      sponsored: false,
      previousPrice: null,
      priceChange: null,
      priceChangeRatio: ratio,
      salesChange: null,
      ...(sales !== undefined ? { sales: { value: sales, bound: 'exact' as const } } : {}),
      priceSeries: { entityKey: itemId, metric: 'price', unit: 'yuan', group: 'snapshot', points: [], gaps: [], leftOut: [] },
    }) as CompetitorRow;
  const rows = [row('a', 30, 0.1, 5), row('b', null, -0.2), row('c', 10, null, 50), row('d', 20, 0, 1)];

  it.each([
    ['price', 'asc', ['c', 'd', 'a', 'b']],
    ['price', 'desc', ['a', 'd', 'c', 'b']],
    ['change', 'asc', ['b', 'd', 'a', 'c']],
    ['change', 'desc', ['a', 'd', 'b', 'c']],
    ['sales', 'desc', ['c', 'a', 'd', 'b']],
  ] as const)('by %s %s, rows without the figure last', (key, direction, expected) => {
    expect(ids(sortCompetitors(rows, key, direction))).toEqual(expected);
  });
});
