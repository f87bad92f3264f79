/**
 * Reads the period a page states for its figures: `统计时间 2026-11-21`,
 * `最近1天（2017-06-22~2017-06-22）`, `昨日`, `近7天`, `实时`, `2026年11月21日`, `2026/09/07 08:55:37`.
 *
 * Only what the text states: a relative period (昨日, 近7天) is returned without dates, because
 * turning it into dates needs a clock and this stays a pure function of the text. Dates must be
 * real calendar dates and a range must not run backwards; otherwise the dates are left out.
 */
import { normaliseDigits } from './numbers';

export interface PeriodReading {
  /** The period's own words when the page has them (最近1天, 昨日, 实时), else the dates as shown. */
  label: string;
  /** YYYY-MM-DD */
  start?: string;
  end?: string;
}

/** Period words, longest first where one contains another. */
const PERIOD_WORD = new RegExp(
  [
    '(?:最近|近)\\s*\\d+\\s*(?:天|日|周|个月|月)',
    '自然日',
    '自然周',
    '自然月',
    '实时',
    '今日',
    '今天',
    '昨日',
    '昨天',
    '本周',
    '上周',
    '本月',
    '上月',
    '自定义',
  ].join('|'),
);

const DATE = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?/g;

function isoDate(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The period in a line of page text, or null when it states none. `统计时间` / `统计日期` /
 * `数据更新` prefixes and colons are ignored; one date gives start = end; two dates give a range.
 */
export function readPeriod(text: string): PeriodReading | null {
  const normal = normaliseDigits(text).replace(/\s+/g, ' ').trim();
  if (!normal) return null;
  const dates: string[] = [];
  const shownDates: string[] = [];
  let valid = true;
  for (const match of normal.matchAll(DATE)) {
    const iso = isoDate(match[1]!, match[2]!, match[3]!);
    if (!iso) valid = false;
    else dates.push(iso);
    shownDates.push(match[0].trim());
  }
  const word = PERIOD_WORD.exec(normal.replace(DATE, ' '))?.[0]?.replace(/\s+/g, '');
  if (!word && shownDates.length === 0) return null;

  const label = word ?? (shownDates.length > 1 ? `${shownDates[0]}~${shownDates[shownDates.length - 1]}` : shownDates[0]!);
  const reading: PeriodReading = { label };
  // More than two dates, an impossible date or a backwards range: keep the words, not the dates.
  if (valid && dates.length >= 1 && dates.length <= 2) {
    const start = dates[0]!;
    const end = dates[dates.length - 1]!;
    if (start <= end) {
      reading.start = start;
      reading.end = end;
    }
  }
  return reading;
}
