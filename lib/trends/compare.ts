/**
 * Comparisons between series: indexed lines, period over period, own item against chosen
 * competitors.
 *
 * Rules (pinned by tests/unit/trends/compare.test.ts)
 * - Indexed line: every value as 100 × value / base, the base being the first exact point (a
 *   lower bound or a range cannot be a base: the index of everything after it would be a guess).
 *   Points that were lower bounds stay lower bounds; ranges stay estimated.
 * - Period over period (this N days vs the previous N):
 *   - from a series of N-day totals (近7天): the platform's own total ending on the last day
 *     against the one ending N days earlier, when both were observed;
 *   - otherwise the average per observed day in each window. Summing days would be wrong for
 *     visitors or buyers (a visitor who came on two days is one 7-day visitor) and for rates,
 *     and a day never observed is unknown, not zero. Each side says how many of its N days were
 *     observed; with none observed there is no comparison.
 *   - a side that averages a lower bound is itself a lower bound; the change is then not given.
 * - Own vs competitors: the lines on one chart (indexed when units differ), and each
 *   competitor's latest value against the own item's latest, exact values of the same price
 *   kind only.
 */
import type { Bound, Unit } from '../capture/schema';
import { isoDayNumber, isoFromDayNumber } from '../diagnostics/period';
import { groupLengthDays } from './period-group';
import { gapsBetween, lastPoint, type TrendPoint, type TrendSeries } from './series';

export const INDEX_BASE = 100;

function isExact(point: TrendPoint): boolean {
  return point.bound === 'exact' && !point.estimated;
}

/** The series as an index (first exact point = 100), or undefined when no exact, non-zero base exists. */
export function indexSeries(series: TrendSeries): TrendSeries | undefined {
  const base = series.points.find(isExact);
  if (!base || base.value === 0) return undefined;
  const scale = INDEX_BASE / base.value;
  const points = series.points.map((point) => {
    const indexed: TrendPoint = { ...point, value: point.value * scale };
    if (point.max !== undefined) indexed.max = point.max * scale;
    return indexed;
  });
  return { ...series, unit: 'index', points };
}

/** The series moved by `days` (positive: later), to lay a previous period over the current one. */
export function shiftSeries(series: TrendSeries, days: number): TrendSeries {
  const points = series.points.map((point) => ({ ...point, day: isoFromDayNumber(isoDayNumber(point.day) + days) }));
  return { ...series, points, gaps: gapsBetween(points, series.group) };
}

export interface PeriodSide {
  /** First and last day of the window, both included. */
  from: string;
  to: string;
  /** The window's figure: the platform's total for the window, or the average per observed day. */
  value: number | null;
  bound: Bound;
  estimated: boolean;
  /** Days of the window with a figure (for a total: its length when observed, else 0). */
  observedDays: number;
  days: number;
}

export interface PeriodComparison {
  aggregate: 'periodTotal' | 'dailyAverage';
  current: PeriodSide;
  previous: PeriodSide;
  /** (current − previous) / previous; null when either side is missing, a bound, or previous is 0. */
  change: number | null;
  /** The previous window's points shifted onto the current window, for one chart. */
  previousShifted: TrendSeries;
}

function averageSide(points: readonly TrendPoint[], from: string, to: string, days: number): PeriodSide {
  const inside = points.filter((p) => p.day >= from && p.day <= to);
  if (inside.length === 0) return { from, to, value: null, bound: 'exact', estimated: false, observedDays: 0, days };
  const sum = inside.reduce((total, p) => total + p.value, 0);
  return {
    from,
    to,
    value: sum / inside.length,
    bound: inside.some((p) => p.bound === 'atLeast') ? 'atLeast' : 'exact',
    estimated: inside.some((p) => p.estimated),
    observedDays: inside.length,
    days,
  };
}

function totalSide(points: readonly TrendPoint[], from: string, to: string, days: number): PeriodSide {
  const point = points.find((p) => p.day === to);
  if (!point) return { from, to, value: null, bound: 'exact', estimated: false, observedDays: 0, days };
  return { from, to, value: point.value, bound: point.bound, estimated: point.estimated, observedDays: days, days };
}

function changeBetween(current: PeriodSide, previous: PeriodSide): number | null {
  if (current.value === null || previous.value === null || previous.value === 0) return null;
  if (current.bound !== 'exact' || previous.bound !== 'exact') return null;
  return (current.value - previous.value) / previous.value;
}

/**
 * This `days` days (ending on `endDay`, by default the series' last day) against the `days`
 * days before. Undefined for an empty series or a series of another period length than one
 * day or `days` days (a month series has no 7-day windows).
 */
export function periodOverPeriod(series: TrendSeries, days = 7, endDay?: string): PeriodComparison | undefined {
  const end = endDay ?? lastPoint(series)?.day;
  if (!end) return undefined;
  const length = groupLengthDays(series.group);
  const endNumber = isoDayNumber(end);
  const window = (offset: number) => ({
    from: isoFromDayNumber(endNumber - offset - days + 1),
    to: isoFromDayNumber(endNumber - offset),
  });
  const now = window(0);
  const before = window(days);
  let current: PeriodSide;
  let previous: PeriodSide;
  let aggregate: PeriodComparison['aggregate'];
  if (length === days && days > 1) {
    aggregate = 'periodTotal';
    current = totalSide(series.points, now.from, now.to, days);
    previous = totalSide(series.points, before.from, before.to, days);
  } else if (length === 1) {
    aggregate = 'dailyAverage';
    current = averageSide(series.points, now.from, now.to, days);
    previous = averageSide(series.points, before.from, before.to, days);
  } else {
    return undefined;
  }
  const previousPoints = series.points.filter((p) => p.day >= before.from && p.day <= before.to);
  const previousShifted = shiftSeries({ ...series, points: previousPoints, gaps: [] }, days);
  return { aggregate, current, previous, change: changeBetween(current, previous), previousShifted };
}

export interface ComparedLine {
  entityKey: string;
  role: 'own' | 'competitor';
  series: TrendSeries;
}

export interface LatestVersusOwn {
  entityKey: string;
  value: number;
  bound: Bound;
  /** competitor − own, in the metric's unit; null unless both are exact. */
  difference: number | null;
  /** competitor / own − 1; null unless both are exact and own is not 0. */
  ratio: number | null;
}

export interface ItemComparison {
  /** true when the lines are indexed (their units differ, or asked for). */
  indexed: boolean;
  unit: Unit;
  lines: ComparedLine[];
  latest: LatestVersusOwn[];
}

/**
 * The own item's series and chosen competitors' series of the same metric for one chart.
 * Lines that cannot be indexed (no exact base) are left out of an indexed chart.
 */
export function compareItems(own: TrendSeries, competitors: readonly TrendSeries[], options: { indexed?: boolean } = {}): ItemComparison {
  const indexed = options.indexed ?? competitors.some((c) => c.unit !== own.unit);
  const lines: ComparedLine[] = [];
  const add = (series: TrendSeries, role: ComparedLine['role']) => {
    const line = indexed ? indexSeries(series) : series;
    if (line) lines.push({ entityKey: series.entityKey, role, series: line });
  };
  add(own, 'own');
  for (const competitor of competitors) add(competitor, 'competitor');

  const ownLatest = lastPoint(own);
  const latest: LatestVersusOwn[] = [];
  for (const competitor of competitors) {
    const point = lastPoint(competitor);
    if (!point) continue;
    // A 券后 price against a list price is no difference between the items: same kind only.
    const comparable = ownLatest !== undefined && competitor.unit === own.unit && competitor.priceKind === own.priceKind && isExact(point) && isExact(ownLatest);
    latest.push({
      entityKey: competitor.entityKey,
      value: point.value,
      bound: point.bound,
      difference: comparable ? point.value - ownLatest.value : null,
      ratio: comparable && ownLatest.value !== 0 ? point.value / ownLatest.value - 1 : null,
    });
  }
  return { indexed, unit: indexed ? 'index' : own.unit, lines, latest };
}
