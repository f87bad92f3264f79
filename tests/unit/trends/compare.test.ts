import { describe, expect, it } from 'vitest';
import { compareItems, indexSeries, periodOverPeriod, shiftSeries } from '../../../lib/trends/compare';
import { seriesFromObservations, type TrendSeries } from '../../../lib/trends/series';
import { daily, day, ITEM, obs, SHOP, sevenDays } from './helpers';

const priceSeries = (key: string, values: [number, number][], metric = 'price'): TrendSeries =>
  seriesFromObservations(values.map(([d, v]) => obs(key, metric, { day: day(d), value: v })))!;

describe('indexSeries', () => {
  it('puts the first exact point at 100 and scales the rest', () => {
    const indexed = indexSeries(priceSeries(ITEM, [[0, 200], [1, 150], [3, 250]]))!;
    expect(indexed.unit).toBe('index');
    expect(indexed.points.map((p) => p.value)).toEqual([100, 75, 125]);
    expect(indexed.gaps).toEqual([{ from: day(2), to: day(2) }]);
  });

  it('never takes a lower bound as the base; the bound stays a bound', () => {
    const series = seriesFromObservations([
      obs(ITEM, 'sales', { day: day(0), value: 10000, bound: 'atLeast' }),
      obs(ITEM, 'sales', { day: day(1), value: 8000 }),
      obs(ITEM, 'sales', { day: day(2), value: 20000, bound: 'atLeast' }),
    ])!;
    const indexed = indexSeries(series)!;
    expect(indexed.points.map((p) => [p.value, p.bound])).toEqual([
      [125, 'atLeast'],
      [100, 'exact'],
      [250, 'atLeast'],
    ]);
  });

  it.each([
    ['only lower bounds', [obs(ITEM, 'sales', { day: day(0), value: 10000, bound: 'atLeast' })]],
    ['a zero base', [obs(ITEM, 'sales', { day: day(0), value: 0 }), obs(ITEM, 'sales', { day: day(1), value: 5 })]],
  ])('cannot index %s', (_name, rows) => {
    expect(indexSeries(seriesFromObservations(rows)!)).toBeUndefined();
  });
});

describe('periodOverPeriod', () => {
  it('compares daily averages over observed days; unobserved days are not zeros', () => {
    // Previous window day 0..6: days 0..6 observed at 100; current window day 7..13: only 3 days, at 120.
    const rows = [
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => obs(SHOP, 'visitors', { day: day(d), value: 100, periodKey: daily(day(d)) })),
      ...[8, 10, 13].map((d) => obs(SHOP, 'visitors', { day: day(d), value: 120, periodKey: daily(day(d)) })),
    ];
    const result = periodOverPeriod(seriesFromObservations(rows)!, 7)!;
    expect(result.aggregate).toBe('dailyAverage');
    expect(result.current).toMatchObject({ from: day(7), to: day(13), value: 120, observedDays: 3, days: 7 });
    expect(result.previous).toMatchObject({ from: day(0), to: day(6), value: 100, observedDays: 7 });
    expect(result.change).toBeCloseTo(0.2, 10);
    // The previous week laid over this one for a chart.
    expect(result.previousShifted.points.map((p) => p.day)).toEqual([7, 8, 9, 10, 11, 12, 13].map(day));
  });

  it('uses the platform 7-day totals when the series is one', () => {
    const rows = [6, 9, 13].map((d, i) => obs(SHOP, 'payAmount', { day: day(d), value: [7000, 7100, 8400][i]!, periodKey: sevenDays(day(d)), unit: 'yuan' }));
    const result = periodOverPeriod(seriesFromObservations(rows)!, 7)!;
    expect(result.aggregate).toBe('periodTotal');
    expect(result.current.value).toBe(8400);
    expect(result.previous.value).toBe(7000);
    expect(result.change).toBeCloseTo(0.2, 10);
  });

  it('gives no change when the previous window was not observed', () => {
    const rows = [12, 13].map((d) => obs(SHOP, 'visitors', { day: day(d), value: 10, periodKey: daily(day(d)) }));
    const result = periodOverPeriod(seriesFromObservations(rows)!, 7)!;
    expect(result.previous.value).toBeNull();
    expect(result.change).toBeNull();
  });

  it('gives no change between lower bounds', () => {
    const rows = [0, 7].map((d) => obs(ITEM, 'sales', { day: day(d), value: 10000, bound: 'atLeast' }));
    const result = periodOverPeriod(seriesFromObservations(rows)!, 7)!;
    expect(result.current.bound).toBe('atLeast');
    expect(result.change).toBeNull();
  });

  it('has no 7-day windows for monthly figures', () => {
    const rows = [obs(SHOP, 'payAmount', { day: '2026-10-31', value: 1, periodKey: '自然月|2026-10-01|2026-10-31', unit: 'yuan' })];
    expect(periodOverPeriod(seriesFromObservations(rows)!, 7)).toBeUndefined();
  });
});

describe('shiftSeries', () => {
  it('moves days and keeps gaps', () => {
    const shifted = shiftSeries(priceSeries(ITEM, [[0, 1], [2, 2]]), 7);
    expect(shifted.points.map((p) => p.day)).toEqual([day(7), day(9)]);
    expect(shifted.gaps).toEqual([{ from: day(8), to: day(8) }]);
  });
});

describe('compareItems', () => {
  const own = priceSeries(ITEM, [[0, 100], [1, 96]]);
  const rival = priceSeries('taobao:item:2002', [[0, 90], [1, 99]]);
  const cheap = priceSeries('taobao:item:3003', [[1, 80]]);

  it('keeps units when they agree and compares the latest exact prices', () => {
    const result = compareItems(own, [rival, cheap]);
    expect(result.indexed).toBe(false);
    expect(result.lines.map((l) => [l.entityKey, l.role])).toEqual([
      [ITEM, 'own'],
      ['taobao:item:2002', 'competitor'],
      ['taobao:item:3003', 'competitor'],
    ]);
    expect(result.latest.map((l) => [l.entityKey, l.difference])).toEqual([
      ['taobao:item:2002', 3],
      ['taobao:item:3003', -16],
    ]);
    expect(result.latest[1]!.ratio).toBeCloseTo(80 / 96 - 1, 10);
  });

  it('indexes the lines when units differ, and does not compare values across units', () => {
    const sales = priceSeries('taobao:item:2002', [[0, 500], [1, 600]], 'sales');
    const result = compareItems(own, [sales]);
    expect(result.indexed).toBe(true);
    expect(result.unit).toBe('index');
    expect(result.lines[1]!.series.points.map((p) => p.value)).toEqual([100, 120]);
    expect(result.latest[0]).toMatchObject({ difference: null, ratio: null });
  });

  it('does not compare a lower bound as if exact', () => {
    const bounded = seriesFromObservations([obs('taobao:item:2002', 'sales', { day: day(1), value: 10000, bound: 'atLeast' })])!;
    const ownSales = priceSeries(ITEM, [[1, 8000]], 'sales');
    expect(compareItems(ownSales, [bounded]).latest[0]).toMatchObject({ value: 10000, bound: 'atLeast', difference: null });
  });
});

describe('compareItems across price kinds', () => {
  it('draws a competitor’s other price kind but never gives a difference between two kinds', () => {
    const own = seriesFromObservations([obs(ITEM, 'price', { day: day(1), value: 96, priceKind: 'coupon' })])!;
    const sameKind = seriesFromObservations([obs('taobao:item:2002', 'price', { day: day(1), value: 99, priceKind: 'coupon' })])!;
    const listPrice = seriesFromObservations([obs('taobao:item:3003', 'price', { day: day(1), value: 120, priceKind: 'list' })])!;
    const result = compareItems(own, [sameKind, listPrice]);
    expect(result.lines).toHaveLength(3);
    expect(result.latest.map((l) => [l.entityKey, l.difference])).toEqual([
      ['taobao:item:2002', 3],
      ['taobao:item:3003', null],
    ]);
  });
});
