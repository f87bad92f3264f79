import { describe, expect, it } from 'vitest';
import { ANOMALY_RULES } from '../../../lib/diagnostics/anomalies';
import { diagnose } from '../../../lib/diagnostics';
import type { ObservationRow } from '../../../lib/db/schema';
import type { MetricReading, Period } from '../../../lib/capture/schema';
import { capture, dailyHistory, isoDay, item, periodRow, reading, SHOP_KEY } from './helpers';

const YESTERDAY: Period = { label: '昨日', start: '2026-11-21', end: '2026-11-21' }; // a Saturday
const LAST_HISTORY_DAY = '2026-11-20';

/** Visitors around 1,000 a day, ±15 %: a fixed sequence so the tests are reproducible. */
const NOISY = [
  1040, 930, 1110, 980, 870, 1050, 1150, 990, 900, 1080, 960, 1020, 1130, 940, 1000, 890, 1070, 1010, 950, 1100, 920, 1060, 980, 1030,
  880, 1120, 970, 1005,
];
const STABLE_TWO_WEEKS = [1000, 1010, 990, 1005, 995, 1000, 1012, 988, 1003, 997, 1001, 999, 1008, 992];

function anomalies(metrics: MetricReading[], history: ObservationRow[], period: Period = YESTERDAY, extra = {}) {
  return diagnose({ capture: capture({ period, metrics, ...extra }), history }).filter((f) => f.kind === 'anomaly');
}

describe('anomalies against the entity’s own history', () => {
  it('reports a sudden 60 % drop in visitors after two stable weeks as critical', () => {
    const history = dailyHistory(SHOP_KEY, 'visitors', STABLE_TWO_WEEKS, LAST_HISTORY_DAY);
    const [finding] = anomalies([reading('visitors', 400)], history);
    expect(finding).toMatchObject({ metric: 'visitors', severity: 'critical', value: 400, reference: 1000 });
    expect(finding?.evidence.reference).toMatchObject({ source: 'history', label: { en: '28-day median' } });
    expect(finding?.evidence.gap).toBeCloseTo(-0.6, 10);
    expect(finding?.evidence.details.find((d) => d.label.en === 'days of history')?.value).toBe(14);
    expect(finding?.message.zh).toMatch(/骤降/);
    expect(finding?.actions.map((a) => a.en).join(' ')).toMatch(/traffic source/);
  });

  it('calls a 30 % drop a warning, not critical', () => {
    const history = dailyHistory(SHOP_KEY, 'visitors', STABLE_TWO_WEEKS, LAST_HISTORY_DAY);
    expect(anomalies([reading('visitors', 700)], history).map((f) => f.severity)).toEqual(['warning']);
  });

  it.each([
    { days: ANOMALY_RULES.minTrailing - 1, found: 0 },
    { days: ANOMALY_RULES.minTrailing, found: 1 },
  ])('needs $days days of history → $found finding', ({ days, found }) => {
    const history = dailyHistory(SHOP_KEY, 'visitors', STABLE_TWO_WEEKS.slice(0, days), LAST_HISTORY_DAY);
    expect(anomalies([reading('visitors', 100)], history)).toHaveLength(found);
  });

  it('counts observed days, not calendar days: gaps are unknown, not zero', () => {
    const sparse = [1000, null, 1010, null, null, 990, 1005, null, 995, null, 1000, null, null, 1012, null, 988];
    const history = dailyHistory(SHOP_KEY, 'visitors', sparse, LAST_HISTORY_DAY);
    const [finding] = anomalies([reading('visitors', 400)], history);
    expect(finding?.evidence.details.find((d) => d.label.en === 'days of history')?.value).toBe(8);
    const tooSparse = dailyHistory(SHOP_KEY, 'visitors', [1000, null, null, 990, null, null, 1005, null, null, 995, null, null, 1000], LAST_HISTORY_DAY);
    expect(anomalies([reading('visitors', 400)], tooSparse)).toEqual([]);
  });

  it('stays quiet on a noisy history for an ordinary dip and speaks for a real one', () => {
    const history = dailyHistory(SHOP_KEY, 'visitors', NOISY, LAST_HISTORY_DAY);
    expect(anomalies([reading('visitors', 850)], history)).toEqual([]);
    expect(anomalies([reading('visitors', 1200)], history)).toEqual([]);
    expect(anomalies([reading('visitors', 450)], history).map((f) => f.severity)).toEqual(['critical']);
  });

  it('does not use the current capture’s own rows as history', () => {
    const history = dailyHistory(SHOP_KEY, 'visitors', STABLE_TWO_WEEKS.slice(0, ANOMALY_RULES.minTrailing - 1), LAST_HISTORY_DAY);
    const current = capture({ period: YESTERDAY, metrics: [reading('visitors', 100)] });
    const own: ObservationRow = {
      ...history[0]!,
      id: `${SHOP_KEY}|visitors|${current.capturedAt}`,
      capturedAt: current.capturedAt,
      day: '2026-11-21',
      periodKey: '昨日|2026-11-21|2026-11-21',
      value: 100,
    };
    expect(diagnose({ capture: current, history: [...history, own] }).filter((f) => f.kind === 'anomaly')).toEqual([]);
  });

  it('takes the latest capture of a day as that day’s value', () => {
    const history = dailyHistory(SHOP_KEY, 'visitors', STABLE_TWO_WEEKS, LAST_HISTORY_DAY);
    // An earlier, wrong reading of one day, superseded later the same day.
    const early = { ...history[13]!, id: 'early', capturedAt: '2026-11-21T00:10:00.000Z', value: 1 };
    const [finding] = anomalies([reading('visitors', 400)], [...history, early]);
    expect(finding?.evidence.details.find((d) => d.label.en === 'days of history')?.value).toBe(14);
  });

  describe('period kinds are never mixed', () => {
    it('does not compare a 7-day total with daily values', () => {
      const history = dailyHistory(SHOP_KEY, 'visitors', NOISY, LAST_HISTORY_DAY);
      const week: Period = { label: '近7天', start: '2026-11-15', end: '2026-11-21' };
      expect(anomalies([reading('visitors', 7_000)], history, week)).toEqual([]);
    });

    it('does not compare a day with 7-day totals', () => {
      const weekly = Array.from({ length: 28 }, (_, i) => {
        const end = isoDay(LAST_HISTORY_DAY, -i);
        return periodRow(SHOP_KEY, 'visitors', 7_000, '近7天', isoDay(end, -6), end);
      });
      expect(anomalies([reading('visitors', 1_000)], weekly)).toEqual([]);
    });

    it('does not compare a running day (今日, 实时)', () => {
      const history = dailyHistory(SHOP_KEY, 'visitors', STABLE_TWO_WEEKS, LAST_HISTORY_DAY);
      const today: Period = { label: '今日' };
      expect(anomalies([reading('visitors', 100)], history, today, { capturedAt: '2026-11-21T02:00:00.000Z' })).toEqual([]);
    });

    it('compares a 7-day total with earlier, non-overlapping 7-day totals', () => {
      const current: Period = { label: '近7天', start: '2026-11-15', end: '2026-11-21' };
      const weeks = (count: number) =>
        Array.from({ length: count }, (_, i) => {
          const end = isoDay('2026-11-21', -7 * (i + 1));
          return periodRow(SHOP_KEY, 'visitors', 7_000 + (i % 2 ? 150 : -150), '近7天', isoDay(end, -6), end);
        });
      // Windows ending 1–6 days ago overlap the current week and must not count.
      const overlapping = Array.from({ length: 6 }, (_, i) => {
        const end = isoDay('2026-11-21', -(i + 1));
        return periodRow(SHOP_KEY, 'visitors', 7_000, '近7天', isoDay(end, -6), end);
      });
      expect(anomalies([reading('visitors', 2_800)], [...weeks(ANOMALY_RULES.minPeriods), ...overlapping], current)).toHaveLength(1);
      expect(anomalies([reading('visitors', 2_800)], [...weeks(ANOMALY_RULES.minPeriods - 1), ...overlapping], current)).toEqual([]);
    });
  });

  describe('same weekday', () => {
    // Four weeks where Saturdays sell half of a weekday.
    const weekdayPattern = Array.from({ length: 28 }, (_, i) => {
      const day = isoDay(LAST_HISTORY_DAY, i - 27);
      return new Date(`${day}T00:00:00Z`).getUTCDay() === 6 ? 500 + (i % 3) * 10 : 1000 + (i % 5) * 10;
    });

    it('does not flag a Saturday dip that every Saturday shows', () => {
      const history = dailyHistory(SHOP_KEY, 'visitors', weekdayPattern, LAST_HISTORY_DAY);
      expect(anomalies([reading('visitors', 505)], history)).toEqual([]);
    });

    it('flags the same dip on a Sunday', () => {
      const history = dailyHistory(SHOP_KEY, 'visitors', [...weekdayPattern, 510], '2026-11-21');
      const sunday: Period = { label: '昨日', start: '2026-11-22', end: '2026-11-22' };
      expect(anomalies([reading('visitors', 505)], history, sunday, { capturedAt: '2026-11-23T01:00:00.000Z' })).toHaveLength(1);
    });
  });

  it.each([
    { metric: 'visitors', values: STABLE_TWO_WEEKS, now: 2_000, severity: 'good' },
    { metric: 'refundRate', values: STABLE_TWO_WEEKS.map((v) => v / 10_000), now: 0.25, severity: 'critical' },
    { metric: 'adSpend', values: STABLE_TWO_WEEKS, now: 3_000, severity: 'info' },
  ])('direction: $metric at $now → $severity', ({ metric, values, now, severity }) => {
    const history = dailyHistory(SHOP_KEY, metric, values, LAST_HISTORY_DAY);
    expect(anomalies([reading(metric, now)], history).map((f) => f.severity)).toEqual([severity]);
  });

  it('checks report rows on their own item history, key metrics only', () => {
    const itemKey = 'taobao:item:617129397971';
    const history = [
      ...dailyHistory(itemKey, 'visitors', STABLE_TWO_WEEKS, LAST_HISTORY_DAY),
      ...dailyHistory(itemKey, 'favoriteUsers', STABLE_TWO_WEEKS, LAST_HISTORY_DAY),
    ];
    const found = anomalies([], history, YESTERDAY, {
      pageKind: 'item-report',
      items: [item('617129397971', [reading('visitors', 300), reading('favoriteUsers', 300)])],
    });
    expect(found.map((f) => [f.metric, f.evidence.subject.itemId])).toEqual([['visitors', '617129397971']]);
    expect(found[0]?.message.zh).toMatch(/^商品「商品617129397971」/);
  });
});
