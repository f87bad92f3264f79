import { describe, expect, it } from 'vitest';
import { coveredFrom, periodGroupOfKey } from '../../../lib/trends/period-group';
import { clipSeries, leftOutOf, periodGroupsOf, priceKindsOf, seriesEntries, seriesFromObservations, seriesPerPriceKind } from '../../../lib/trends/series';
import { daily, day, ITEM, obs, SHOP, sevenDays } from './helpers';

describe('periodGroupOfKey', () => {
  it.each([
    ['', 'snapshot'],
    ['昨日|2026-11-21|2026-11-21', 'days:1'],
    ['2026-11-21|2026-11-21|2026-11-21', 'days:1'],
    ['近7天|2026-11-15|2026-11-21', 'days:7'],
    ['近7天||', 'days:7'],
    ['自然周|2026-11-16|2026-11-22', 'days:7'],
    ['近30天|2026-10-23|2026-11-21', 'days:30'],
    ['自然月|2026-10-01|2026-10-31', 'month'],
    ['实时||', 'partial'],
    ['今日|2026-11-22|2026-11-22', 'partial'],
    // The label says 7 days, the dates 8: the length is unknown, and it shares a series only with its own label.
    ['近7天|2026-11-14|2026-11-21', 'unknown:近7天'],
    ['活动期||', 'unknown:活动期'],
  ])('%j → %s', (key, group) => {
    expect(periodGroupOfKey(key)).toBe(group);
  });

  it.each([
    ['2026-11-21', 'days:1', '2026-11-21'],
    ['2026-11-21', 'days:7', '2026-11-15'],
    ['2026-11-30', 'month', '2026-11-01'],
    ['2026-11-21', 'snapshot', '2026-11-21'],
  ])('a %s point of %s covers from %s', (d, group, from) => {
    expect(coveredFrom(d, group)).toBe(from);
  });
});

describe('seriesFromObservations', () => {
  it('keeps one point per day: the latest capture of that day', () => {
    const series = seriesFromObservations([
      obs(ITEM, 'price', { day: day(0), value: 159, at: `${day(0)}T01:00:00.000Z` }),
      obs(ITEM, 'price', { day: day(0), value: 149, at: `${day(0)}T09:00:00.000Z` }),
      obs(ITEM, 'price', { day: day(0), value: 155, at: `${day(0)}T05:00:00.000Z` }),
      obs(ITEM, 'price', { day: day(1), value: 143.5 }),
    ])!;
    expect(series.points.map((p) => [p.day, p.value])).toEqual([
      [day(0), 149],
      [day(1), 143.5],
    ]);
    expect(series.points[0]!.capturedAt).toBe(`${day(0)}T09:00:00.000Z`);
  });

  it('sorts by day whatever the row order', () => {
    const series = seriesFromObservations([day(3), day(0), day(2)].map((d, i) => obs(ITEM, 'price', { day: d, value: i + 1 })))!;
    expect(series.points.map((p) => p.day)).toEqual([day(0), day(2), day(3)]);
  });

  it('never mixes a 7-day total into a daily series, and says what it left out', () => {
    const rows = [
      ...[0, 1, 2, 3].map((d) => obs(SHOP, 'visitors', { day: day(d), value: 1000 + d, periodKey: daily(day(d)) })),
      obs(SHOP, 'visitors', { day: day(3), value: 7400, periodKey: sevenDays(day(3)), at: `${day(4)}T03:00:00.000Z` }),
      obs(SHOP, 'visitors', { day: day(4), value: 380, periodKey: '实时||', at: `${day(4)}T04:00:00.000Z` }),
    ];
    const series = seriesFromObservations(rows)!;
    expect(series.group).toBe('days:1');
    expect(series.points.map((p) => p.value)).toEqual([1000, 1001, 1002, 1003]);
    expect(series.leftOut).toEqual(
      expect.arrayContaining([
        { group: 'days:7', unit: 'count', count: 1 },
        { group: 'partial', unit: 'count', count: 1 },
      ]),
    );

    const weekly = seriesFromObservations(rows, { group: 'days:7' })!;
    expect(weekly.points.map((p) => p.value)).toEqual([7400]);
  });

  it('defaults to the group observed on most days', () => {
    const rows = [
      obs(SHOP, 'payAmount', { day: day(0), value: 1, periodKey: daily(day(0)), unit: 'yuan' }),
      ...[1, 2, 3].map((d) => obs(SHOP, 'payAmount', { day: day(d), value: 70 + d, periodKey: sevenDays(day(d)), unit: 'yuan' })),
    ];
    expect(seriesFromObservations(rows)!.group).toBe('days:7');
    expect(periodGroupsOf(rows).map((g) => [g.group, g.days])).toEqual([
      ['days:7', 3],
      ['days:1', 1],
    ]);
  });

  it('keeps one unit: the newest; figures in another unit are left out, not converted', () => {
    const series = seriesFromObservations([
      obs(SHOP, 'tradeIndex', { day: day(0), value: 5000, unit: 'index' }),
      obs(SHOP, 'tradeIndex', { day: day(1), value: 120000, unit: 'yuan' }),
      obs(SHOP, 'tradeIndex', { day: day(2), value: 5200, unit: 'index' }),
    ])!;
    expect(series.unit).toBe('index');
    expect(series.points.map((p) => p.value)).toEqual([5000, 5200]);
    expect(series.leftOut).toEqual([{ group: 'snapshot', unit: 'yuan', count: 1 }]);
  });

  it('lists unobserved days as gaps and never invents a value for them', () => {
    const series = seriesFromObservations([0, 1, 4, 5, 9].map((d) => obs(ITEM, 'price', { day: day(d), value: 100 + d })))!;
    expect(series.points).toHaveLength(5);
    expect(series.gaps).toEqual([
      { from: day(2), to: day(3) },
      { from: day(6), to: day(8) },
    ]);
    expect(seriesEntries(series).map((e) => (e.kind === 'point' ? e.point.day : `gap ${e.gap.from}..${e.gap.to}`))).toEqual([
      day(0),
      day(1),
      `gap ${day(2)}..${day(3)}`,
      day(4),
      day(5),
      `gap ${day(6)}..${day(8)}`,
      day(9),
    ]);
  });

  it('7-day windows that touch or overlap leave no gap; windows apart do', () => {
    const rows = [6, 13, 14, 28].map((d) => obs(SHOP, 'payAmount', { day: day(d), value: d, periodKey: sevenDays(day(d)), unit: 'yuan' }));
    const series = seriesFromObservations(rows)!;
    // day(14)'s window ends day(14); day(28)'s starts day(22): days 15..21 are covered by nothing.
    expect(series.gaps).toEqual([{ from: day(15), to: day(21) }]);
  });

  it('flags lower bounds and ranges; a price range is an exact lowest price', () => {
    const series = seriesFromObservations([
      obs(ITEM, 'sales', { day: day(0), value: 100000, bound: 'atLeast' }),
      obs(ITEM, 'sales', { day: day(1), value: 7261 }),
      obs(ITEM, 'sales', { day: day(2), value: 7500000, max: 10000000 }),
    ])!;
    expect(series.points.map((p) => [p.bound, p.estimated])).toEqual([
      ['atLeast', false],
      ['exact', false],
      ['exact', true],
    ]);
    const price = seriesFromObservations([obs(ITEM, 'price', { day: day(0), value: 19.9, max: 29.9 })])!;
    expect(price.points[0]).toMatchObject({ value: 19.9, max: 29.9, estimated: false });
  });

  it('is undefined without rows', () => {
    expect(seriesFromObservations([])).toBeUndefined();
  });

  it('clips to a range of days and recomputes the gaps inside it', () => {
    const series = seriesFromObservations([0, 3, 5, 6].map((d) => obs(ITEM, 'price', { day: day(d), value: d })))!;
    const clipped = clipSeries(series, day(3), day(6));
    expect(clipped.points.map((p) => p.day)).toEqual([day(3), day(5), day(6)]);
    expect(clipped.gaps).toEqual([{ from: day(4), to: day(4) }]);
  });
});

describe('price kinds', () => {
  // A listing that showed its 券后 price on some days and its list price on others.
  const mixed = [
    obs(ITEM, 'price', { day: day(0), value: 143.5, priceKind: 'coupon' }),
    obs(ITEM, 'price', { day: day(1), value: 175.5, priceKind: 'list' }),
    obs(ITEM, 'price', { day: day(2), value: 139, priceKind: 'coupon' }),
    obs(ITEM, 'price', { day: day(3), value: 169, priceKind: 'list' }),
    obs(ITEM, 'price', { day: day(3), value: 129, priceKind: 'coupon', at: `${day(3)}T01:00:00.000Z` }),
    obs(ITEM, 'price', { day: day(4), value: 150 }),
  ];

  it('a price series holds one kind: the newest row’s by default, the others left out and counted', () => {
    const series = seriesFromObservations(mixed)!;
    // day(4)'s row has no kind (stored before kinds were kept): it is the newest, and alone.
    expect(series.priceKind).toBe('unknown');
    expect(series.points.map((p) => p.value)).toEqual([150]);
    expect(series.leftOut).toEqual(
      expect.arrayContaining([
        { group: 'snapshot', unit: 'yuan', priceKind: 'coupon', count: 3 },
        { group: 'snapshot', unit: 'yuan', priceKind: 'list', count: 2 },
      ]),
    );
    const coupon = seriesFromObservations(mixed, { priceKind: 'coupon' })!;
    expect(coupon.points.map((p) => [p.day, p.value])).toEqual([
      [day(0), 143.5],
      [day(2), 139],
      [day(3), 129],
    ]);
    // day(1) had no 券后 price: a gap, not a point borrowed from the list price.
    expect(coupon.gaps).toEqual([{ from: day(1), to: day(1) }]);
  });

  it('one series per kind, the newest kind first; no point ever in two of them', () => {
    const lines = seriesPerPriceKind(mixed);
    expect(lines.map((s) => s.priceKind)).toEqual(['unknown', 'list', 'coupon']);
    const values = lines.flatMap((s) => s.points.map((p) => `${s.priceKind}:${p.day}:${p.value}`));
    expect(values.sort()).toEqual(
      [`coupon:${day(0)}:143.5`, `coupon:${day(2)}:139`, `coupon:${day(3)}:129`, `list:${day(1)}:175.5`, `list:${day(3)}:169`, `unknown:${day(4)}:150`].sort(),
    );
    // Each kind's rows are drawn by a line of their own: nothing counts as left out.
    for (const s of lines) expect(leftOutOf(s, lines)).toBe(0);
    expect(leftOutOf(lines[0]!, [lines[0]!])).toBe(5);
  });

  it('lists kinds newest first with their observed days', () => {
    expect(priceKindsOf(mixed).map((k) => [k.priceKind, k.days])).toEqual([
      ['unknown', 1],
      ['list', 2],
      ['coupon', 3],
    ]);
  });

  it('figures that are not prices have no kind and one series', () => {
    const sales = [0, 1].map((d) => obs(ITEM, 'sales', { day: day(d), value: 10 + d }));
    expect(priceKindsOf(sales)).toEqual([]);
    const lines = seriesPerPriceKind(sales);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.priceKind).toBeUndefined();
    expect(lines[0]!.leftOut).toEqual([]);
    expect(seriesPerPriceKind([])).toEqual([]);
  });

  it('a price row of another kind is never the newest point of a kind-fixed series', () => {
    const rows = [obs(ITEM, 'price', { day: day(0), value: 10, priceKind: 'shown' }), obs(ITEM, 'price', { day: day(0), value: 8, priceKind: 'coupon', at: `${day(0)}T09:00:00.000Z` })];
    expect(seriesFromObservations(rows, { priceKind: 'shown' })!.points.map((p) => p.value)).toEqual([10]);
    expect(seriesFromObservations(rows)!.points.map((p) => p.value)).toEqual([8]);
    expect(seriesFromObservations(rows, { priceKind: 'member' })).toBeUndefined();
  });
});
