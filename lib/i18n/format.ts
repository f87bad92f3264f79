/**
 * Number formatting for operators. Rules (each pinned by tests/unit/i18n/format.test.ts):
 *
 * Counts and indexes
 * - zh: below 1万 written out with thousands separators (9,999); from 1万 in 万 with at most
 *   two decimals (12,345 → 1.23万, 120,000 → 12万, 1000万 without separator); from 1亿 in 亿
 *   (1.5亿). This is how the Chinese backends themselves write large figures.
 * - en: written out up to 999,999 (12,345, 999,999), since "12.3k" hides digits an operator
 *   compares; from a million in M (1.23M), from a billion in B (1.5B). Never k.
 * Money: ¥ and two decimals (¥1,234.50); zh switches to ¥1.23万 / ¥1.5亿 at the same points
 *   as counts, en to ¥1.23M / ¥1.5B at a million. Prices use `compact: false`: always exact.
 * Ratios: percent with two decimals (0.0563 → 5.63%). Changes: the same with a sign
 *   (+12.30%, −5.20%, 0.00%); the minus is U+2212 so it cannot be taken for a hyphen or dash.
 * Multiples (ROI): two decimals (3.84). Scores: up to two decimals (4.8).
 * Lower bounds (`10万+`): the value, truncated rather than rounded so the shown bound is never
 *   above the page's, followed by `+`. Exact values round half away from zero.
 * Ranges: both ends in the same format joined by ` ~ ` (750万 ~ 1000万).
 * Seconds: under a minute with up to one decimal (45秒 / 45s, 12.5秒); from a minute on whole
 *   seconds from the largest unit down, trailing zero units dropped (2分5秒, 2分, 1小时0分5秒;
 *   en 2m 5s, 2m, 1h 0m 5s).
 */
import type { Bound, Period, Unit } from '../capture/schema';
import type { Lang } from './index';

/** U+2212 MINUS SIGN. */
export const MINUS = '\u2212';

type Rounding = 'round' | 'truncate';

/** `abs` at `decimals` places as a string; toPrecision(12) removes binary noise (1.1 × 100). */
function fixed(abs: number, decimals: number, rounding: Rounding): string {
  const factor = 10 ** decimals;
  const scaled = Number((abs * factor).toPrecision(12));
  const whole = rounding === 'truncate' ? Math.floor(scaled) : Math.round(scaled);
  return (whole / factor).toFixed(decimals);
}

/** Drops trailing decimal zeros: 1.20 → 1.2, 10.00 → 10. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function group(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function roundingFor(bound: Bound): Rounding {
  return bound === 'atLeast' ? 'truncate' : 'round';
}

function signed(value: number, body: string): string {
  return value < 0 && Number(body.replace(/[^\d.]/g, '')) !== 0 ? `${MINUS}${body}` : body;
}

/** Pages write 1000万, not 1,000万; only a mantissa past 9999 (12,345亿) gets separators. */
function groupMantissa(text: string): string {
  return Number(text) >= 10000 ? group(text) : text;
}

/** Large-number steps: zh 万/亿, en M/B. Ordered from largest. */
const STEPS: Record<Lang, { from: number; suffix: string }[]> = {
  zh: [
    { from: 1e8, suffix: '亿' },
    { from: 1e4, suffix: '万' },
  ],
  en: [
    { from: 1e9, suffix: 'B' },
    { from: 1e6, suffix: 'M' },
  ],
};

/**
 * `abs` in the largest step it reaches, or undefined below the first step. Rounding can
 * carry a value into the next step (99,999,999 → 10000.00万), which then reads 1亿.
 */
function compact(abs: number, lang: Lang, rounding: Rounding): string | undefined {
  const steps = STEPS[lang];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const next = steps[i - 1];
    if (abs < step.from || (next && abs >= next.from)) continue;
    const mantissa = fixed(abs / step.from, 2, rounding);
    if (next && Number(mantissa) * step.from >= next.from) {
      return `${groupMantissa(trimZeros(fixed(abs / next.from, 2, rounding)))}${next.suffix}`;
    }
    return `${groupMantissa(trimZeros(mantissa))}${step.suffix}`;
  }
  return undefined;
}

function plainNumber(abs: number, rounding: Rounding): string {
  return group(trimZeros(fixed(abs, 2, rounding)));
}

function withBound(text: string, bound: Bound): string {
  return bound === 'atLeast' ? `${text}+` : text;
}

/** People, orders, units; also indexes. 12,345 → zh 1.23万, en 12,345. */
export function formatCount(value: number, lang: Lang, bound: Bound = 'exact'): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const rounding = roundingFor(bound);
  const body = compact(abs, lang, rounding) ?? plainNumber(abs, rounding);
  return withBound(signed(value, body), bound);
}

/** A count written out in full, for tooltips: 12,345. */
export function formatCountExact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return signed(value, plainNumber(Math.abs(value), 'round'));
}

export interface MoneyOptions {
  bound?: Bound;
  /** false: always ¥1,234,567.00 (prices, tooltips). Default true. */
  compact?: boolean;
}

/** Yuan: ¥1,234.50; large amounts zh ¥1.23万, en ¥1.23M. */
export function formatMoney(value: number, lang: Lang, options: MoneyOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const bound = options.bound ?? 'exact';
  const rounding = roundingFor(bound);
  const abs = Math.abs(value);
  const body = (options.compact === false ? undefined : compact(abs, lang, rounding)) ?? group(fixed(abs, 2, rounding));
  return withBound(signed(value, `¥${body}`), bound);
}

/** A fraction as percent: 0.0563 → 5.63%. */
export function formatRatio(value: number, bound: Bound = 'exact'): string {
  if (!Number.isFinite(value)) return String(value);
  const body = `${group(fixed(Math.abs(value) * 100, 2, roundingFor(bound)))}%`;
  return withBound(signed(value, body), bound);
}

/** A signed change: 0.123 → +12.30%, −0.052 → −5.20%, 0 → 0.00%. */
export function formatChange(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  const body = `${group(fixed(Math.abs(ratio) * 100, 2, 'round'))}%`;
  if (Number(body.replace(/[^\d.]/g, '')) === 0) return body;
  return `${ratio > 0 ? '+' : MINUS}${body}`;
}

/** A multiplier such as ROI: 3.84. */
export function formatMultiple(value: number, bound: Bound = 'exact'): string {
  if (!Number.isFinite(value)) return String(value);
  return withBound(signed(value, group(fixed(Math.abs(value), 2, roundingFor(bound)))), bound);
}

/** A rating: 4.8, 4.85. */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return signed(value, plainNumber(Math.abs(value), 'round'));
}

const DURATION_UNITS: Record<Lang, { hours: string; minutes: string; seconds: string; join: string }> = {
  zh: { hours: '小时', minutes: '分', seconds: '秒', join: '' },
  en: { hours: 'h', minutes: 'm', seconds: 's', join: ' ' },
};

/** Seconds as 分秒: 125 → 2分5秒 / 2m 5s. */
export function formatSeconds(seconds: number, lang: Lang): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const words = DURATION_UNITS[lang];
  const abs = Math.abs(seconds);
  const oneDecimal = Number(fixed(abs, 1, 'round'));
  let body: string;
  if (oneDecimal < 60) {
    body = `${trimZeros(oneDecimal.toFixed(1))}${words.seconds}`;
  } else {
    const total = Math.round(abs);
    const parts: [number, string][] = [
      [Math.floor(total / 3600), words.hours],
      [Math.floor((total % 3600) / 60), words.minutes],
      [total % 60, words.seconds],
    ];
    const first = parts.findIndex(([n]) => n > 0);
    let last = parts.length - 1;
    while (last > first && parts[last]![0] === 0) last--;
    body = parts
      .slice(first, last + 1)
      .map(([n, word]) => `${n}${word}`)
      .join(words.join);
  }
  return seconds < 0 && abs > 0 ? `${MINUS}${body}` : body;
}

/** Two ends of a range in one format: 750万 ~ 1000万. */
export function formatRange(min: number, max: number, format: (value: number) => string): string {
  return `${format(min)} ~ ${format(max)}`;
}

export interface ValueOptions {
  bound?: Bound;
  /** Upper end of a range; `value` is then the lower end. */
  max?: number;
}

/** A figure in its unit's format, with its bound or range. */
export function formatValue(value: number, unit: Unit, lang: Lang, options: ValueOptions = {}): string {
  const one = (v: number, bound: Bound): string => {
    switch (unit) {
      case 'yuan':
        return formatMoney(v, lang, { bound });
      case 'count':
      case 'index':
        return formatCount(v, lang, bound);
      case 'ratio':
        return formatRatio(v, bound);
      case 'multiple':
        return formatMultiple(v, bound);
      case 'score':
        return withBound(formatScore(v), bound);
      case 'seconds':
        return withBound(formatSeconds(v, lang), bound);
    }
  };
  if (options.max !== undefined) return formatRange(value, options.max, (v) => one(v, 'exact'));
  return one(value, options.bound ?? 'exact');
}

/** The same figure without 万/亿/M shortening, for a tooltip: 12,345 / ¥12,345.00. */
export function formatValueExact(value: number, unit: Unit, lang: Lang, options: ValueOptions = {}): string {
  const one = (v: number): string => {
    if (unit === 'count' || unit === 'index') return formatCountExact(v);
    if (unit === 'yuan') return formatMoney(v, lang, { compact: false });
    return formatValue(v, unit, lang);
  };
  if (options.max !== undefined) return formatRange(value, options.max, one);
  return withBound(one(value), options.bound ?? 'exact');
}

/** A price, never shortened: ¥12,999.00, or ¥19.90 ~ ¥29.90 for a range. */
export function formatPrice(min: number, max: number | undefined, lang: Lang): string {
  const one = (v: number) => formatMoney(v, lang, { compact: false });
  return max !== undefined && max !== min ? formatRange(min, max, one) : one(min);
}

/** Period label with its dates when the page gave them and the label does not already say them. */
export function formatPeriod(period: Period, lang: Lang): string {
  const { label, start, end } = period;
  const dates = start && end && start !== end ? `${start} ~ ${end}` : (start ?? end);
  if (!dates || label.includes(dates)) return label;
  return lang === 'zh' ? `${label}（${dates}）` : `${label} (${dates})`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp in the operator's local time: 2026-11-21 14:05 (unambiguous in both languages). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
