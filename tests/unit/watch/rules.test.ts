/**
 * Watch rules against histories, including values hovering around thresholds (noise), drifts,
 * bounds and repeated reads of one period.
 */
import { describe, expect, it } from 'vitest';
import type { Bound } from '../../../lib/capture/schema';
import { certainChange, evaluateRules, MAX_KNOWN_ITEMS, reachesThreshold, type ReadingValue, type WatchReading } from '../../../lib/watch/rules';
import type { Alert, WatchRule, WatchState } from '../../../lib/watch/types';

type Step = number | { value: number; bound?: Bound; max?: number };

function dayOf(i: number): string {
  return new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10);
}

function value(metric: string, step: Step, day: string, group = 'snapshot'): ReadingValue {
  const v = typeof step === 'number' ? { value: step } : step;
  const out: ReadingValue = { metric, group, unit: metric === 'price' ? 'yuan' : 'count', value: v.value, bound: v.bound ?? 'exact', day };
  if (v.max !== undefined) out.max = v.max;
  return out;
}

/** Runs a rule over one figure's history; returns "index: direction from→to" per alert. */
function alertsOver(rule: WatchRule, metric: string, history: readonly Step[]): string[] {
  let state: WatchState = {};
  const fired: string[] = [];
  history.forEach((step, i) => {
    const reading: WatchReading = { at: `${dayOf(i)}T02:00:00.000Z`, captureId: `c${i}`, values: [value(metric, step, dayOf(i))] };
    const result = evaluateRules([rule], state, reading);
    state = result.state;
    for (const { alert } of result.alerts) {
      if (alert.type === 'change') fired.push(`${i}: ${alert.direction} ${alert.from.value}→${alert.to.value}`);
    }
  });
  return fired;
}

const price = (over: Partial<Extract<WatchRule, { type: 'change' }>> = {}): WatchRule => ({
  id: 'price',
  type: 'change',
  enabled: true,
  metric: 'price',
  direction: 'both',
  percent: 5,
  ...over,
});

describe('change rule on figures without a period (a listing price)', () => {
  it.each<[string, WatchRule, Step[], string[]]>([
    ['first sight only learns', price(), [100], []],
    ['a 5 % drop alerts once', price(), [100, 95], ['1: down 100→95']],
    ['just under the threshold does not alert', price(), [100, 95.01], []],
    [
      'hovering around the threshold alerts once, not on every wobble',
      price(),
      [100, 94.9, 95.1, 94.8, 95.2, 94.95, 95.05, 94.9],
      ['1: down 100→94.9'],
    ],
    [
      'noise around a level never alerts',
      price(),
      [100, 101.5, 99.2, 100.8, 98.9, 101.9, 99.6, 100.3, 98.4, 101.1],
      [],
    ],
    ['a slow drift alerts once it adds up', price(), [100, 99, 98, 97, 96, 95, 94.5, 94], ['5: down 100→95']],
    ['bidirectional: back up alerts too', price(), [100, 94, 94.5, 99], ['1: down 100→94', '3: up 94→99']],
    ['up only: a drop does not alert but moves the reference', price({ direction: 'up' }), [100, 90, 95, 90, 96], ['2: up 90→95', '4: up 90→96']],
    ['down only', price({ direction: 'down' }), [100, 106, 100, 112], ['2: down 106→100']],
    ['amount threshold alone (≥ ¥3)', price({ percent: undefined, amount: 3 }), [100, 98, 97, 99.5, 100.1], ['2: down 100→97', '4: up 97→100.1']],
    ['percent or amount, whichever comes first', price({ percent: 50, amount: 10 }), [1000, 992, 989], ['2: down 1000→989']],
    ['no threshold at all never alerts', price({ percent: undefined, amount: undefined }), [100, 10, 1000], []],
  ])('%s', (_name, rule, history, expected) => {
    expect(alertsOver(rule, 'price', history)).toEqual(expected);
  });

  it('a disabled rule neither alerts nor learns', () => {
    expect(alertsOver(price({ enabled: false }), 'price', [100, 50, 200])).toEqual([]);
  });

  it('a price range is measured by its lowest price', () => {
    expect(alertsOver(price(), 'price', [{ value: 100, max: 150 }, { value: 94, max: 200 }])).toEqual(['1: down 100→94']);
  });
});

describe('change rule with lower bounds (sales such as 1万+)', () => {
  const sales = (over: Partial<Extract<WatchRule, { type: 'change' }>> = {}): WatchRule => ({ id: 'sales', type: 'change', enabled: true, metric: 'sales', direction: 'both', percent: 30, ...over });
  const atLeast = (value: number): Step => ({ value, bound: 'atLeast' });

  it.each<[string, WatchRule, Step[], string[]]>([
    ['exact → a bound far above: a certain rise', sales(), [7000, atLeast(10000)], ['1: up 7000→10000']],
    ['exact → a bound just above: rise too small to be sure of 30 %', sales(), [8000, atLeast(10000)], []],
    ['bound → higher bound: no certain change', sales(), [atLeast(10000), atLeast(20000)], []],
    ['bound → exact far below: a certain fall, but no percentage', sales(), [atLeast(10000), 5000], []],
    ['bound → exact far below with an amount threshold', sales({ amount: 3000 }), [atLeast(10000), 5000], ['1: down 10000→5000']],
    [
      'a bound reference gives way to a later exact figure (it does not freeze the rule)',
      sales(),
      [atLeast(10000), 12000, 12500, 16000],
      ['3: up 12000→16000'],
    ],
    ['hovering bucket 1万+ / exact 9,900 … never alerts', sales(), [9900, atLeast(10000), 9950, atLeast(10000), 9980], []],
  ])('%s', (_name, rule, history, expected) => {
    expect(alertsOver(rule, 'sales', history)).toEqual(expected);
  });

  it('certainChange takes bounds and ranges into account', () => {
    const at = { day: '2026-11-01', at: '' };
    expect(certainChange({ value: 100, bound: 'exact', ...at }, value('x', 120, at.day))).toEqual({ direction: 'up', amount: 20, ratio: 0.2 });
    expect(certainChange({ value: 100, max: 150, bound: 'exact', ...at }, value('x', 160, at.day))).toEqual({ direction: 'up', amount: 10, ratio: 10 / 150 });
    expect(certainChange({ value: 100, max: 150, bound: 'exact', ...at }, value('x', 120, at.day))).toBeUndefined();
    expect(certainChange({ value: 100, bound: 'atLeast', ...at }, value('x', 500, at.day))).toBeUndefined();
    expect(reachesThreshold({ percent: 5 }, { direction: 'down', amount: 5, ratio: 0.05 })).toBe(true);
    expect(reachesThreshold({ percent: 5 }, { direction: 'down', amount: 5, ratio: null })).toBe(false);
  });
});

describe('change rule on periodic figures (a shop’s days)', () => {
  const rule: WatchRule = { id: 'payAmount', type: 'change', enabled: true, metric: 'payAmount', direction: 'both', percent: 30 };

  function run(reads: [day: number, value: number, group?: string][], baseline?: [number, number]): string[] {
    let state: WatchState = {};
    const fired: string[] = [];
    reads.forEach(([d, v, group], i) => {
      const reading: WatchReading = { at: `2026-12-01T0${i}:00:00.000Z`, captureId: `c${i}`, values: [value('payAmount', v, dayOf(d), group ?? 'days:1')] };
      const base = baseline && i === 0 ? { values: new Map([[`payAmount|days:1`, { ...value('payAmount', baseline[1], dayOf(baseline[0]), 'days:1'), at: 'earlier' }]]) } : {};
      const result = evaluateRules([rule], state, reading, base);
      state = result.state;
      for (const { alert } of result.alerts) if (alert.type === 'change') fired.push(`${dayOf(d)} ${alert.direction} ${alert.from.value}→${alert.to.value}`);
    });
    return fired;
  }

  it('compares each day with the day before and alerts at most once per day', () => {
    expect(run([[0, 1000], [1, 1500], [1, 1500], [1, 1520], [2, 1400], [3, 900]])).toEqual([
      `${dayOf(1)} up 1000→1500`,
      `${dayOf(3)} down 1400→900`,
    ]);
  });

  it('a corrected re-read of a day is compared with the day before, not with itself', () => {
    expect(run([[0, 1000], [1, 1100], [1, 1400]])).toEqual([`${dayOf(1)} up 1000→1400`]);
  });

  it('an older day read later changes nothing', () => {
    expect(run([[0, 1000], [5, 1000], [2, 5000], [6, 1050]])).toEqual([]);
  });

  it('running days and periods of unknown length never alert', () => {
    expect(run([[0, 100, 'partial'], [0, 1000, 'partial'], [1, 10, 'unknown:活动期'], [2, 1000, 'unknown:活动期']])).toEqual([]);
  });

  it('7-day totals are compared with 7-day totals only', () => {
    expect(run([[0, 1000], [7, 7000, 'days:7'], [8, 1100], [14, 9800, 'days:7']])).toEqual([`${dayOf(14)} up 7000→9800`]);
  });

  it('uses the earlier day from history when the watch has no memory', () => {
    expect(run([[4, 2000]], [3, 1000])).toEqual([`${dayOf(4)} up 1000→2000`]);
  });
});

describe('title, stock and new-listing rules', () => {
  const title: WatchRule = { id: 'title', type: 'title', enabled: true };
  const stock: WatchRule = { id: 'stock', type: 'stock', enabled: true };
  const newListing: WatchRule = { id: 'newListing', type: 'newListing', enabled: true };

  function sequence(rules: WatchRule[], readings: Partial<WatchReading>[]): Alert[][] {
    let state: WatchState = {};
    return readings.map((partial, i) => {
      const result = evaluateRules(rules, state, { at: `t${i}`, captureId: `c${i}`, values: [], ...partial });
      state = result.state;
      return result.alerts.map((a) => a.alert);
    });
  }

  it('alerts when the title changes, not for spacing or full-width forms', () => {
    const alerts = sequence([title], [{ title: '夏季 连衣裙' }, { title: '夏季  连衣裙 ' }, { title: '夏季连衣裙 新款' }, { title: '夏季连衣裙 新款' }]);
    expect(alerts.map((a) => a.length)).toEqual([0, 0, 1, 0]);
    expect(alerts[2]![0]).toEqual({ type: 'title', from: '夏季 连衣裙', to: '夏季连衣裙 新款' });
    expect(sequence([title], [{ title: 'ＡＢＣ 裙' }, { title: 'ABC 裙' }]).flat()).toEqual([]);
  });

  it('an empty or missing title changes nothing', () => {
    expect(sequence([title], [{ title: '裙' }, { title: '' }, {}, { title: '裙' }]).flat()).toEqual([]);
  });

  it('alerts out of stock and back in stock, once each; unknown readings change nothing', () => {
    const alerts = sequence([stock], [
      { stock: { state: 'in' } },
      { stock: { state: 'out', text: '无货' } },
      {},
      { stock: { state: 'out' } },
      { stock: { state: 'in' } },
      { stock: { state: 'in' } },
    ]);
    expect(alerts.map((a) => a.map((x) => (x.type === 'stock' ? x.state : '')))).toEqual([[], ['out'], [], [], ['back'], []]);
  });

  it('learns a shop’s listings on first sight, then alerts each new one once', () => {
    const l = (...ids: string[]) => ({ listings: ids.map((id) => ({ itemId: id, title: `t${id}` })) });
    const alerts = sequence([newListing], [l('1', '2'), l('2', '3'), l('3', '1'), l('4', '4')]);
    expect(alerts.map((a) => a.map((x) => (x.type === 'newListing' ? x.itemId : '')))).toEqual([[], ['3'], [], ['4']]);
  });

  it('remembers a bounded number of items', () => {
    const state: WatchState = { knownItems: Array.from({ length: MAX_KNOWN_ITEMS }, (_, i) => `k${i}`) };
    const result = evaluateRules([newListing], state, { at: 't', captureId: 'c', values: [], listings: [{ itemId: 'new', title: 'n' }] });
    expect(result.state.knownItems).toHaveLength(MAX_KNOWN_ITEMS);
    expect(result.state.knownItems?.at(-1)).toBe('new');
    expect(state.knownItems).toHaveLength(MAX_KNOWN_ITEMS); // the caller's state is not mutated
  });

  it('uses the earlier title and stock from history when the watch has none', () => {
    const result = evaluateRules([title, stock], {}, { at: 't', captureId: 'c', values: [], title: '新标题', stock: { state: 'out' } }, { title: '旧标题', stock: 'in' });
    expect(result.alerts.map((a) => a.alert.type)).toEqual(['title', 'stock']);
  });
});
