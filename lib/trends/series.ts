/**
 * Time series from stored observations: one point per day, gaps for days never observed.
 *
 * Rules (pinned by tests/unit/trends/series.test.ts)
 * - A series holds figures of one period group only (./period-group.ts): a listing's price as
 *   seen (snapshot), a shop's daily figures, its 7-day totals, its months. A 7-day total is
 *   never a point of a daily series, nor a running day (实时, 今日) a point of finished days.
 * - One unit only: the unit of the newest observation; rows in another unit are left out and
 *   counted, never converted.
 * - One point per day: the latest capture of that day (a later read of 昨日 carries the
 *   platform's corrections, a later read of a listing its newer price).
 * - A day never observed is a gap, never interpolated: the series lists each run of unobserved
 *   days, and the chart breaks its line there.
 * - A lower bound (`10万+`) keeps `bound: 'atLeast'`; a range (`750万 ~ 1000万`) keeps its
 *   upper end and is `estimated` (its value is the lower end). A price range is the spread of
 *   SKU prices, each exact: the series is the lowest price, not an estimate.
 * - One price kind only: a listing's 券后 price and its list price are different figures, even
 *   when the page shows one on Monday and the other on Tuesday. A price series holds one kind
 *   (by default the newest one's); the others are left out and counted, and
 *   `seriesPerPriceKind` gives one series per kind, for one labelled line each. Price rows
 *   without a kind (a backend report's price column; a row stored before database version 3
 *   whose capture is gone) are the kind 'unknown', never joined to a known one.
 */
import type { Bound, Price, Unit } from '../capture/schema';
import type { ObservationRow } from '../db/schema';
import { isoDayNumber, isoFromDayNumber } from '../diagnostics/period';
import { coveredFrom, periodGroupOfKey, type PeriodGroup } from './period-group';

export interface TrendPoint {
  /** ISO date the figure is about. */
  day: string;
  /** The figure; the lower end of a range; the bound of a lower bound. */
  value: number;
  /** Upper end of a range (or of a price's SKU spread). */
  max?: number;
  bound: Bound;
  /** Not an exact reading: a range's lower end, or a figure derived from a sample. */
  estimated: boolean;
  capturedAt: string;
  captureId: string;
}

/** A run of days, both ends included, that no point covers. */
export interface TrendGap {
  from: string;
  to: string;
}

/** A price series' kind: the listing price kind, or 'unknown' for a price row stored without one. */
export type SeriesPriceKind = Price['kind'] | 'unknown';

export interface LeftOut {
  group: PeriodGroup;
  unit: Unit;
  /** Price series only: the kind of the rows left out. */
  priceKind?: SeriesPriceKind;
  count: number;
}

export interface TrendSeries {
  entityKey: string;
  metric: string;
  unit: Unit;
  group: PeriodGroup;
  /** Price series only: the one price kind its points are. */
  priceKind?: SeriesPriceKind;
  /** Observed days, oldest first, one per day. */
  points: TrendPoint[];
  gaps: TrendGap[];
  /** Observations of this entity and metric not in the series: another period group, unit or price kind. */
  leftOut: LeftOut[];
}

/** Metrics whose `max` is a spread of exact values (a price from ¥19.9 to ¥29.9 over SKUs). */
export const SPREAD_METRICS: ReadonlySet<string> = new Set(['price']);

/** Metrics whose rows carry a price kind (lib/db/schema.ts ObservationRow.priceKind). */
export const PRICE_KIND_METRICS: ReadonlySet<string> = new Set(['price']);

/** The price kind of a row: undefined for a figure that is not a price, 'unknown' for a price stored without one. */
export function priceKindOfRow(row: Pick<ObservationRow, 'metric' | 'priceKind'>): SeriesPriceKind | undefined {
  if (!PRICE_KIND_METRICS.has(row.metric)) return undefined;
  return row.priceKind ?? 'unknown';
}

/** The point a stored observation gives. */
export function pointOf(row: ObservationRow, estimated = false): TrendPoint {
  const point: TrendPoint = {
    day: row.day,
    value: row.value,
    bound: row.bound,
    estimated: estimated || (row.max !== undefined && !SPREAD_METRICS.has(row.metric)),
    capturedAt: row.capturedAt,
    captureId: row.captureId,
  };
  if (row.max !== undefined) point.max = row.max;
  return point;
}

export interface PeriodGroupCount {
  group: PeriodGroup;
  /** Distinct days observed in this group. */
  days: number;
  /** Day of the newest observation. */
  lastDay: string;
  lastCapturedAt: string;
}

function newer(a: { day: string; capturedAt: string }, b: { day: string; capturedAt: string }): boolean {
  return a.day > b.day || (a.day === b.day && a.capturedAt > b.capturedAt);
}

/** The period groups the rows hold, most observed days first (ties: the most recent first). */
export function periodGroupsOf(rows: readonly ObservationRow[]): PeriodGroupCount[] {
  const byGroup = new Map<PeriodGroup, { days: Set<string>; last: ObservationRow }>();
  for (const row of rows) {
    const group = periodGroupOfKey(row.periodKey);
    const entry = byGroup.get(group);
    if (!entry) byGroup.set(group, { days: new Set([row.day]), last: row });
    else {
      entry.days.add(row.day);
      if (newer(row, entry.last)) entry.last = row;
    }
  }
  return [...byGroup.entries()]
    .map(([group, { days, last }]) => ({ group, days: days.size, lastDay: last.day, lastCapturedAt: last.capturedAt }))
    .sort((a, b) => b.days - a.days || (newer({ day: a.lastDay, capturedAt: a.lastCapturedAt }, { day: b.lastDay, capturedAt: b.lastCapturedAt }) ? -1 : 1));
}

/**
 * Runs of unobserved days between consecutive points. Each point covers its period (one day,
 * seven days ending on its day, its month); a gap is a run of days no period covers.
 */
export function gapsBetween(points: readonly Pick<TrendPoint, 'day'>[], group: PeriodGroup): TrendGap[] {
  const gaps: TrendGap[] = [];
  for (let i = 1; i < points.length; i++) {
    const previousEnd = isoDayNumber(points[i - 1]!.day);
    const nextStart = isoDayNumber(coveredFrom(points[i]!.day, group));
    if (nextStart > previousEnd + 1) gaps.push({ from: isoFromDayNumber(previousEnd + 1), to: isoFromDayNumber(nextStart - 1) });
  }
  return gaps;
}

export interface SeriesOptions {
  /** The period group to draw; by default the one with the most observed days. */
  group?: PeriodGroup;
  /** A price series' kind; by default the newest row's (of the group). */
  priceKind?: SeriesPriceKind;
  /** Flag every point as estimated (figures derived from a sample). */
  estimated?: boolean;
}

export interface PriceKindCount {
  priceKind: SeriesPriceKind;
  /** Distinct days observed with this kind. */
  days: number;
  lastDay: string;
  lastCapturedAt: string;
}

/** The price kinds of the rows (of one period group when given), the newest first; empty for figures that are not prices. */
export function priceKindsOf(rows: readonly ObservationRow[], group?: PeriodGroup): PriceKindCount[] {
  const byKind = new Map<SeriesPriceKind, { days: Set<string>; last: ObservationRow }>();
  for (const row of rows) {
    const kind = priceKindOfRow(row);
    if (kind === undefined || (group !== undefined && periodGroupOfKey(row.periodKey) !== group)) continue;
    const entry = byKind.get(kind);
    if (!entry) byKind.set(kind, { days: new Set([row.day]), last: row });
    else {
      entry.days.add(row.day);
      if (newer(row, entry.last)) entry.last = row;
    }
  }
  return [...byKind.entries()]
    .map(([priceKind, { days, last }]) => ({ priceKind, days: days.size, lastDay: last.day, lastCapturedAt: last.capturedAt }))
    .sort((a, b) => (newer({ day: a.lastDay, capturedAt: a.lastCapturedAt }, { day: b.lastDay, capturedAt: b.lastCapturedAt }) ? -1 : 1));
}

/**
 * The series of one entity's metric from its observations (any order; typically the rows of
 * `[entityKey+metric+day]` for one key). Empty rows give undefined.
 */
export function seriesFromObservations(rows: readonly ObservationRow[], options: SeriesOptions = {}): TrendSeries | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const group = options.group ?? periodGroupsOf(rows)[0]!.group;

  let newest: ObservationRow | undefined;
  for (const row of rows) {
    if (periodGroupOfKey(row.periodKey) !== group) continue;
    if (options.priceKind !== undefined && priceKindOfRow(row) !== options.priceKind) continue;
    if (!newest || newer(row, newest)) newest = row;
  }
  if (!newest) return undefined;
  const unit = newest.unit;
  const priceKind = priceKindOfRow(newest);

  const byDay = new Map<string, ObservationRow>();
  const leftOut = new Map<string, LeftOut>();
  for (const row of rows) {
    const rowGroup = periodGroupOfKey(row.periodKey);
    const rowKind = priceKindOfRow(row);
    if (rowGroup !== group || row.unit !== unit || rowKind !== priceKind) {
      const key = `${rowGroup}\u0000${row.unit}\u0000${rowKind ?? ''}`;
      const entry = leftOut.get(key);
      if (entry) entry.count++;
      else leftOut.set(key, { group: rowGroup, unit: row.unit, ...(rowKind !== undefined ? { priceKind: rowKind } : {}), count: 1 });
      continue;
    }
    const kept = byDay.get(row.day);
    if (!kept || row.capturedAt > kept.capturedAt) byDay.set(row.day, row);
  }

  const points = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)).map((row) => pointOf(row, options.estimated));
  return {
    entityKey: first.entityKey,
    metric: first.metric,
    unit,
    group,
    ...(priceKind !== undefined ? { priceKind } : {}),
    points,
    gaps: gapsBetween(points, group),
    leftOut: [...leftOut.values()],
  };
}

/**
 * One series per price kind of the rows' period group (the newest kind first), for one labelled
 * line per kind; for a figure that is not a price, its one series. Empty rows give [].
 */
export function seriesPerPriceKind(rows: readonly ObservationRow[], options: Omit<SeriesOptions, 'priceKind'> = {}): TrendSeries[] {
  if (rows.length === 0) return [];
  const group = options.group ?? periodGroupsOf(rows)[0]!.group;
  const kinds = priceKindsOf(rows, group);
  if (kinds.length === 0) {
    const series = seriesFromObservations(rows, { ...options, group });
    return series ? [series] : [];
  }
  return kinds.flatMap(({ priceKind }) => seriesFromObservations(rows, { ...options, group, priceKind }) ?? []);
}

/** Left-out rows that are not in any of `drawn` (another period group or unit, or a kind no line shows). */
export function leftOutOf(series: TrendSeries, drawn: readonly TrendSeries[]): number {
  let count = 0;
  for (const entry of series.leftOut) {
    const shown = drawn.some((line) => line.group === entry.group && line.unit === entry.unit && line.priceKind === entry.priceKind);
    if (!shown) count += entry.count;
  }
  return count;
}

/** A series built from points of any source (market figures, comparisons): sorted, one per day, gaps. */
export function seriesFromPoints(
  base: Pick<TrendSeries, 'entityKey' | 'metric' | 'unit' | 'group'>,
  points: readonly TrendPoint[],
): TrendSeries {
  const byDay = new Map<string, TrendPoint>();
  for (const point of points) {
    const kept = byDay.get(point.day);
    if (!kept || point.capturedAt > kept.capturedAt) byDay.set(point.day, point);
  }
  const sorted = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  return { ...base, points: sorted, gaps: gapsBetween(sorted, base.group), leftOut: [] };
}

/** The series between two days, both included (ISO dates; either may be omitted). */
export function clipSeries(series: TrendSeries, from?: string, to?: string): TrendSeries {
  const points = series.points.filter((p) => (from === undefined || p.day >= from) && (to === undefined || p.day <= to));
  return { ...series, points, gaps: gapsBetween(points, series.group) };
}

/** The newest point, or undefined for an empty series. */
export function lastPoint(series: TrendSeries | undefined): TrendPoint | undefined {
  return series?.points[series.points.length - 1];
}

/** A series' observed days and its gaps in day order, for a textual list of the series. */
export type SeriesEntry = { kind: 'point'; point: TrendPoint } | { kind: 'gap'; gap: TrendGap };

export function seriesEntries(series: TrendSeries): SeriesEntry[] {
  const entries: SeriesEntry[] = [];
  let g = 0;
  for (const point of series.points) {
    while (g < series.gaps.length && series.gaps[g]!.to < point.day) entries.push({ kind: 'gap', gap: series.gaps[g++]! });
    entries.push({ kind: 'point', point });
  }
  return entries;
}
