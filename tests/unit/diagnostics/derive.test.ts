import { describe, expect, it } from 'vitest';
import { consistencyFindings, deriveMetrics, displayHalfStep, intervalOf } from '../../../lib/diagnostics/derive';
import { reading } from './helpers';

describe('derived metrics', () => {
  it.each([
    { metric: 'ctr', inputs: [reading('clicks', 300), reading('impressions', 10_000)], expected: 0.03 },
    { metric: 'ctr', inputs: [reading('clickUsers', 250), reading('impressionUsers', 5_000)], expected: 0.05 },
    { metric: 'conversionRate', inputs: [reading('buyers', 51), reading('visitors', 1_000)], expected: 0.051 },
    { metric: 'uvValue', inputs: [reading('payAmount', 2_500), reading('visitors', 1_000)], expected: 2.5 },
    { metric: 'aov', inputs: [reading('payAmount', 2_500), reading('buyers', 50)], expected: 50 },
    { metric: 'refundRate', inputs: [reading('refundAmount', 300), reading('payAmount', 2_500)], expected: 0.12 },
    { metric: 'addToCartRate', inputs: [reading('addToCartUsers', 80), reading('visitors', 1_000)], expected: 0.08 },
  ])('$metric from $inputs.0.metric / $inputs.1.metric', ({ metric, inputs, expected }) => {
    const value = deriveMetrics(inputs).values.get(metric);
    expect(value?.source).toBe('derived');
    expect(value?.value).toBeCloseTo(expected, 10);
    expect(value?.inputs?.map((i) => i.metric)).toEqual(inputs.map((i) => i.metric));
  });

  it('prefers clicks / impressions over people when both pairs were captured', () => {
    const set = deriveMetrics([
      reading('clicks', 300),
      reading('impressions', 10_000),
      reading('clickUsers', 250),
      reading('impressionUsers', 5_000),
    ]);
    expect(set.values.get('ctr')?.value).toBeCloseTo(0.03, 10);
  });

  it('derives ROI only on an ad console, from the ads’ own sales (adSales), never the shop’s pay amount', () => {
    const readings = [reading('adSales', 3_000), reading('adSpend', 1_000)];
    expect(deriveMetrics(readings).values.has('roi')).toBe(false);
    const roi = deriveMetrics(readings, { adsPage: true }).values.get('roi');
    expect(roi?.value).toBeCloseTo(3, 10);
    expect(roi?.unit).toBe('multiple');
    expect(deriveMetrics([reading('payAmount', 3_000), reading('adSpend', 1_000)], { adsPage: true }).values.has('roi')).toBe(false);
  });

  it.each([
    // 多多推广: 实际投产比 = 交易额 / 成交花费 (4862 / 1180 = 4.12), not 交易额 / 总花费 (3.89).
    { why: '实际投产比 against 成交花费', shown: 4.12, expected: [] },
    { why: '实际投产比 that neither spend reproduces', shown: 5.5, expected: ['roi'] },
  ])('checks PDD’s ROI against either spend: $why', ({ shown, expected }) => {
    const set = deriveMetrics(
      [reading('roi', shown, { label: '实际投产比', unit: 'multiple' }), reading('adSales', 4_862), reading('adSpend', 1_250.4), reading('adOrderSpend', 1_180)],
      { adsPage: true },
    );
    expect(set.disagreements.map((d) => d.metric)).toEqual(expected);
  });

  it.each([
    // PDD's 成交转化率 divides by 商品访客数: 252 / 7714 = 3.27%, while 252 / 8960 (店铺访客数) = 2.81%.
    { why: 'shown against item visitors', readings: [['visitors', 8_960], ['itemVisitors', 7_714]], expected: [] },
    { why: 'derived from item visitors when the shop’s are not shown', readings: [['itemVisitors', 7_714]], expected: [] },
  ] as const)('conversion over 商品访客数: $why', ({ readings, expected }) => {
    const set = deriveMetrics([reading('conversionRate', 0.0327, { label: '成交转化率', unit: 'ratio' }), reading('buyers', 252), ...readings.map(([id, v]) => reading(id, v))]);
    expect(set.disagreements.map((d) => d.metric)).toEqual(expected);
    const derived = deriveMetrics([reading('buyers', 252), reading('itemVisitors', 7_714)]).values.get('conversionRate');
    expect(derived?.value).toBeCloseTo(252 / 7_714, 10);
  });

  it('never overrides a figure the page showed', () => {
    const set = deriveMetrics([reading('conversionRate', 0.0512), reading('buyers', 51), reading('visitors', 1_000)]);
    const value = set.values.get('conversionRate');
    expect(value?.source).toBe('page');
    expect(value?.value).toBe(0.0512);
    expect(set.disagreements).toEqual([]);
  });

  it.each([
    { why: 'numerator a lower bound → derived lower bound', buyers: { bound: 'atLeast' as const }, visitors: {}, expected: 'atLeast' },
    { why: 'denominator a lower bound → no value (it would be an upper bound)', buyers: {}, visitors: { bound: 'atLeast' as const }, expected: undefined },
    { why: 'a range input → no value', buyers: { max: 60 }, visitors: {}, expected: undefined },
    { why: 'zero denominator → no value', buyers: {}, visitors: { value: 0 }, expected: undefined },
  ])('$why', ({ buyers, visitors, expected }) => {
    const set = deriveMetrics([reading('buyers', 50, buyers), reading('visitors', 1_000, visitors)]);
    expect(set.values.get('conversionRate')?.bound).toBe(expected);
  });
});

describe('consistency between a shown ratio and its parts', () => {
  it.each([
    { why: 'exact agreement', shown: 0.0563, buyers: 563, visitors: 10_000, flagged: false },
    { why: 'within the percent rounding', shown: 0.0563, buyers: 5_634, visitors: 100_000, flagged: false },
    { why: 'visitors shown as 1.2万 (±500)', shown: 0.05, buyers: 600, visitors: 12_000, flagged: false },
    { why: 'a peer value taken for the shop’s own', shown: 0.082, buyers: 51, visitors: 1_000, flagged: true },
    { why: 'a 万 slip on visitors', shown: 0.051, buyers: 51, visitors: 10, flagged: true },
    { why: '6% shown without decimals stands for 5.5–6.5 %', shown: 0.06, buyers: 563, visitors: 10_000, flagged: false },
    { why: 'just beyond rounding and slack', shown: 0.0591, buyers: 565, visitors: 10_037, flagged: true },
    { why: '1万 visitors may be 5,000–15,000, which explains 5.91 %', shown: 0.0591, buyers: 565, visitors: 10_000, flagged: false },
  ])('$why → flagged $flagged', ({ shown, buyers, visitors, flagged }) => {
    const set = deriveMetrics([reading('conversionRate', shown), reading('buyers', buyers), reading('visitors', visitors)]);
    expect(set.disagreements.length > 0).toBe(flagged);
  });

  it.each([
    { label: '下单转化率', why: 'order placers, not payers' },
    { label: '点击-成交转化率', why: 'divides by click users, which were not captured' },
  ])('does not check $label ($why)', ({ label }) => {
    const set = deriveMetrics([reading('conversionRate', 0.2, { label }), reading('buyers', 51), reading('visitors', 1_000)]);
    expect(set.disagreements).toEqual([]);
  });

  it('does not check plain 退款率, often a trailing-30-day rate', () => {
    const set = deriveMetrics([reading('refundRate', 0.3, { label: '退款率' }), reading('refundAmount', 10), reading('payAmount', 1_000)]);
    expect(set.disagreements).toEqual([]);
    const amountBased = deriveMetrics([
      reading('refundRate', 0.3, { label: '金额退款率' }),
      reading('refundAmount', 10),
      reading('payAmount', 1_000),
    ]);
    expect(amountBased.disagreements.map((d) => d.metric)).toEqual(['refundRate']);
  });

  it('flags 点击率 only when neither clicks nor click users reproduce it', () => {
    const byUsers = deriveMetrics([
      reading('ctr', 0.05),
      reading('clicks', 300),
      reading('impressions', 10_000),
      reading('clickUsers', 250),
      reading('impressionUsers', 5_000),
    ]);
    expect(byUsers.disagreements).toEqual([]);
    const neither = deriveMetrics([reading('ctr', 0.09), reading('clicks', 300), reading('impressions', 10_000)]);
    expect(neither.disagreements.map((d) => d.metric)).toEqual(['ctr']);
  });

  it('checks a lower bound one-sidedly: 10万+ impressions allow any smaller CTR', () => {
    const fine = deriveMetrics([reading('ctr', 0.001), reading('clicks', 300), reading('impressions', 100_000, { bound: 'atLeast' })]);
    expect(fine.disagreements).toEqual([]);
    const tooHigh = deriveMetrics([reading('ctr', 0.05), reading('clicks', 300), reading('impressions', 100_000, { bound: 'atLeast' })]);
    expect(tooHigh.disagreements.map((d) => d.metric)).toEqual(['ctr']);
  });

  it('turns a disagreement into a warning with both the shown and the computed figure as evidence', () => {
    const set = deriveMetrics([reading('conversionRate', 0.082), reading('buyers', 51), reading('visitors', 1_000)]);
    const [finding] = consistencyFindings(set, { kind: 'page' }, '昨日');
    expect(finding).toMatchObject({ kind: 'consistency', severity: 'warning', metric: 'conversionRate', value: 0.082 });
    expect(finding?.reference).toBeCloseTo(0.051, 10);
    expect(finding?.evidence.details.map((d) => [d.value, d.source])).toEqual([
      [51, 'page'],
      [1_000, 'page'],
    ]);
    expect(finding?.message.zh).toContain('8.20%');
    expect(finding?.message.en).toContain('5.10%');
    expect(finding?.actions.length).toBeGreaterThan(0);
  });
});

describe('display precision', () => {
  it.each([
    { value: 0.0563, unit: 'ratio' as const, half: 0.00005 },
    { value: 0.056, unit: 'ratio' as const, half: 0.0005 },
    { value: 0.05, unit: 'ratio' as const, half: 0.005 },
    { value: 12_000, unit: 'count' as const, half: 500 },
    { value: 150_000_000, unit: 'count' as const, half: 5_000_000 },
    { value: 9_000, unit: 'count' as const, half: 0 },
    { value: 12_345, unit: 'count' as const, half: 0 },
    { value: 1_234.5, unit: 'yuan' as const, half: 0.05 },
    { value: 3.84, unit: 'multiple' as const, half: 0.005 },
  ])('$value ($unit) → ±$half', ({ value, unit, half }) => {
    expect(displayHalfStep(value, unit)).toBeCloseTo(half, 12);
  });

  it('opens the interval of a lower bound upwards', () => {
    expect(intervalOf({ value: 100_000, unit: 'count', bound: 'atLeast' }).high).toBe(Infinity);
  });
});
