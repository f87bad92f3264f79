import { describe, expect, it } from 'vitest';
import { BOM, parseCsv } from '../../../lib/export/csv';
import { exportFileName, seriesCsv } from '../../../lib/trends/export';
import { seriesFromObservations } from '../../../lib/trends/series';
import { day, ITEM, obs } from './helpers';

const series = seriesFromObservations([
  obs(ITEM, 'price', { day: day(0), value: 143.5 }),
  obs(ITEM, 'price', { day: day(1), value: 0.1 + 0.2 }),
  obs(ITEM, 'price', { day: day(3), value: 1234567.891, max: 2000000 }),
  obs(ITEM, 'price', { day: day(4), value: 12999 }),
])!;
const sales = seriesFromObservations([
  obs(ITEM, 'sales', { day: day(0), value: 100000, bound: 'atLeast' }),
  obs(ITEM, 'sales', { day: day(1), value: 7500000, max: 10000000 }),
])!;

describe('seriesCsv', () => {
  it('round-trips every number exactly (never 万-shortened or rounded) and every day', () => {
    const text = seriesCsv(series, 'zh');
    const { rows, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    const [header, ...body] = rows.map((r) => r.fields);
    expect(header).toEqual(['日期', '指标', '数值', '上限', '单位', '说明', '读取时间']);
    expect(body.map((f) => [f[0], Number(f[2])])).toEqual(series.points.map((p) => [p.day, p.value]));
    expect(body.map((f) => (f[3] === '' ? undefined : Number(f[3])))).toEqual(series.points.map((p) => p.max));
  });

  it('starts with a BOM and ends rows in CRLF (Excel opens Chinese correctly)', () => {
    const text = seriesCsv(series, 'en');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('\r\n');
    expect(parseCsv(text).rows[0]!.fields[0]).toBe('Day');
  });

  it('says which values are lower bounds or estimates', () => {
    const notes = parseCsv(seriesCsv(sales, 'en')).rows.slice(1).map((r) => r.fields[5]);
    expect(notes).toEqual(['lower bound', 'estimate']);
  });

  it('names the price kind in the figure column: a 券后 series never reads as the list price', () => {
    const coupon = seriesFromObservations([obs(ITEM, 'price', { day: day(0), value: 143.5, priceKind: 'coupon' })])!;
    expect(parseCsv(seriesCsv(coupon, 'zh')).rows[1]!.fields[1]).toBe('价格（券后价口径）');
    expect(parseCsv(seriesCsv(coupon, 'en')).rows[1]!.fields[1]).toBe('Price · After coupon');
    const unknown = seriesFromObservations([obs(ITEM, 'price', { day: day(0), value: 143.5 })])!;
    expect(parseCsv(seriesCsv(unknown, 'en')).rows[1]!.fields[1]).toBe('Price · kind not known');
    expect(parseCsv(seriesCsv(sales, 'zh')).rows[1]!.fields[1]).toBe('销量');
  });

  it('has a header and no rows for a series without points', () => {
    expect(parseCsv(seriesCsv({ ...series, points: [], gaps: [] }, 'zh')).rows).toHaveLength(1);
  });
});

describe('exportFileName', () => {
  it.each([
    ['taobao:item:617129397971', 'price', 'csv', '2026-11-21', 'shoplens-taobao-item-617129397971-price-2026-11-21.csv'],
    ['taobao:keyword:连衣裙 夏', 'medianPrice', 'png', undefined, 'shoplens-taobao-keyword-连衣裙-夏-medianPrice.png'],
    ['taobao:keyword:../../etc', 'x', 'csv', undefined, 'shoplens-taobao-keyword-etc-x.csv'],
  ] as const)('%s %s → %s', (key, metric, ext, d, expected) => {
    expect(exportFileName(key, metric, ext, d)).toBe(expected);
  });
});
