/**
 * Which stored history the engine needs for one capture: the (entity, metric) pairs and the
 * days to read. The side panel and the background both load history with it
 * (lib/db/queries.ts `observationsForDiagnosis`), so they always diagnose from the same rows,
 * and neither reads more than the rules can use:
 *
 * - the page's entity: every metric the page shows, plus the ratios the engine derives (a
 *   derived conversion rate is compared with the conversion rates earlier pages showed), plus a
 *   listing's stored figures;
 * - each report row's item: the figures watched for anomalies and its units sold (stock cover);
 * - days: from far enough back for the longest baseline of the capture's period kind (eight
 *   same weekdays for a day, eight earlier non-overlapping periods for a longer one) up to the
 *   capture's own day.
 *
 * Pure: no database here.
 */
import type { Capture } from '../capture/schema';
import { dayOf } from '../db/store';
import { ANOMALY_RULES } from './anomalies';
import { RATIO_FORMULAS } from './data/formulas';
import { ITEM_ANOMALY_METRICS, itemEntityKey } from './index';
import { isoDayNumber, isoFromDayNumber, periodKindOf, type PeriodKind } from './period';

export interface HistoryTarget {
  entityKey: string;
  metrics: readonly string[];
}

export interface HistoryRequest {
  targets: HistoryTarget[];
  /** First day to read (ISO date, inclusive). */
  fromDay: string;
  /** Last day to read (ISO date, inclusive): the capture's own day. */
  toDay: string;
}

/** Stock cover looks back 30 days for a multi-day figure (lib/diagnostics/stock.ts). */
const STOCK_LOOKBACK_DAYS = 30;
/** A month is at most 31 days. */
const LONGEST_MONTH_DAYS = 31;
/** Metrics a listing capture is stored with besides its `metrics` (lib/db/store.ts). */
const LISTING_METRICS = ['price', 'sales', 'reviews', 'stock'] as const;
const DERIVED_METRICS: readonly string[] = [...new Set(RATIO_FORMULAS.filter((f) => f.derive).map((f) => f.metric))];
const ITEM_HISTORY_METRICS: readonly string[] = [...new Set([...ITEM_ANOMALY_METRICS, 'units'])];

/** How many days before the capture's day the rules can look for a period of this kind. */
export function historyLookbackDays(kind: PeriodKind): number {
  const sameWeekday = 7 * ANOMALY_RULES.sameWeekdayWeeks;
  const base = Math.max(sameWeekday, ANOMALY_RULES.trailingDays, STOCK_LOOKBACK_DAYS);
  // Earlier periods are spaced one period apart, and the current one comes first.
  const periods = ANOMALY_RULES.maxPeriods + 1;
  if (kind.kind === 'days') return Math.max(base, periods * kind.days);
  if (kind.kind === 'month') return Math.max(base, periods * Math.max(LONGEST_MONTH_DAYS, ANOMALY_RULES.monthSpacingDays));
  return base;
}

/** The history one capture's diagnosis reads. `entityKey`: what its top-level figures are stored under. */
export function historyRequestOf(capture: Capture, entityKey: string | undefined): HistoryRequest {
  const toDay = dayOf(capture);
  const fromDay = isoFromDayNumber(isoDayNumber(toDay) - historyLookbackDays(periodKindOf(capture.period)));
  const targets: HistoryTarget[] = [];
  if (entityKey) {
    const metrics = new Set<string>(capture.metrics.map((m) => m.metric));
    for (const metric of DERIVED_METRICS) metrics.add(metric);
    if (capture.listing) for (const metric of LISTING_METRICS) metrics.add(metric);
    targets.push({ entityKey, metrics: [...metrics] });
  }
  const seen = new Set<string>(entityKey ? [entityKey] : []);
  for (const row of capture.items ?? []) {
    if (!row.itemId) continue;
    const key = itemEntityKey(capture, row.itemId);
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push({ entityKey: key, metrics: ITEM_HISTORY_METRICS });
  }
  return { targets, fromDay, toDay };
}
