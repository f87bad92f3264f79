/**
 * Period kinds: what length of time a figure covers, from the page's period label and dates.
 * Anomaly detection and stock cover compare a figure only with figures of the same kind, so a
 * 7-day total is never compared with a day, and a day still running (实时, 今日) is never
 * compared with finished days.
 *
 * Rules
 * - 实时 / 今日 / 今天 / 本周 / 本月: `partial` (the period is still running; its totals grow
 *   through the day), never compared.
 * - 昨日 / 昨天 / 自然日 / 日 / a single date: one day. 近N天 / 近N日 / 最近N天: N days.
 *   自然周 / 周 / 上周: 7 days (any 7 consecutive days hold each weekday once, so a calendar
 *   week and a rolling 7 days are alike). 自然月 / 月 / 上月: `month`, whatever its length, so
 *   months compare with months.
 * - Dates given by the page decide the length when the label says nothing (custom ranges); a
 *   range covering exactly one calendar month is a month. When label and dates disagree the
 *   kind is `unknown` and nothing is compared.
 */
import type { Period } from '../capture/schema';

export type PeriodKind =
  | { kind: 'partial' }
  | { kind: 'days'; days: number }
  | { kind: 'month' }
  | { kind: 'unknown' };

const PARTIAL = /^(实时|今日|今天|今日实时|本周|本月)$/;
const ONE_DAY = /^(昨日|昨天|自然日|日|单日)$/;
const LAST_N_DAYS = /^(?:近|最近)(\d{1,3})(?:天|日)$/;
const WEEK = /^(自然周|周|上周)$/;
const MONTH = /^(自然月|月|上月)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DAY_MS = 24 * 3600 * 1000;

export function isoDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `start` to `end`, both included. */
export function inclusiveLength(start: string, end: string): number {
  return isoDayNumber(end) - isoDayNumber(start) + 1;
}

function isWholeMonth(start: string, end: string): boolean {
  if (!start.endsWith('-01')) return false;
  const next = isoFromDayNumber(isoDayNumber(end) + 1);
  return next.endsWith('-01') && start.slice(0, 7) === end.slice(0, 7);
}

function kindOfLabel(label: string): PeriodKind | undefined {
  const text = label.replace(/\s+/g, '');
  if (PARTIAL.test(text)) return { kind: 'partial' };
  if (ONE_DAY.test(text) || ISO_DATE.test(text)) return { kind: 'days', days: 1 };
  const lastN = LAST_N_DAYS.exec(text);
  if (lastN) return { kind: 'days', days: Number(lastN[1]) };
  if (WEEK.test(text)) return { kind: 'days', days: 7 };
  if (MONTH.test(text)) return { kind: 'month' };
  return undefined;
}

function kindOfDates(start: string, end: string): PeriodKind {
  const length = inclusiveLength(start, end);
  if (!(length >= 1)) return { kind: 'unknown' };
  if (isWholeMonth(start, end)) return { kind: 'month' };
  return { kind: 'days', days: length };
}

/** Whether the page's dates fit what its label says (近7天 over 7 days, 自然月 over one month). */
function datesFit(kind: PeriodKind, start: string, end: string): boolean {
  if (kind.kind === 'days') return inclusiveLength(start, end) === kind.days;
  if (kind.kind === 'month') return isWholeMonth(start, end);
  return false;
}

export function periodKindOf(period: Pick<Period, 'label' | 'start' | 'end'> | null | undefined): PeriodKind {
  if (!period) return { kind: 'unknown' };
  const fromLabel = kindOfLabel(period.label);
  if (fromLabel?.kind === 'partial') return fromLabel;
  if (period.start && period.end) {
    if (!fromLabel) return kindOfDates(period.start, period.end);
    return datesFit(fromLabel, period.start, period.end) ? fromLabel : { kind: 'unknown' };
  }
  return fromLabel ?? { kind: 'unknown' };
}

/** The kind of a stored observation's period: periodKey is `<label>|<start>|<end>` (lib/db/store.ts). */
export function periodKindOfKey(periodKey: string): PeriodKind {
  if (periodKey === '') return { kind: 'unknown' };
  const parts = periodKey.split('|');
  // A label may itself contain '|'; the last two parts are the dates.
  const end = parts.length >= 3 ? parts.pop() : undefined;
  const start = parts.length >= 2 ? parts.pop() : undefined;
  const label = parts.join('|');
  return periodKindOf({ label, ...(start ? { start } : {}), ...(end ? { end } : {}) });
}

/** Figures compare only when their keys are equal; null: never compared (partial, unknown). */
export function periodCompareKey(kind: PeriodKind): string | null {
  switch (kind.kind) {
    case 'days':
      return `days:${kind.days}`;
    case 'month':
      return 'month';
    default:
      return null;
  }
}

/** Length in days for per-day averages; a month counts as 30 (only used for rough rates). */
export function periodLengthDays(kind: PeriodKind): number | undefined {
  if (kind.kind === 'days') return kind.days;
  if (kind.kind === 'month') return 30;
  return undefined;
}

// Marketplaces run on China time (UTC+8, no daylight saving), like lib/db/store.ts.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Fraction of the China-time day elapsed at an ISO timestamp: 12:00 +08:00 → 0.5. */
export function shanghaiDayFraction(iso: string): number | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const local = (ms + SHANGHAI_OFFSET_MS) % DAY_MS;
  return (local < 0 ? local + DAY_MS : local) / DAY_MS;
}
