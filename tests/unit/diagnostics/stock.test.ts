import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib/diagnostics';
import { averageDailyUnits, DEFAULT_RESTOCK_LEAD_DAYS } from '../../../lib/diagnostics/stock';
import { periodKindOf } from '../../../lib/diagnostics/period';
import type { ItemRow, Period } from '../../../lib/capture/schema';
import type { ObservationRow } from '../../../lib/db/schema';
import { capture, dailyHistory, item, periodRow, reading } from './helpers';

const YESTERDAY: Period = { label: '昨日', start: '2026-11-21', end: '2026-11-21' };
const key = (id: string) => `taobao:item:${id}`;

function stockFindings(items: ItemRow[], history: ObservationRow[] = [], period: Period = YESTERDAY, settings = {}) {
  return diagnose({ capture: capture({ pageKind: 'item-report', period, items }), history, settings }).filter((f) => f.kind === 'stock');
}

describe('stock cover', () => {
  it('warns before a best seller runs out: cover below the restock lead time is critical', () => {
    const history = dailyHistory(key('1'), 'units', [20, 22, 18, 20, 21, 19, 20], '2026-11-20');
    const [finding] = stockFindings([item('1', [reading('stock', 100)], { rank: 1 })], history);
    expect(finding).toMatchObject({ kind: 'stock', severity: 'critical', metric: 'stock', reference: DEFAULT_RESTOCK_LEAD_DAYS });
    expect(finding?.value).toBeCloseTo(5, 10);
    expect(finding?.evidence.details.map((d) => d.value)).toEqual([100, 20]);
    expect(finding?.message.zh).toMatch(/5\.0 天/);
    expect(finding?.actions[0]?.en).toMatch(/Restock/);
  });

  it.each([
    { stock: 100, rank: 1, severity: 'critical' }, // 5 days
    { stock: 200, rank: 1, severity: 'warning' }, // 10 days
    { stock: 400, rank: 1, severity: undefined }, // 20 days
    { stock: 100, rank: 9, severity: 'warning' }, // not a best seller: one step lower
    { stock: 0, rank: 1, severity: 'critical' },
  ])('stock $stock, rank $rank → $severity', ({ stock, rank, severity }) => {
    const history = dailyHistory(key('1'), 'units', [20, 20, 20, 20], '2026-11-20');
    // Four faster sellers push item 1 out of the top three.
    const others = ['2', '3', '4'].flatMap((id) => dailyHistory(key(id), 'units', [90, 90, 90], '2026-11-20'));
    const rows = [item('1', [reading('stock', stock)], { rank }), ...['2', '3', '4'].map((id) => item(id, [reading('stock', 100_000)]))];
    const found = stockFindings(rows, [...history, ...others]).filter((f) => f.evidence.subject.itemId === '1');
    expect(found.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('uses the restock lead time from the settings', () => {
    const history = dailyHistory(key('1'), 'units', [20, 20, 20], '2026-11-20');
    const found = stockFindings([item('1', [reading('stock', 100)], { rank: 1 })], history, YESTERDAY, { restockLeadDays: 3 });
    expect(found.map((f) => [f.severity, f.reference])).toEqual([['warning', 3]]);
    expect(found[0]?.evidence.reference?.source).toBe('settings');
  });

  it('says nothing without a sales rate', () => {
    expect(stockFindings([item('1', [reading('stock', 1)], { rank: 1 })])).toEqual([]);
    const tooFew = dailyHistory(key('1'), 'units', [20, 20], '2026-11-20');
    expect(stockFindings([item('1', [reading('stock', 1)], { rank: 1 })], tooFew)).toEqual([]);
  });

  it('says nothing for a listing page, whose stock may be a competitor’s', () => {
    const history = dailyHistory('taobao:item:1', 'units', [20, 20, 20], '2026-11-20');
    const listing = capture({
      pageKind: 'listing',
      url: 'https://item.taobao.com/item.htm?id=1',
      listing: { itemId: '1', title: 't', stock: { text: '库存10件', quantity: 10 } },
    });
    expect(diagnose({ capture: listing, history }).filter((f) => f.kind === 'stock')).toEqual([]);
  });

  describe('average daily units', () => {
    const day = '2026-11-21';
    const at = '2026-11-22T01:00:00.000Z';
    it.each([
      {
        why: 'the row’s own 7-day units',
        rowUnits: 140,
        period: { label: '近7天', start: '2026-11-15', end: '2026-11-21' },
        history: [] as ObservationRow[],
        expected: { perDay: 20, basis: 'row-period' },
      },
      {
        why: 'daily history over days observed',
        rowUnits: undefined,
        period: YESTERDAY,
        history: dailyHistory(key('1'), 'units', [10, null, 20, null, 30], '2026-11-20'),
        expected: { perDay: 20, basis: 'daily-history' },
      },
      {
        why: 'a multi-day figure from history',
        rowUnits: undefined,
        period: YESTERDAY,
        history: [periodRow(key('1'), 'units', 300, '近30天', '2026-10-21', '2026-11-19')],
        expected: { perDay: 10, basis: 'period-history' },
      },
      {
        why: 'the row’s one day as a last resort',
        rowUnits: 12,
        period: YESTERDAY,
        history: [] as ObservationRow[],
        expected: { perDay: 12, basis: 'row-short-period' },
      },
      { why: 'a running day gives no rate', rowUnits: 12, period: { label: '今日' }, history: [] as ObservationRow[], expected: undefined },
    ])('$why', ({ rowUnits, period, history, expected }) => {
      const rate = averageDailyUnits(rowUnits, periodKindOf(period), history, key('1'), day, at);
      expect(rate ? { perDay: rate.perDay, basis: rate.basis } : undefined).toEqual(expected);
    });
  });
});
