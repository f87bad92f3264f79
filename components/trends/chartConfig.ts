/**
 * Chart.js configurations for trend lines, as plain data (unit-tested without a canvas:
 * tests/unit/trends/chart-config.test.ts). Only types come from chart.js here; the runtime parts
 * are registered in ./chartRuntime.ts.
 *
 * - Points are `{x: epoch ms, y}` sorted by x, `parsing: false`, `normalized: true`,
 *   `animation: false`, on a time axis (chartjs-adapter-date-fns).
 * - Days never observed are gaps: a `y: null` point starts each gap and `spanGaps: false` breaks
 *   the line there; nothing is interpolated.
 * - Lower bounds (`10万+`) are triangles and estimates diamonds, and a segment touching either is
 *   dashed, so a line never looks exact where the figures were not.
 * - Long lines are decimated (LTTB) to about DECIMATION_SAMPLES points. Chart.js's decimation
 *   plugin reads a gap marker as 0, so it is used only when no line has a gap; otherwise each
 *   line is decimated run by run beforehand (lib/trends/decimate.ts), keeping every gap.
 */
import type { ChartConfiguration, ChartDataset, ScriptableContext, ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import type { Unit } from '../../lib/capture/schema';
import type { Lang } from '../../lib/i18n';
import { formatValue, formatValueExact } from '../../lib/i18n/format';
import { chartPointsOf, type ChartPoint } from '../../lib/trends/chart-points';
import { decimateKeepingGaps } from '../../lib/trends/decimate';
import type { TrendSeries } from '../../lib/trends/series';

export type { ChartPoint };

/** Lines longer than this are decimated. */
export const DECIMATION_THRESHOLD = 400;
/** Points a decimated line keeps (about one per pixel of a side-panel-wide chart). */
export const DECIMATION_SAMPLES = 300;
/** Above this many points per line, plain points are not drawn (flagged points still are). */
export const DENSE_POINTS = 60;

export const LINE_COLOURS = ['#0f766e', '#b45309', '#7c3aed', '#be123c', '#2563eb', '#4d7c0f', '#57534e'] as const;

export interface ChartLine {
  /** Stable id (entity key, `previous` …). */
  id: string;
  label: string;
  series: TrendSeries;
  /** A comparison line drawn lighter (the previous period). */
  muted?: boolean;
}

export interface TrendChartInput {
  lines: readonly ChartLine[];
  /** Unit of the y axis (all lines share it; compare different units as an index). */
  unit: Unit;
  lang: Lang;
  /** Words after a lower-bound or estimated value in a tooltip. */
  flagWords?: { atLeast: string; estimated: string };
}

export type TrendChartConfig = ChartConfiguration<'line', ChartPoint[]>;

/** A point drawn differently from an exact reading. */
export function isFlagged(point: ChartPoint | undefined): boolean {
  return point !== undefined && point.y !== null && (point.bound === 'atLeast' || point.estimated === true);
}

export function pointStyleOf(point: ChartPoint | undefined): 'circle' | 'triangle' | 'rectRot' {
  if (point?.bound === 'atLeast') return 'triangle';
  if (point?.estimated) return 'rectRot';
  return 'circle';
}

/** The points of each line, decimated when long; shared by the config and the tests. */
export function linePoints(lines: readonly ChartLine[]): { points: ChartPoint[][]; pluginDecimation: boolean } {
  const raw = lines.map((line) => chartPointsOf(line.series));
  const anyGap = raw.some((points) => points.some((p) => p.y === null));
  if (!anyGap) return { points: raw, pluginDecimation: true };
  return { points: raw.map((points) => (points.length > DECIMATION_THRESHOLD ? decimateKeepingGaps(points, DECIMATION_SAMPLES) : points)), pluginDecimation: false };
}

/** The data a scriptable option sees: after the decimation plugin, the chart's decimated array. */
function pointAt(ctx: { chart?: unknown; datasetIndex: number }, index: number, fallback: readonly ChartPoint[]): ChartPoint | undefined {
  const chart = ctx.chart as { data?: { datasets?: { data?: ChartPoint[] }[] } } | undefined;
  const data = chart?.data?.datasets?.[ctx.datasetIndex]?.data ?? fallback;
  return data[index];
}

function dataset(line: ChartLine, points: ChartPoint[], index: number): ChartDataset<'line', ChartPoint[]> {
  const colour = LINE_COLOURS[index % LINE_COLOURS.length]!;
  const observed = line.series.points.length;
  const dense = observed > DENSE_POINTS;
  return {
    label: line.label,
    data: points,
    parsing: false,
    normalized: true,
    spanGaps: false,
    borderColor: line.muted ? `${colour}80` : colour,
    backgroundColor: colour,
    borderWidth: line.muted ? 1.5 : 2,
    tension: 0,
    pointStyle: (ctx: ScriptableContext<'line'>) => pointStyleOf(ctx.raw as ChartPoint | undefined),
    pointRadius: (ctx: ScriptableContext<'line'>) => {
      const point = ctx.raw as ChartPoint | undefined;
      if (isFlagged(point)) return 4;
      // A lone day between gaps has no line through it: it must show as a point.
      return dense ? 0 : 2.5;
    },
    pointHoverRadius: 5,
    segment: {
      borderDash: (ctx: ScriptableLineSegmentContext) =>
        isFlagged(pointAt(ctx, ctx.p0DataIndex, points)) || isFlagged(pointAt(ctx, ctx.p1DataIndex, points)) ? [5, 4] : undefined,
    },
  };
}

export function buildTrendChartConfig(input: TrendChartInput): TrendChartConfig {
  const { unit, lang } = input;
  const { points, pluginDecimation } = linePoints(input.lines);
  const words = input.flagWords;
  return {
    type: 'line',
    data: { datasets: input.lines.map((line, i) => dataset(line, points[i]!, i)) },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      spanGaps: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'time',
          time: {
            tooltipFormat: 'yyyy-MM-dd',
            minUnit: 'day',
            displayFormats: { day: 'MM-dd', week: 'MM-dd', month: 'yyyy-MM', quarter: 'yyyy-MM', year: 'yyyy' },
          },
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 6 },
        },
        y: {
          type: 'linear',
          ticks: { maxTicksLimit: 5, callback: (value) => formatValue(Number(value), unit, lang) },
        },
      },
      plugins: {
        decimation: { enabled: pluginDecimation, algorithm: 'lttb', samples: DECIMATION_SAMPLES, threshold: DECIMATION_THRESHOLD },
        legend: { display: input.lines.length > 1, labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const point = item.raw as ChartPoint;
              if (point.y === null) return '';
              const options: { bound?: 'exact' | 'atLeast'; max?: number } = {};
              if (point.bound) options.bound = point.bound;
              if (point.max !== undefined) options.max = point.max;
              let text = `${item.dataset.label ?? ''}: ${formatValueExact(point.y, unit, lang, options)}`;
              if (words && point.bound === 'atLeast') text += ` (${words.atLeast})`;
              else if (words && point.estimated) text += ` (${words.estimated})`;
              return text;
            },
          },
        },
      },
    },
  };
}
