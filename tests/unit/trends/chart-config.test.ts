/**
 * The chart configuration as data (jsdom has no canvas; real drawing is checked in the browser
 * tests): points, gaps, flags, decimation, axes.
 */
import type { ScriptableContext, ScriptableLineSegmentContext } from 'chart.js';
import { describe, expect, it } from 'vitest';
import {
  buildTrendChartConfig,
  DECIMATION_SAMPLES,
  DECIMATION_THRESHOLD,
  isFlagged,
  linePoints,
  pointStyleOf,
  type ChartPoint,
} from '../../../components/trends/chartConfig';
import { chartPointsOf, dayToEpochMs } from '../../../lib/trends/chart-points';
import { seriesFromObservations, type TrendSeries } from '../../../lib/trends/series';
import { day, ITEM, obs } from './helpers';

function series(days: number[], extra: (d: number) => Partial<Parameters<typeof obs>[2]> = () => ({})): TrendSeries {
  return seriesFromObservations(days.map((d) => obs(ITEM, 'sales', { day: day(d), value: 100 + d, ...extra(d) })))!;
}

/** The dataset's segment dash function (typed loosely by chart.js). */
const segmentDash = (set: { segment?: unknown }) => (set.segment as { borderDash: (ctx: ScriptableLineSegmentContext) => number[] | undefined }).borderDash;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('chartPointsOf', () => {
  it('gives {x: local midnight, y} sorted, with a null point opening each gap', () => {
    const points = chartPointsOf(series([0, 1, 4, 6]));
    expect(points.map((p) => [p.day, p.y])).toEqual([
      [day(0), 100],
      [day(1), 101],
      [day(2), null],
      [day(4), 104],
      [day(5), null],
      [day(6), 106],
    ]);
    expect(points[0]!.x).toBe(new Date(2026, 10, 1).getTime());
    expect(dayToEpochMs('2026-03-09')).toBe(new Date(2026, 2, 9).getTime());
    for (let i = 1; i < points.length; i++) expect(points[i]!.x).toBeGreaterThan(points[i - 1]!.x);
  });
});

describe('buildTrendChartConfig', () => {
  const config = buildTrendChartConfig({ lines: [{ id: ITEM, label: '销量', series: series([0, 1, 3]) }], unit: 'count', lang: 'zh' });
  const dataset = config.data.datasets[0]!;

  it('uses pre-parsed, normalised points, no animation, a time axis, and no line across gaps', () => {
    expect(config.type).toBe('line');
    expect(config.options?.animation).toBe(false);
    expect(config.options?.parsing).toBe(false);
    expect(config.options?.normalized).toBe(true);
    expect(dataset).toMatchObject({ parsing: false, normalized: true, spanGaps: false });
    expect(config.options?.spanGaps).toBe(false);
    expect(config.options?.scales?.x?.type).toBe('time');
    expect(config.options?.scales?.y?.type).toBe('linear');
    expect(dataset.data.map((p) => p.y)).toEqual([100, 101, null, 103]);
  });

  it('formats the y axis like the rest of the panel', () => {
    const callback = config.options?.scales?.y?.ticks?.callback as (value: number) => string;
    expect(callback.call(undefined as never, 120000)).toBe('12万');
  });

  const styleAt = (point: ChartPoint) => (dataset.pointStyle as (ctx: ScriptableContext<'line'>) => string)({ raw: point } as ScriptableContext<'line'>);
  const radiusAt = (point: ChartPoint) => (dataset.pointRadius as (ctx: ScriptableContext<'line'>) => number)({ raw: point } as ScriptableContext<'line'>);

  it.each([
    [{ x: 0, y: 1, day: 'd', bound: 'exact', estimated: false }, 'circle', false],
    [{ x: 0, y: 1, day: 'd', bound: 'atLeast', estimated: false }, 'triangle', true],
    [{ x: 0, y: 1, day: 'd', bound: 'exact', estimated: true }, 'rectRot', true],
    [{ x: 0, y: null, day: 'd' }, 'circle', false],
  ] as const)('draws %j as %s (flagged %s)', (point, style, flagged) => {
    expect(pointStyleOf(point)).toBe(style);
    expect(styleAt(point)).toBe(style);
    expect(isFlagged(point)).toBe(flagged);
    expect(radiusAt(point)).toBe(flagged ? 4 : 2.5);
  });

  it('dashes a segment that touches a lower bound, and only those', () => {
    const mixed = buildTrendChartConfig({
      lines: [{ id: ITEM, label: '销量', series: series([0, 1, 2], (d) => (d === 1 ? { bound: 'atLeast' } : {})) }],
      unit: 'count',
      lang: 'en',
    });
    const set = mixed.data.datasets[0]!;
    const dash = (p0: number, p1: number) => segmentDash(set)({ p0DataIndex: p0, p1DataIndex: p1, datasetIndex: 0 } as ScriptableLineSegmentContext);
    expect(dash(0, 1)).toEqual([5, 4]);
    expect(dash(1, 2)).toEqual([5, 4]);
    const exact = buildTrendChartConfig({ lines: [{ id: ITEM, label: 'x', series: series([0, 1]) }], unit: 'count', lang: 'en' }).data.datasets[0]!;
    expect(segmentDash(exact)({ p0DataIndex: 0, p1DataIndex: 1, datasetIndex: 0 } as ScriptableLineSegmentContext)).toBeUndefined();
  });

  it('lets chart.js decimate (LTTB) a long line without gaps', () => {
    const long = buildTrendChartConfig({ lines: [{ id: ITEM, label: 'x', series: series(range(3650)) }], unit: 'count', lang: 'en' });
    expect(long.options?.plugins?.decimation).toMatchObject({ enabled: true, algorithm: 'lttb', samples: DECIMATION_SAMPLES, threshold: DECIMATION_THRESHOLD });
    expect(long.data.datasets[0]!.data).toHaveLength(3650);
  });

  it('decimates a long line with gaps itself, keeping every gap, and keeps the plugin off', () => {
    const days = range(4000).filter((d) => d % 97 !== 50); // a day missing every 97
    const input = series(days);
    const gapped = buildTrendChartConfig({ lines: [{ id: ITEM, label: 'x', series: input }], unit: 'count', lang: 'en' });
    expect(gapped.options?.plugins?.decimation).toMatchObject({ enabled: false });
    const data = gapped.data.datasets[0]!.data;
    expect(data.length).toBeLessThan(DECIMATION_SAMPLES + input.gaps.length + 10);
    expect(data.filter((p) => p.y === null)).toHaveLength(input.gaps.length);
  });

  it('shows a legend only when several lines share the chart', () => {
    expect(config.options?.plugins?.legend?.display).toBe(false);
    const two = buildTrendChartConfig({
      lines: [
        { id: 'a', label: 'a', series: series([0]) },
        { id: 'b', label: 'b', series: series([1]) },
      ],
      unit: 'count',
      lang: 'en',
    });
    expect(two.options?.plugins?.legend?.display).toBe(true);
    expect(two.data.datasets.map((d) => d.borderColor)).toEqual(['#0f766e', '#b45309']);
  });

  it('linePoints leaves short lines whole', () => {
    const { points, pluginDecimation } = linePoints([{ id: 'a', label: 'a', series: series([0, 2]) }]);
    expect(pluginDecimation).toBe(false);
    expect(points[0]).toHaveLength(3);
  });
});
