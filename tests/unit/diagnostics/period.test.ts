import { describe, expect, it } from 'vitest';
import { periodCompareKey, periodKindOf, periodKindOfKey, shanghaiDayFraction } from '../../../lib/diagnostics/period';

describe('period kinds', () => {
  it.each([
    { period: { label: '实时' }, key: null },
    { period: { label: '今日' }, key: null },
    { period: { label: '今日', start: '2026-11-22', end: '2026-11-22' }, key: null },
    { period: { label: '昨日' }, key: 'days:1' },
    { period: { label: '昨日', start: '2026-11-21', end: '2026-11-21' }, key: 'days:1' },
    { period: { label: '自然日', start: '2026-11-21', end: '2026-11-21' }, key: 'days:1' },
    { period: { label: '2026-11-21' }, key: 'days:1' },
    { period: { label: '近7天', start: '2026-11-15', end: '2026-11-21' }, key: 'days:7' },
    { period: { label: '最近7天' }, key: 'days:7' },
    { period: { label: '近30天', start: '2026-11-01', end: '2026-11-30' }, key: 'days:30' },
    { period: { label: '自然周', start: '2026-11-16', end: '2026-11-22' }, key: 'days:7' },
    { period: { label: '自然月', start: '2026-10-01', end: '2026-10-31' }, key: 'month' },
    { period: { label: '自然月', start: '2026-02-01', end: '2026-02-28' }, key: 'month' },
    { period: { label: '自定义', start: '2026-11-01', end: '2026-11-14' }, key: 'days:14' },
    { period: { label: '自定义', start: '2026-09-01', end: '2026-09-30' }, key: 'month' },
    { period: { label: '近7天', start: '2026-11-10', end: '2026-11-21' }, key: null }, // label and dates disagree
    { period: { label: '自然月', start: '2026-10-02', end: '2026-10-31' }, key: null },
    { period: { label: '某个周期' }, key: null },
  ])('$period.label $period.start–$period.end → $key', ({ period, key }) => {
    expect(periodCompareKey(periodKindOf(period))).toBe(key);
  });

  it('reads the database’s period key `<label>|<start>|<end>`', () => {
    expect(periodCompareKey(periodKindOfKey('近7天|2026-11-15|2026-11-21'))).toBe('days:7');
    expect(periodCompareKey(periodKindOfKey('昨日||'))).toBe('days:1');
    expect(periodCompareKey(periodKindOfKey(''))).toBeNull();
  });

  it.each([
    { iso: '2026-11-22T04:00:00.000Z', fraction: 0.5 },
    { iso: '2026-11-22T12:00:00+08:00', fraction: 0.5 },
    { iso: '2026-11-21T16:00:00.000Z', fraction: 0 },
  ])('China-time day fraction of $iso is $fraction', ({ iso, fraction }) => {
    expect(shanghaiDayFraction(iso)).toBeCloseTo(fraction, 10);
  });
});
