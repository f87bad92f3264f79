import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib/diagnostics';
import { breakEvenRoi, expectedSpendShare, fractionReaching, trafficClassOf } from '../../../lib/diagnostics/ads';
import type { Capture, MetricReading } from '../../../lib/capture/schema';
import type { DiagnosticsSettings } from '../../../lib/diagnostics/types';
import { capture, item, reading } from './helpers';

const ADS_URL = 'https://one.alimama.com/index.html#!/report';

function adsFindings(metrics: MetricReading[], settings: DiagnosticsSettings = {}, extra: Partial<Capture> = {}) {
  return diagnose({ capture: capture({ metrics, url: ADS_URL, ...extra }), settings }).filter((f) => f.kind === 'ads');
}

describe('ROI against break-even', () => {
  it.each([
    { margin: 0.25, expected: 4 },
    { margin: 0.5, expected: 2 },
    { margin: 0, expected: undefined },
    { margin: 1.5, expected: undefined },
  ])('margin $margin → break-even ROI $expected', ({ margin, expected }) => {
    expect(breakEvenRoi(margin)).toBe(expected);
  });

  it.each([
    { roi: 2.5, severity: 'critical' }, // < 90 % of 4
    { roi: 3.8, severity: 'warning' },
    { roi: 4.5, severity: undefined },
    { roi: 5.5, severity: 'good' },
  ])('shown ROI $roi with 25 % margin → $severity', ({ roi, severity }) => {
    const found = adsFindings([reading('roi', roi)], { grossMargin: 0.25 });
    expect(found.map((f) => f.severity)).toEqual(severity ? [severity] : []);
    if (severity) {
      expect(found[0]?.reference).toBe(4);
      expect(found[0]?.evidence.reference?.source).toBe('break-even');
    }
  });

  it('judges ROI computed from the ads’ sales and spend on an ad console', () => {
    const [finding] = adsFindings([reading('adSales', 3_000), reading('adSpend', 1_000)], { grossMargin: 0.25 });
    expect(finding).toMatchObject({ metric: 'roi', severity: 'critical', reference: 4 });
    expect(finding?.value).toBeCloseTo(3, 10);
    expect(finding?.message.en).toMatch(/lose money/);
    expect(finding?.actions.map((a) => a.en).join(' ')).toMatch(/bids/);
  });

  it('does not call a shop dashboard’s sales / spend an ROI', () => {
    const found = diagnose({
      capture: capture({ metrics: [reading('payAmount', 3_000), reading('adSpend', 1_000)] }),
      settings: { grossMargin: 0.25 },
    });
    expect(found.filter((f) => f.metric === 'roi')).toEqual([]);
  });

  it('asks for the margin when none is set', () => {
    const found = adsFindings([reading('roi', 2)]);
    expect(found.map((f) => [f.severity, f.id])).toEqual([['info', 'ads:page:roi:margin-missing']]);
    expect(found[0]?.actions[0]?.zh).toMatch(/毛利率/);
  });

  it('takes a lower-bound ROI only as proof of the good side', () => {
    expect(adsFindings([reading('roi', 2, { bound: 'atLeast' })], { grossMargin: 0.25 })).toEqual([]);
    expect(adsFindings([reading('roi', 6, { bound: 'atLeast' })], { grossMargin: 0.25 }).map((f) => f.severity)).toEqual(['good']);
  });
});

describe('spend pacing', () => {
  const today = { label: '今日' };
  // Shanghai time = UTC + 8.
  const at = (hhmm: string) => `2026-11-22T${hhmm}:00+08:00`;

  it('follows a day curve: little spend overnight, most in the evening', () => {
    expect(expectedSpendShare(0)).toBe(0);
    expect(expectedSpendShare(1)).toBeCloseTo(1, 10);
    expect(expectedSpendShare(0.5)).toBeLessThan(0.5);
    expect(fractionReaching(expectedSpendShare(0.6))).toBeCloseTo(0.6, 6);
  });

  it.each([
    { time: '15:00', spend: 1_000, id: 'ads:page:adSpend:exhausted', severity: 'critical' },
    { time: '23:00', spend: 1_000, id: undefined, severity: undefined }, // running out at 23:00 is normal
    { time: '10:00', spend: 500, id: 'ads:page:adSpend:over-pace', severity: 'warning' },
    { time: '10:00', spend: 150, id: undefined, severity: undefined },
    { time: '16:00', spend: 100, id: 'ads:page:adSpend:under-pace', severity: 'info' },
    { time: '09:00', spend: 10, id: undefined, severity: undefined }, // too early to call it slow
  ])('today at $time, spend $spend of 1000 → $severity', ({ time, spend, id, severity }) => {
    const found = adsFindings([reading('adSpend', spend)], { dailyAdBudget: 1_000 }, { period: today, capturedAt: at(time) });
    expect(found.map((f) => [f.id, f.severity])).toEqual(id ? [[id, severity]] : []);
  });

  it('says when the over-paced budget will run out', () => {
    const [finding] = adsFindings([reading('adSpend', 500)], { dailyAdBudget: 1_000 }, { period: today, capturedAt: at('10:00') });
    expect(finding?.message.zh).toMatch(/约 \d\d:\d\d 花完/);
    expect(finding?.evidence.reference).toMatchObject({ source: 'budget', value: 1_000 });
  });

  it.each([
    { spend: 1_000, severity: 'warning' },
    { spend: 700, severity: undefined },
    { spend: 300, severity: 'info' },
  ])('a finished day with spend $spend of 1000 → $severity', ({ spend, severity }) => {
    const found = adsFindings([reading('adSpend', spend)], { dailyAdBudget: 1_000 });
    expect(found.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('needs a budget setting', () => {
    expect(adsFindings([reading('adSpend', 5_000)])).toEqual([]);
  });
});

describe('paid against organic traffic', () => {
  it.each([
    { row: { title: '直通车' }, expected: 'paid' },
    { row: { title: ' 手淘搜索 ' }, expected: 'organic' },
    { row: { title: '搜索推广' }, expected: undefined },
    { row: { itemId: '1', title: '直通车' }, expected: undefined },
  ])('$row.title → $expected', ({ row, expected }) => {
    expect(trafficClassOf(row)).toBe(expected);
  });

  it('compares paid conversion with organic from a traffic-source table, summing several sources', () => {
    const rows = [
      item(undefined, [reading('visitors', 1_000), reading('buyers', 10)], { title: '直通车' }),
      item(undefined, [reading('visitors', 1_000), reading('buyers', 6)], { title: '引力魔方' }),
      item(undefined, [reading('visitors', 2_000), reading('buyers', 80)], { title: '手淘搜索' }),
    ];
    const found = diagnose({ capture: capture({ pageKind: 'dashboard', items: rows }) }).filter((f) => f.kind === 'ads');
    expect(found.map((f) => [f.metric, f.severity])).toEqual([['conversionRate', 'warning']]);
    expect(found[0]?.value).toBeCloseTo(0.008, 10);
    expect(found[0]?.reference).toBeCloseTo(0.04, 10);
    // Traffic-source rows are not items: no item findings about them.
    expect(diagnose({ capture: capture({ items: rows }) }).every((f) => f.evidence.subject.kind === 'page')).toBe(true);
  });

  it('stays quiet when paid traffic converts about as well', () => {
    const rows = [
      item(undefined, [reading('visitors', 1_000), reading('buyers', 36)], { title: '付费流量' }),
      item(undefined, [reading('visitors', 2_000), reading('buyers', 80)], { title: '免费流量' }),
    ];
    expect(diagnose({ capture: capture({ items: rows }) }).filter((f) => f.kind === 'ads')).toEqual([]);
  });
});
