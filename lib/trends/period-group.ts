/**
 * Period groups: which observations may share one series. Built on the period kinds of
 * lib/diagnostics/period.ts, so trends and diagnostics agree on what "the same kind of period"
 * means.
 *
 * - `snapshot`: figures without a period (a listing's price, sales, reviews as seen that day);
 * - `partial`: a period still running (实时, 今日): its totals grow through the day;
 * - `days:N`: finished periods of N days (`days:1` daily, `days:7` 近7天 / 自然周 …);
 * - `month`: calendar months, whatever their length;
 * - `unknown:<label>`: a period whose length cannot be told; such figures only share a series
 *   with figures under the very same label.
 */
import { isoDayNumber, isoFromDayNumber, periodCompareKey, periodKindOfKey } from '../diagnostics/period';

export type PeriodGroup = string;

export const SNAPSHOT_GROUP: PeriodGroup = 'snapshot';
export const PARTIAL_GROUP: PeriodGroup = 'partial';
export const DAILY_GROUP: PeriodGroup = 'days:1';

/** The group of a stored observation's periodKey (`<label>|<start>|<end>`, '' without a period). */
export function periodGroupOfKey(periodKey: string): PeriodGroup {
  if (periodKey === '') return SNAPSHOT_GROUP;
  const kind = periodKindOfKey(periodKey);
  if (kind.kind === 'partial') return PARTIAL_GROUP;
  const compare = periodCompareKey(kind);
  if (compare) return compare;
  const parts = periodKey.split('|');
  return `unknown:${parts.slice(0, Math.max(1, parts.length - 2)).join('|')}`;
}

/** Days a point of the group covers, or undefined when the length varies (months) or is unknown. */
export function groupLengthDays(group: PeriodGroup): number | undefined {
  if (group === SNAPSHOT_GROUP || group === PARTIAL_GROUP) return 1;
  const days = /^days:(\d+)$/.exec(group);
  return days ? Number(days[1]) : undefined;
}

/** First day of the period a point ending on `day` covers. */
export function coveredFrom(day: string, group: PeriodGroup): string {
  if (group === 'month') return `${day.slice(0, 7)}-01`;
  const length = groupLengthDays(group) ?? 1;
  return isoFromDayNumber(isoDayNumber(day) - length + 1);
}
