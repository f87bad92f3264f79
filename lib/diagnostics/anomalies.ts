/**
 * Anomalies: a figure far from the entity's own history for the same kind of period.
 *
 * Rules (thresholds in ANOMALY_RULES, pinned by tests/unit/diagnostics/anomalies.test.ts)
 * - Only figures of the same period kind are compared (lib/diagnostics/period.ts): a day with
 *   days, a 7-day total with 7-day totals, a month with months. Running periods (实时, 今日)
 *   and periods of unknown length are never compared.
 * - History is one value per day (the latest capture of that day), exact values only: lower
 *   bounds and ranges are not values. The current capture's own rows are not history.
 * - A single day is compared with three baselines, each by median and MAD (robust z):
 *   the trailing 28 days (required, at least `minTrailing` days of it), the trailing 7 days and
 *   the same weekday of earlier weeks (each used when it has enough points). The figure is
 *   unusual only when it is unusual against every baseline available, in the same direction:
 *   a Sunday dip that every Sunday shows is not news, nor is a level the last week already
 *   reached.
 * - A multi-day total or a month is compared with earlier periods of its length that do not
 *   overlap it or each other (overlapping 7-day windows share six days and would agree with
 *   anything), at least `minPeriods` of them.
 * - The spread has a floor (`relativeScaleFloor` of the median, and √median for counts, their
 *   Poisson noise) so a perfectly flat history does not make every wobble unusual, and the
 *   change must also be material (`minRelativeChange`).
 * - Severity: a change the bad way is a warning, critical from `criticalRelativeChange`; the good
 *   way is `good`; metrics with no better direction (ad spend) are `info`.
 */
import type { Unit } from '../capture/schema';
import type { ObservationRow } from '../db/schema';
import type { MetricValue } from './derive';
import { actionsFor, both, directionOf, figureOf, finding, fmt, fmtGap, metricName, subjectId } from './findings';
import { isoDayNumber, periodCompareKey, periodKindOfKey, type PeriodKind } from './period';
import { robustBaseline, robustZ, type RobustBaseline } from './stats';
import type { Evidence, EvidenceFigure, Finding, Localized, Severity } from './types';

export const ANOMALY_RULES = {
  zThreshold: 3.5,
  minRelativeChange: 0.2,
  criticalRelativeChange: 0.5,
  relativeScaleFloor: 0.05,
  trailingDays: 28,
  minTrailing: 7,
  recentDays: 7,
  minRecent: 5,
  sameWeekdayWeeks: 8,
  minSameWeekday: 3,
  maxPeriods: 8,
  minPeriods: 4,
  /** Months are spaced at least this many days apart to count as separate. */
  monthSpacingDays: 28,
} as const;

export interface SeriesPoint {
  day: string;
  value: number;
}

/**
 * One entity's history of one metric for one period kind, one value per day (the latest
 * capture that day), strictly before `beforeDay`, exact single values only.
 */
export function comparableHistory(
  rows: readonly ObservationRow[],
  entityKey: string,
  metric: string,
  compareKey: string,
  beforeDay: string,
  excludeCapturedAt?: string,
): SeriesPoint[] {
  const latestByDay = new Map<string, ObservationRow>();
  for (const row of rows) {
    if (row.entityKey !== entityKey || row.metric !== metric) continue;
    if (row.capturedAt === excludeCapturedAt || !(row.day < beforeDay)) continue;
    if (row.bound !== 'exact' || row.max !== undefined || !Number.isFinite(row.value)) continue;
    if (periodCompareKey(periodKindOfKey(row.periodKey)) !== compareKey) continue;
    const seen = latestByDay.get(row.day);
    if (!seen || row.capturedAt > seen.capturedAt) latestByDay.set(row.day, row);
  }
  return [...latestByDay.values()].map((row) => ({ day: row.day, value: row.value })).sort((a, b) => (a.day < b.day ? -1 : 1));
}

export type BaselineName = 'trailing28' | 'trailing7' | 'sameWeekday' | 'previousPeriods';

export interface BaselineCheck {
  name: BaselineName;
  baseline: RobustBaseline;
  z: number;
  relativeChange: number;
}

export interface AnomalyResult {
  /** The baseline the finding quotes: trailing 28 days for a day, earlier periods otherwise. */
  primary: BaselineCheck;
  checks: BaselineCheck[];
  /** The weakest evidence across baselines (smallest |z|, smallest |change|), signed. */
  z: number;
  relativeChange: number;
}

function scaleFloor(medianValue: number, unit: Unit): number {
  const relative = ANOMALY_RULES.relativeScaleFloor * Math.abs(medianValue);
  return unit === 'count' ? Math.max(relative, Math.sqrt(Math.abs(medianValue))) : relative;
}

function check(name: BaselineName, value: number, points: readonly SeriesPoint[], unit: Unit): BaselineCheck {
  const values = points.map((p) => p.value);
  const provisional = robustBaseline(values, 0);
  const baseline = robustBaseline(values, scaleFloor(provisional.median, unit));
  const relativeChange =
    baseline.median === 0 ? (value === 0 ? 0 : Math.sign(value) * Infinity) : (value - baseline.median) / Math.abs(baseline.median);
  return { name, baseline, z: robustZ(value, baseline), relativeChange };
}

/** Earlier periods of `spacing` days that overlap neither the current one nor each other, latest first. */
function nonOverlapping(points: readonly SeriesPoint[], currentDay: number, spacing: number): SeriesPoint[] {
  const chosen: SeriesPoint[] = [];
  let limit = currentDay - spacing;
  for (const point of [...points].reverse()) {
    const day = isoDayNumber(point.day);
    if (day > limit) continue;
    chosen.push(point);
    limit = day - spacing;
    if (chosen.length >= ANOMALY_RULES.maxPeriods) break;
  }
  return chosen;
}

/** The baselines a figure can be compared with, or undefined when the history is too short. */
export function baselinesFor(value: number, unit: Unit, kind: PeriodKind, currentDay: string, history: readonly SeriesPoint[]): BaselineCheck[] | undefined {
  const today = isoDayNumber(currentDay);
  if (kind.kind === 'days' && kind.days === 1) {
    const within = (days: number) => history.filter((p) => today - isoDayNumber(p.day) <= days);
    const trailing = within(ANOMALY_RULES.trailingDays);
    if (trailing.length < ANOMALY_RULES.minTrailing) return undefined;
    const checks = [check('trailing28', value, trailing, unit)];
    const recent = within(ANOMALY_RULES.recentDays);
    if (recent.length >= ANOMALY_RULES.minRecent) checks.push(check('trailing7', value, recent, unit));
    const sameWeekday = history.filter((p) => {
      const back = today - isoDayNumber(p.day);
      return back % 7 === 0 && back <= 7 * ANOMALY_RULES.sameWeekdayWeeks;
    });
    if (sameWeekday.length >= ANOMALY_RULES.minSameWeekday) checks.push(check('sameWeekday', value, sameWeekday, unit));
    return checks;
  }
  const spacing = kind.kind === 'days' ? kind.days : kind.kind === 'month' ? ANOMALY_RULES.monthSpacingDays : undefined;
  if (spacing === undefined) return undefined;
  const periods = nonOverlapping(history, today, spacing);
  if (periods.length < ANOMALY_RULES.minPeriods) return undefined;
  return [check('previousPeriods', value, periods, unit)];
}

/** Whether the figure is unusual against every baseline, in one direction. */
export function detectAnomaly(value: number, unit: Unit, kind: PeriodKind, currentDay: string, history: readonly SeriesPoint[]): AnomalyResult | undefined {
  const checks = baselinesFor(value, unit, kind, currentDay, history);
  if (!checks) return undefined;
  const sign = Math.sign(checks[0]!.z);
  if (sign === 0) return undefined;
  for (const c of checks) {
    if (Math.sign(c.z) !== sign || Math.abs(c.z) < ANOMALY_RULES.zThreshold) return undefined;
    if (Math.abs(c.relativeChange) < ANOMALY_RULES.minRelativeChange) return undefined;
  }
  const weakestZ = checks.reduce((a, c) => (Math.abs(c.z) < Math.abs(a) ? c.z : a), checks[0]!.z);
  const weakestChange = checks.reduce(
    (a, c) => (Math.abs(c.relativeChange) < Math.abs(a) ? c.relativeChange : a),
    checks[0]!.relativeChange,
  );
  return { primary: checks[0]!, checks, z: weakestZ, relativeChange: weakestChange };
}

const BASELINE_LABELS: Record<BaselineName, Localized> = {
  trailing28: { zh: '近28天中位数', en: '28-day median' },
  trailing7: { zh: '近7天中位数', en: '7-day median' },
  sameWeekday: { zh: '往周同一天中位数', en: 'median of the same weekday' },
  previousPeriods: { zh: '此前同长度周期中位数', en: 'median of earlier periods of the same length' },
};

function severityFor(metric: string, relativeChange: number): Severity {
  const direction = directionOf(metric);
  if (!direction) return 'info';
  const worse = direction === 'higher' ? relativeChange < 0 : relativeChange > 0;
  if (!worse) return 'good';
  return Math.abs(relativeChange) >= ANOMALY_RULES.criticalRelativeChange ? 'critical' : 'warning';
}

export interface AnomalyTarget {
  value: MetricValue;
  entityKey: string;
  subject: Evidence['subject'];
}

export interface AnomalyContext {
  history: readonly ObservationRow[];
  periodKey: string;
  period: string | null;
  currentDay: string;
  capturedAt: string;
}

/** Anomaly findings for page figures (derived values have no stored history). */
export function anomalyFindings(targets: readonly AnomalyTarget[], context: AnomalyContext): Finding[] {
  const kind = periodKindOfKey(context.periodKey);
  const compareKey = periodCompareKey(kind);
  if (compareKey === null) return [];
  const findings: Finding[] = [];
  for (const { value, entityKey, subject } of targets) {
    if (value.source !== 'page' || value.bound !== 'exact' || value.max !== undefined) continue;
    const history = comparableHistory(context.history, entityKey, value.metric, compareKey, context.currentDay, context.capturedAt);
    const result = detectAnomaly(value.value, value.unit, kind, context.currentDay, history);
    if (!result) continue;
    const severity = severityFor(value.metric, result.relativeChange);
    const primary = result.primary;
    const details: EvidenceFigure[] = result.checks.slice(1).map((c) => ({
      label: BASELINE_LABELS[c.name],
      value: c.baseline.median,
      unit: value.unit,
      bound: 'exact',
      source: 'history',
    }));
    details.push({
      label: { zh: '历史天数', en: 'days of history' },
      value: history.length,
      unit: 'count',
      bound: 'exact',
      source: 'history',
    });
    details.push({
      label: { zh: '稳健 z 值（相对历史波动）', en: 'robust z-score (against usual spread)' },
      value: Number(result.z.toFixed(2)),
      unit: 'multiple',
      bound: 'exact',
      source: 'computed',
    });
    const evidence: Evidence = {
      subject,
      period: context.period,
      figure: figureOf(value),
      reference: {
        label: BASELINE_LABELS[primary.name],
        value: primary.baseline.median,
        unit: value.unit,
        source: 'history',
        confidence: 'medium',
      },
      gap: primary.relativeChange,
      details,
    };
    const name = metricName(value.metric);
    const down = primary.relativeChange < 0;
    const message = both((lang) => {
      const shown = fmt(value.value, value.unit, lang);
      const med = fmt(primary.baseline.median, value.unit, lang);
      const pct = fmtGap(primary.relativeChange);
      return lang === 'zh'
        ? `${name.zh} ${shown}，${down ? '骤降' : '骤升'}：比${BASELINE_LABELS[primary.name].zh} ${med} ${pct}，超出平时波动`
        : `${name.en} ${shown} ${down ? 'dropped' : 'jumped'}: ${pct} against its ${BASELINE_LABELS[primary.name].en} of ${med}, beyond its usual spread`;
    });
    const actions = severity === 'good' ? actionsFor(value.metric, 'better') : severity === 'info' ? [] : actionsFor(value.metric, 'worse');
    findings.push(
      finding({
        id: `anomaly:${subjectId(subject)}:${value.metric}`,
        metric: value.metric,
        kind: 'anomaly',
        severity,
        evidence,
        message,
        actions,
      }),
    );
  }
  return findings;
}
