import { describe, expect, it } from 'vitest';
import { distinctResults, marketSeries, marketSnapshot, niceStep, priceBands, quantile } from '../../../lib/trends/market';
import { result, searchRow } from './helpers';

describe('quantile', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3], 0.5, 2],
    [[10], 0.25, 10],
    [[1, 2, 3, 4, 5], 0.25, 2],
  ])('%j at %d is %d', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });
  it('is undefined for no values', () => expect(quantile([], 0.5)).toBeUndefined());
});

describe('niceStep', () => {
  it.each([
    [7, 10],
    [18, 20],
    [22, 25],
    [40, 50],
    [0.3, 0.5],
    [100, 100],
  ])('%d → %d', (raw, step) => expect(niceStep(raw)).toBe(step));
});

describe('priceBands', () => {
  it('covers the sample with round, equal bands; the maximum falls in the last band', () => {
    const bands = priceBands([19.9, 29, 39, 45, 59, 99, 100]);
    expect(bands[0]!.from).toBeLessThanOrEqual(19.9);
    expect(bands[bands.length - 1]!.to).toBeGreaterThanOrEqual(100);
    expect(bands.reduce((sum, b) => sum + b.count, 0)).toBe(7);
    const widths = new Set(bands.map((b) => +(b.to - b.from).toFixed(6)));
    expect(widths.size).toBe(1);
    // 100 on an edge belongs to the band that ends there, not to a new one.
    expect(bands[bands.length - 1]!.to).toBe(100);
  });

  it('one price is one band', () => {
    expect(priceBands([49, 49])).toEqual([{ from: 49, to: 49, count: 2 }]);
  });
});

describe('marketSnapshot', () => {
  it('counts each listing once and leaves unreadable prices out of the price figures', () => {
    const snapshot = marketSnapshot([
      result(1, 100, { sponsored: true }),
      result(2, 50),
      result(3, null),
      result(4, 80),
      result(5, 100, { itemId: 'i1', sponsored: false }), // the ad's organic twin
      result(6, 120),
    ]);
    expect(snapshot.listings).toBe(5);
    expect(snapshot.priced).toBe(4);
    expect(snapshot.sponsored).toBe(1);
    expect(snapshot.medianPrice).toBe(90); // 50, 80, 100, 120
    expect(snapshot.minPrice).toBe(50);
    expect(snapshot.maxPrice).toBe(120);
    expect(snapshot.top.map((t) => t.rank)).toEqual([1, 2, 3, 4, 6]);
    expect(snapshot.top[2]!.price).toBeNull();
  });

  it('has no price figures when no price was read (never a median of zeros)', () => {
    const snapshot = marketSnapshot([result(1, null), result(2, null)]);
    expect(snapshot.medianPrice).toBeUndefined();
    expect(snapshot.bands).toEqual([]);
  });

  it('keeps results without an item id apart by title', () => {
    expect(distinctResults([result(1, 1, { itemId: undefined }), result(2, 2, { itemId: undefined, title: '商品1' })])).toHaveLength(1);
  });
});

describe('marketSeries', () => {
  it('one estimated point per day, the latest capture of the day', () => {
    const rows = [
      searchRow('2026-11-20T02:00:00.000Z', [result(1, 10), result(2, 20), result(3, 30)]),
      searchRow('2026-11-20T09:00:00.000Z', [result(1, 12), result(2, 22), result(3, 32)]),
      searchRow('2026-11-22T02:00:00.000Z', [result(1, 40), result(2, 50)]),
      searchRow('2026-11-23T02:00:00.000Z', [result(1, null)]),
    ];
    const series = marketSeries(rows, 'taobao:keyword:连衣裙', 'medianPrice');
    expect(series.points.map((p) => [p.day, p.value, p.estimated])).toEqual([
      ['2026-11-20', 22, true],
      ['2026-11-22', 45, true],
    ]);
    expect(series.gaps).toEqual([{ from: '2026-11-21', to: '2026-11-21' }]);
    expect(series.unit).toBe('yuan');
  });
});
