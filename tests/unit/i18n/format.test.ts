import { describe, expect, it } from 'vitest';
import type { Bound, Period, Unit } from '../../../lib/capture/schema';
import type { Lang } from '../../../lib/i18n';
import {
  formatChange,
  formatCount,
  formatDateTime,
  formatMoney,
  formatPeriod,
  formatPrice,
  formatRatio,
  formatSeconds,
  formatValue,
  formatValueExact,
  MINUS,
} from '../../../lib/i18n/format';

describe('formatCount', () => {
  it.each<[number, Lang, Bound, string]>([
    [0, 'zh', 'exact', '0'],
    [999, 'zh', 'exact', '999'],
    [9999, 'zh', 'exact', '9,999'],
    [10000, 'zh', 'exact', '1万'],
    [12000, 'zh', 'exact', '1.2万'],
    [12345, 'zh', 'exact', '1.23万'],
    [12355, 'zh', 'exact', '1.24万'],
    [120000, 'zh', 'exact', '12万'],
    [1364000, 'zh', 'exact', '136.4万'],
    [99994999, 'zh', 'exact', '9999.5万'],
    // Rounding carries into the next step: never "10000万".
    [99999999, 'zh', 'exact', '1亿'],
    [150000000, 'zh', 'exact', '1.5亿'],
    [1234567890123, 'zh', 'exact', '12,345.68亿'],
    [-12345, 'zh', 'exact', `${MINUS}1.23万`],
    [12.5, 'zh', 'exact', '12.5'],
    // Lower bounds truncate: the shown bound is never above the page's.
    [100000, 'zh', 'atLeast', '10万+'],
    [12399, 'zh', 'atLeast', '1.23万+'],
    [99999999, 'zh', 'atLeast', '9999.99万+'],
    [999, 'zh', 'atLeast', '999+'],
    [0, 'en', 'exact', '0'],
    [12345, 'en', 'exact', '12,345'],
    [999999, 'en', 'exact', '999,999'],
    [1000000, 'en', 'exact', '1M'],
    [1234567, 'en', 'exact', '1.23M'],
    [999999999, 'en', 'exact', '1B'],
    [1500000000, 'en', 'exact', '1.5B'],
    [100000, 'en', 'atLeast', '100,000+'],
    [1239999, 'en', 'atLeast', '1.23M+'],
  ])('%d in %s (%s) → %s', (value, lang, bound, expected) => {
    expect(formatCount(value, lang, bound)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it.each<[number, Lang, { compact?: boolean; bound?: Bound }, string]>([
    [0, 'zh', {}, '¥0.00'],
    [1234.5, 'zh', {}, '¥1,234.50'],
    [9999.99, 'zh', {}, '¥9,999.99'],
    [10095, 'zh', {}, '¥1.01万'],
    [12345, 'zh', {}, '¥1.23万'],
    [150000000, 'zh', {}, '¥1.5亿'],
    [-12.3, 'zh', {}, `${MINUS}¥12.30`],
    [12345, 'zh', { compact: false }, '¥12,345.00'],
    [2500, 'zh', { bound: 'atLeast' }, '¥2,500.00+'],
    [1234.5, 'en', {}, '¥1,234.50'],
    [12345, 'en', {}, '¥12,345.00'],
    [1234567, 'en', {}, '¥1.23M'],
    [1234567, 'en', { compact: false }, '¥1,234,567.00'],
  ])('%d in %s %o → %s', (value, lang, options, expected) => {
    expect(formatMoney(value, lang, options)).toBe(expected);
  });
});

describe('formatRatio and formatChange', () => {
  it.each<[number, string]>([
    [0.0563, '5.63%'],
    [0.1002, '10.02%'],
    [0.667, '66.70%'],
    [1, '100.00%'],
    [0, '0.00%'],
    [0.00005, '0.01%'],
    [-0.1294, `${MINUS}12.94%`],
  ])('ratio %d → %s', (value, expected) => {
    expect(formatRatio(value)).toBe(expected);
  });

  it.each<[number, string]>([
    [0.123, '+12.30%'],
    [-0.052, `${MINUS}5.20%`],
    [1.5, '+150.00%'],
    [0, '0.00%'],
    // Rounds to zero: no sign on a change too small to show.
    [-0.00001, '0.00%'],
  ])('change %d → %s', (value, expected) => {
    expect(formatChange(value)).toBe(expected);
  });

  it('uses U+2212 for minus, never a hyphen', () => {
    expect(formatChange(-0.1)).not.toContain('-');
    expect(MINUS.codePointAt(0)).toBe(0x2212);
  });
});

describe('formatSeconds', () => {
  it.each<[number, string, string]>([
    [0, '0秒', '0s'],
    [45, '45秒', '45s'],
    [12.5, '12.5秒', '12.5s'],
    [59.96, '1分', '1m'],
    [120, '2分', '2m'],
    [125, '2分5秒', '2m 5s'],
    [125.4, '2分5秒', '2m 5s'],
    [3600, '1小时', '1h'],
    [3605, '1小时0分5秒', '1h 0m 5s'],
    [3660, '1小时1分', '1h 1m'],
  ])('%d s → %s / %s', (seconds, zh, en) => {
    expect(formatSeconds(seconds, 'zh')).toBe(zh);
    expect(formatSeconds(seconds, 'en')).toBe(en);
  });
});

describe('formatValue by unit, with bounds and ranges', () => {
  it.each<[number, Unit, Lang, { bound?: Bound; max?: number }, string]>([
    [12345, 'count', 'zh', {}, '1.23万'],
    [100000, 'count', 'zh', { bound: 'atLeast' }, '10万+'],
    [7500000, 'yuan', 'zh', { max: 10000000 }, '¥750万 ~ ¥1000万'],
    [7500000, 'count', 'zh', { max: 10000000 }, '750万 ~ 1000万'],
    [0.01, 'ratio', 'zh', { max: 0.025 }, '1.00% ~ 2.50%'],
    [0.0563, 'ratio', 'en', {}, '5.63%'],
    [3.84, 'multiple', 'zh', {}, '3.84'],
    [4.8, 'score', 'zh', {}, '4.8'],
    // An index is a relative figure: no ¥, same shortening as counts.
    [123456, 'index', 'zh', {}, '12.35万'],
    [125, 'seconds', 'zh', {}, '2分5秒'],
  ])('%d %s %s %o → %s', (value, unit, lang, options, expected) => {
    expect(formatValue(value, unit, lang, options)).toBe(expected);
  });

  it.each<[number, Unit, Lang, { bound?: Bound; max?: number }, string]>([
    [12345, 'count', 'zh', {}, '12,345'],
    [100000, 'count', 'zh', { bound: 'atLeast' }, '100,000+'],
    [12345, 'yuan', 'zh', {}, '¥12,345.00'],
    [0.0563, 'ratio', 'zh', {}, '5.63%'],
  ])('exact (tooltip) %d %s %s %o → %s', (value, unit, lang, options, expected) => {
    expect(formatValueExact(value, unit, lang, options)).toBe(expected);
  });
});

describe('formatPrice', () => {
  it.each<[number, number | undefined, Lang, string]>([
    [29.9, 34.9, 'zh', '¥29.90 ~ ¥34.90'],
    [19.9, 19.9, 'zh', '¥19.90'],
    // Prices are never shortened: ¥12,999.00, not ¥1.3万.
    [12999, undefined, 'zh', '¥12,999.00'],
    [1234567, undefined, 'en', '¥1,234,567.00'],
  ])('%d–%s (%s) → %s', (min, max, lang, expected) => {
    expect(formatPrice(min, max, lang)).toBe(expected);
  });
});

describe('formatPeriod', () => {
  it.each<[Period, Lang, string]>([
    [{ label: '昨日', start: '2026-11-21', end: '2026-11-21' }, 'zh', '昨日（2026-11-21）'],
    [{ label: '昨日', start: '2026-11-21', end: '2026-11-21' }, 'en', '昨日 (2026-11-21)'],
    [{ label: '近7天', start: '2026-11-15', end: '2026-11-21' }, 'zh', '近7天（2026-11-15 ~ 2026-11-21）'],
    [{ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' }, 'zh', '2026-11-21'],
    [{ label: '2026-11-21', end: '2026-11-21' }, 'zh', '2026-11-21'],
    [{ label: '实时' }, 'zh', '实时'],
  ])('%o in %s → %s', (period, lang, expected) => {
    expect(formatPeriod(period, lang)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it('writes local time as YYYY-MM-DD HH:mm', () => {
    expect(formatDateTime(new Date(2026, 10, 21, 14, 5, 59).toISOString())).toBe('2026-11-21 14:05');
    expect(formatDateTime(new Date(2026, 0, 2, 3, 4).toISOString())).toBe('2026-01-02 03:04');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
