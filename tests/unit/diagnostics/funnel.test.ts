import { describe, expect, it } from 'vitest';
import { buildFunnel, funnelFindings } from '../../../lib/diagnostics/funnel';
import { deriveMetrics } from '../../../lib/diagnostics/derive';
import type { MetricReading } from '../../../lib/capture/schema';
import { reading } from './helpers';

const context = { platform: 'taobao' as const, pageKind: 'dashboard' as const, shopReferences: true };

function funnel(readings: MetricReading[], shopReferences = true) {
  return buildFunnel(deriveMetrics(readings), { ...context, shopReferences });
}

describe('funnel', () => {
  it('gives chart data: stages in order and the rate of each step', () => {
    const built = funnel([
      reading('buyers', 30),
      reading('impressions', 40_123),
      reading('visitors', 1_000),
      reading('clicks', 1_203),
      reading('addToCartUsers', 90),
    ]);
    expect(built?.data.stages.map((s) => [s.id, s.value])).toEqual([
      ['exposure', 40_123],
      ['click', 1_203],
      ['visit', 1_000],
      ['cart', 90],
      ['buy', 30],
    ]);
    expect(built?.data.steps.map((s) => [s.from, s.to, Number(s.rate.toFixed(4))])).toEqual([
      ['exposure', 'click', 0.03],
      ['click', 'visit', 0.8313],
      ['visit', 'cart', 0.09],
      ['cart', 'buy', 0.3333],
    ]);
  });

  it.each([
    // 商品访客数 (itemVisitors) is the visit stage where the shop's visitors are not shown (PDD, item pages).
    ['item-page visitors only', [reading('itemVisitors', 800), reading('buyers', 24)], 800],
    ['the shop’s visitors first when both are shown', [reading('visitors', 1_000), reading('itemVisitors', 800), reading('buyers', 24)], 1_000],
  ])('the visit stage: %s', (_case, readings, visit) => {
    expect(funnel(readings)?.data.stages.find((s) => s.id === 'visit')?.value).toBe(visit);
  });

  it('takes exposure and clicks in people when both people figures exist', () => {
    const built = funnel([
      reading('impressions', 40_123),
      reading('clicks', 1_203),
      reading('impressionUsers', 20_011),
      reading('clickUsers', 901),
    ]);
    expect(built?.data.stages.map((s) => s.metric)).toEqual(['impressionUsers', 'clickUsers']);
  });

  it('names the step furthest below its benchmark', () => {
    // CTR 3 % is inside its 2–5 % range; add-to-cart 9 % inside 5–10 %; conversion 0.5 % far below 1.5–4 %.
    const built = funnel([
      reading('impressions', 40_123),
      reading('clicks', 1_203),
      reading('visitors', 1_001),
      reading('addToCartUsers', 90),
      reading('buyers', 5),
    ]);
    expect(built?.data.weakest).toBe('conversionRate');
    const [finding] = funnelFindings(built, { kind: 'page' }, '昨日');
    expect(finding).toMatchObject({ kind: 'funnel', metric: 'conversionRate', severity: 'info', reference: 0.015 });
    expect(finding?.message.en).toMatch(/largest gap/);
  });

  it('judges by the page’s peer value when the rate is shown with one', () => {
    // Conversion 3 % passes the default range but the page says peers convert at 9 %; CTR is 1.8 % against 2–5 %.
    const built = funnel([
      reading('impressions', 40_123),
      reading('clicks', 722),
      reading('visitors', 1_001),
      reading('buyers', 30),
      reading('conversionRate', 0.03, { peers: [{ label: '同行均值', value: 0.09 }] }),
    ]);
    expect(built?.data.weakest).toBe('conversionRate');
    expect(built?.data.rates.find((r) => r.metric === 'conversionRate')?.reference?.source).toBe('page-peer');
  });

  it('reports nothing when only one rate could be judged', () => {
    const built = funnel([reading('visitors', 1_001), reading('buyers', 5)]);
    expect(built?.data.weakest).toBe('conversionRate');
    expect(funnelFindings(built, { kind: 'page' }, null)).toEqual([]);
  });

  it('reports nothing when no rate is below its reference', () => {
    const built = funnel([reading('impressions', 40_123), reading('clicks', 1_600), reading('visitors', 1_001), reading('buyers', 30)]);
    expect(built?.data.weakest).toBeUndefined();
    expect(funnelFindings(built, { kind: 'page' }, null)).toEqual([]);
  });

  it('flags a step above 100 % (stages of different scopes) and does not judge it', () => {
    const built = funnel([reading('impressions', 40_123), reading('clicks', 500), reading('visitors', 3_001), reading('buyers', 60)]);
    expect(built?.data.steps.find((s) => s.to === 'visit')?.exceedsOne).toBe(true);
    expect(built?.data.rates.map((r) => r.metric)).toEqual(['ctr', 'conversionRate']);
  });

  it('has no funnel with fewer than two stages', () => {
    expect(funnel([reading('visitors', 1_001)])).toBeUndefined();
  });
});
