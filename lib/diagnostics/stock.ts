/**
 * Stock cover: where an item report shows an item's stock, days of cover = stock / average daily
 * units sold, and a warning before a best seller runs out.
 *
 * Rules
 * - Only the operator's own items: rows of a backend report (dashboard, item-report), or the
 *   page's own figures when they are stored under an item entity. A listing page's stock may be
 *   a competitor's, and "restock now" would be nonsense there.
 * - Average daily units, first source that has it:
 *   1. the same row's units over a finished period of at least 7 days (近7天, 近30天);
 *   2. the item's daily history (one-day periods) in the last 14 days, at least 3 days: the sum
 *      over the days observed (a day never observed is unknown, not zero);
 *   3. the latest multi-day figure in the item's history within 30 days;
 *   4. the same row's units over a shorter finished period (昨日).
 *   A running period (实时, 今日) never gives a daily rate.
 * - Thresholds from the restock lead time L (setting, default 7 days): cover below L is critical,
 *   below 2·L a warning; no stock while it still sells is critical. A best seller (report rank
 *   ≤ 3, or among the 3 fastest sellers of the report) keeps that severity; any other item is
 *   one step lower, since running out of a slow item costs little.
 */
import type { ItemRow } from '../capture/schema';
import type { ObservationRow } from '../db/schema';
import { both, finding, fmt, ruleActions, subjectId } from './findings';
import { isoDayNumber, periodKindOfKey, periodLengthDays, type PeriodKind } from './period';
import type { Evidence, EvidenceFigure, Finding, Severity } from './types';

export const DEFAULT_RESTOCK_LEAD_DAYS = 7;
export const BEST_SELLER_COUNT = 3;
const DAILY_WINDOW_DAYS = 14;
const MIN_DAILY_POINTS = 3;
const MULTI_DAY_MAX_AGE = 30;

export type SalesRateBasis = 'row-period' | 'daily-history' | 'period-history' | 'row-short-period';

export interface SalesRate {
  perDay: number;
  basis: SalesRateBasis;
  /** Days of sales the rate averages over. */
  days: number;
}

function firstReading(metrics: ItemRow['metrics'], metric: string) {
  const reading = metrics.find((m) => m.metric === metric);
  return reading && reading.bound === 'exact' && reading.max === undefined ? reading : undefined;
}

/** Average daily units for an item, from its own row and its history. */
export function averageDailyUnits(
  rowUnits: number | undefined,
  kind: PeriodKind,
  history: readonly ObservationRow[],
  entityKey: string,
  currentDay: string,
  capturedAt: string,
): SalesRate | undefined {
  const rowDays = rowUnits !== undefined && kind.kind !== 'partial' ? periodLengthDays(kind) : undefined;
  if (rowUnits !== undefined && rowDays !== undefined && rowDays >= 7) {
    return { perDay: rowUnits / rowDays, basis: 'row-period', days: rowDays };
  }

  const today = isoDayNumber(currentDay);
  const rows = history.filter(
    (r) =>
      r.entityKey === entityKey &&
      r.metric === 'units' &&
      r.capturedAt !== capturedAt &&
      r.bound === 'exact' &&
      r.max === undefined &&
      r.day <= currentDay,
  );
  const daily = new Map<string, ObservationRow>();
  for (const row of rows) {
    const k = periodKindOfKey(row.periodKey);
    if (k.kind !== 'days' || k.days !== 1 || today - isoDayNumber(row.day) >= DAILY_WINDOW_DAYS) continue;
    const seen = daily.get(row.day);
    if (!seen || row.capturedAt > seen.capturedAt) daily.set(row.day, row);
  }
  if (daily.size >= MIN_DAILY_POINTS) {
    const total = [...daily.values()].reduce((sum, r) => sum + r.value, 0);
    return { perDay: total / daily.size, basis: 'daily-history', days: daily.size };
  }

  const multi = rows
    .map((r) => ({ row: r, days: periodLengthDays(periodKindOfKey(r.periodKey)) }))
    .filter((x): x is { row: ObservationRow; days: number } => x.days !== undefined && x.days > 1)
    .filter((x) => today - isoDayNumber(x.row.day) <= MULTI_DAY_MAX_AGE)
    .sort((a, b) => (a.row.capturedAt < b.row.capturedAt ? 1 : -1))[0];
  if (multi) return { perDay: multi.row.value / multi.days, basis: 'period-history', days: multi.days };

  if (rowUnits !== undefined && rowDays !== undefined) return { perDay: rowUnits / rowDays, basis: 'row-short-period', days: rowDays };
  return undefined;
}

export interface StockTarget {
  entityKey: string;
  subject: Evidence['subject'];
  stock: number;
  rowUnits?: number;
  rank?: number;
}

export interface StockContext {
  history: readonly ObservationRow[];
  periodKey: string;
  period: string | null;
  currentDay: string;
  capturedAt: string;
  restockLeadDays?: number;
}

const DOWNGRADE: Record<Severity, Severity> = { critical: 'warning', warning: 'info', info: 'info', good: 'good' };

/** Report rows (and the page's own item figures) as stock targets. */
export function stockTargetsOfRows(rows: readonly ItemRow[], itemKey: (itemId: string) => string): StockTarget[] {
  return rows.flatMap((row) => {
    const stock = firstReading(row.metrics, 'stock');
    if (!row.itemId || !stock) return [];
    const units = firstReading(row.metrics, 'units');
    return [
      {
        entityKey: itemKey(row.itemId),
        subject: { kind: 'item' as const, itemId: row.itemId, ...(row.title ? { title: row.title } : {}) },
        stock: stock.value,
        ...(units ? { rowUnits: units.value } : {}),
        ...(row.rank !== undefined ? { rank: row.rank } : {}),
      },
    ];
  });
}

export function stockFindings(targets: readonly StockTarget[], context: StockContext): Finding[] {
  const lead = context.restockLeadDays && context.restockLeadDays > 0 ? context.restockLeadDays : DEFAULT_RESTOCK_LEAD_DAYS;
  const kind = periodKindOfKey(context.periodKey);
  const rated = targets.map((target) => ({
    target,
    rate: averageDailyUnits(target.rowUnits, kind, context.history, target.entityKey, context.currentDay, context.capturedAt),
  }));
  const fastest = new Set(
    rated
      .filter((r) => r.rate && r.rate.perDay > 0)
      .sort((a, b) => b.rate!.perDay - a.rate!.perDay)
      .slice(0, BEST_SELLER_COUNT)
      .map((r) => r.target.entityKey),
  );

  const findings: Finding[] = [];
  for (const { target, rate } of rated) {
    if (!rate || !(rate.perDay > 0) || target.stock < 0) continue;
    const cover = target.stock / rate.perDay;
    let severity: Severity | undefined = target.stock === 0 || cover < lead ? 'critical' : cover < 2 * lead ? 'warning' : undefined;
    if (!severity) continue;
    const bestSeller = (target.rank !== undefined && target.rank <= BEST_SELLER_COUNT) || fastest.has(target.entityKey);
    if (!bestSeller) severity = DOWNGRADE[severity];
    const details: EvidenceFigure[] = [
      { label: { zh: '库存', en: 'Stock' }, value: target.stock, unit: 'count', bound: 'exact', source: 'page' },
      {
        label: { zh: `日均销量（${rate.days}天）`, en: `Average units per day (${rate.days} days)` },
        value: rate.perDay,
        unit: 'count',
        bound: 'exact',
        source: rate.basis === 'daily-history' || rate.basis === 'period-history' ? 'history' : 'computed',
      },
    ];
    const evidence: Evidence = {
      subject: target.subject,
      period: context.period,
      figure: { label: { zh: '可售天数', en: 'Days of cover' }, value: cover, unit: 'count', bound: 'exact', source: 'computed' },
      reference: {
        label: { zh: '补货周期（天）', en: 'restock lead time (days)' },
        value: lead,
        unit: 'count',
        source: context.restockLeadDays && context.restockLeadDays > 0 ? 'settings' : 'default',
        confidence: 'medium',
      },
      gap: cover / lead - 1,
      details,
    };
    const out = target.stock === 0;
    const message = both((lang) => {
      const perDay = fmt(rate.perDay, 'count', lang);
      if (out) {
        return lang === 'zh'
          ? `已无库存，而日均销量约 ${perDay} 件${bestSeller ? '（畅销款）' : ''}`
          : `Out of stock while it sells about ${perDay} a day${bestSeller ? ' (a best seller)' : ''}`;
      }
      const days = cover.toFixed(1);
      return lang === 'zh'
        ? `库存 ${fmt(target.stock, 'count', lang)} 件，按日均 ${perDay} 件只够约 ${days} 天${bestSeller ? '（畅销款）' : ''}，补货周期 ${lead} 天`
        : `Stock of ${fmt(target.stock, 'count', lang)} lasts about ${days} days at ${perDay} a day${bestSeller ? ' (a best seller)' : ''}; restocking takes ${lead} days`;
    });
    findings.push(
      finding({
        id: `stock:${subjectId(target.subject)}:stock`,
        metric: 'stock',
        kind: 'stock',
        severity,
        evidence,
        message,
        actions: ruleActions(out ? 'stockOut' : 'stockLow'),
      }),
    );
  }
  return findings;
}
