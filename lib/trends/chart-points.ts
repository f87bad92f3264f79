/**
 * Series as chart points: `{x: epoch ms, y}` sorted by x, with one `y: null` point at the start
 * of every gap so a line with `spanGaps: false` breaks there instead of joining days never
 * observed. A day is placed at local midnight: the chart's time axis formats in the
 * operator's time zone, and a day placed at UTC midnight would show as the day before west of
 * Greenwich.
 */
import type { Bound } from '../capture/schema';
import type { TrendSeries } from './series';

export interface ChartPoint {
  x: number;
  y: number | null;
  /** ISO date, also on gap markers (the gap's first day). */
  day: string;
  bound?: Bound;
  estimated?: boolean;
  max?: number;
}

/** Local midnight of an ISO date, as epoch ms. */
export function dayToEpochMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

export function chartPointsOf(series: TrendSeries): ChartPoint[] {
  const points: ChartPoint[] = series.points.map((p) => {
    const point: ChartPoint = { x: dayToEpochMs(p.day), y: p.value, day: p.day, bound: p.bound, estimated: p.estimated };
    if (p.max !== undefined) point.max = p.max;
    return point;
  });
  for (const gap of series.gaps) points.push({ x: dayToEpochMs(gap.from), y: null, day: gap.from });
  return points.sort((a, b) => a.x - b.x);
}
