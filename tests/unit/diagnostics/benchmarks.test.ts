import { describe, expect, it } from 'vitest';
import {
  benchmarkFindings,
  judge,
  referencesFor,
  severityOf,
  type BenchmarkContext,
} from '../../../lib/diagnostics/benchmarks';
import { deriveMetrics } from '../../../lib/diagnostics/derive';
import type { DiagnosticsSettings } from '../../../lib/diagnostics/types';
import { reading } from './helpers';

const context = (settings?: DiagnosticsSettings, shopReferences = true): BenchmarkContext => ({
  platform: 'taobao',
  pageKind: 'dashboard',
  shopReferences,
  ...(settings ? { settings } : {}),
});

const PEERS = [
  { label: '同行均值', value: 0.082 },
  { label: '同行优秀', value: 0.15 },
];

function findingsFor(readings: Parameters<typeof deriveMetrics>[0], settings?: DiagnosticsSettings, shopReferences = true) {
  return benchmarkFindings(deriveMetrics(readings), context(settings, shopReferences), { kind: 'page' }, '昨日');
}

describe('benchmark trust order', () => {
  it('lists page peers, then settings, then defaults', () => {
    const [value] = deriveMetrics([reading('conversionRate', 0.02, { peers: PEERS })]).values.values();
    const refs = referencesFor(value!, context({ benchmarks: { conversionRate: { low: 0.03 } } }));
    expect(refs.map((r) => [r.source, r.role])).toEqual([
      ['page-peer', 'average'],
      ['page-peer', 'top'],
      ['settings', 'target'],
      ['default', 'range'],
    ]);
  });

  it('judges by the page peer value, not the default, when the page shows one', () => {
    // 5.1 % sits inside the default 1.5–4 % range's good side, yet far below the peers' 8.2 %.
    const [finding] = findingsFor([reading('conversionRate', 0.051, { peers: PEERS })]);
    expect(finding).toMatchObject({ kind: 'peer', severity: 'warning', value: 0.051, reference: 0.082 });
    expect(finding?.evidence.reference).toMatchObject({ source: 'page-peer', confidence: 'high', label: { zh: '同行均值' } });
    expect(finding?.message.zh).toContain('5.10%');
    expect(finding?.message.zh).toContain('同行均值 8.20%');
    expect(finding?.actions.map((a) => a.en).join(' ')).toMatch(/price/i);
  });

  it('prefers the same-tier average over the all-peer average', () => {
    const [finding] = findingsFor([
      reading('conversionRate', 0.03, {
        peers: [
          { label: '同行均值', value: 0.05 },
          { label: '同行同层平均', value: 0.032 },
        ],
      }),
    ]);
    expect(finding?.evidence.reference?.label.zh).toBe('同行同层平均');
    expect(finding?.severity).toBe('info');
  });

  it('uses the operator’s setting before the default', () => {
    const [finding] = findingsFor([reading('ctr', 0.04)], { benchmarks: { ctr: { low: 0.045 } } });
    expect(finding).toMatchObject({ kind: 'benchmark', severity: 'info', reference: 0.045 });
    expect(finding?.evidence.reference?.source).toBe('settings');
  });

  it('labels a default as low confidence with its source', () => {
    const [finding] = findingsFor([reading('ctr', 0.008)]);
    expect(finding).toMatchObject({ kind: 'benchmark', severity: 'warning', reference: 0.02 });
    expect(finding?.evidence.reference).toMatchObject({ source: 'default', confidence: 'low', max: 0.05 });
    expect(finding?.evidence.reference?.note?.zh).toMatch(/经验值/);
    expect(finding?.message.en).toMatch(/rule of thumb/);
  });

  it('keeps a slightly-low figure against a rough default at info', () => {
    expect(findingsFor([reading('ctr', 0.015)]).map((f) => f.severity)).toEqual(['info']);
  });

  it('uses neither settings nor defaults for report rows, only the peers beside them', () => {
    expect(findingsFor([reading('ctr', 0.008)], { benchmarks: { ctr: { low: 0.05 } } }, false)).toEqual([]);
    expect(findingsFor([reading('ctr', 0.008, { peers: [{ label: '同行均值', value: 0.03 }] })], undefined, false)).toHaveLength(1);
  });

  it('judges derived figures too, and shows their inputs', () => {
    const [finding] = findingsFor([reading('clicks', 40), reading('impressions', 5_123)]);
    expect(finding?.metric).toBe('ctr');
    expect(finding?.evidence.figure.source).toBe('derived');
    expect(finding?.evidence.details.map((d) => d.value)).toEqual([40, 5_123]);
  });

  it('calls reaching a top-peer value good, and never warns for being below one', () => {
    expect(findingsFor([reading('conversionRate', 0.16, { peers: PEERS })]).map((f) => [f.severity, f.reference])).toEqual([
      ['good', 0.15],
    ]);
    expect(findingsFor([reading('conversionRate', 0.05, { peers: [{ label: '同行优秀', value: 0.15 }] })], undefined, false)).toEqual([]);
  });

  it('ignores peer labels it does not know rather than guess their meaning', () => {
    expect(findingsFor([reading('conversionRate', 0.01, { peers: [{ label: '同行某值', value: 0.2 }] })], undefined, false)).toEqual([]);
  });

  it('reads lower-is-better metrics the other way (refund rate)', () => {
    const [high] = findingsFor([reading('refundRate', 0.3, { peers: [{ label: '同行均值', value: 0.1 }] })]);
    expect(high).toMatchObject({ severity: 'warning', kind: 'peer' });
    expect(high?.message.en).toMatch(/above/);
    const [low] = findingsFor([reading('refundRate', 0.05, { peers: [{ label: '同行均值', value: 0.1 }] })]);
    expect(low?.severity).toBe('good');
  });

  it('takes a lower bound only as proof of the good side', () => {
    // 10万+ visitors against a 5万 peer average: at least twice the peers, whatever the true value.
    const good = findingsFor([reading('visitors', 100_000, { bound: 'atLeast', peers: [{ label: '同行均值', value: 50_000 }] })]);
    expect(good.map((f) => f.severity)).toEqual(['good']);
    const unknown = findingsFor([reading('visitors', 10_000, { bound: 'atLeast', peers: [{ label: '同行均值', value: 50_000 }] })]);
    expect(unknown).toEqual([]);
  });

  it('does not judge ad spend, a decision rather than an outcome', () => {
    expect(findingsFor([reading('adSpend', 9_000, { peers: [{ label: '同行均值', value: 1_000 }] })])).toEqual([]);
  });
});

describe('severity', () => {
  it.each([
    { value: 0.5, low: 1, high: 1, confidence: 'high' as const, severity: 'warning' },
    { value: 0.79, low: 1, high: 1, confidence: 'high' as const, severity: 'warning' },
    { value: 0.85, low: 1, high: 1, confidence: 'high' as const, severity: 'info' },
    { value: 0.97, low: 1, high: 1, confidence: 'high' as const, severity: undefined },
    { value: 1.1, low: 1, high: 1, confidence: 'high' as const, severity: undefined },
    { value: 1.25, low: 1, high: 1, confidence: 'high' as const, severity: 'good' },
    { value: 0.7, low: 1, high: 2, confidence: 'low' as const, severity: 'info' },
    { value: 0.4, low: 1, high: 2, confidence: 'low' as const, severity: 'warning' },
    { value: 1.5, low: 1, high: 2, confidence: 'low' as const, severity: undefined },
  ])('$value against [$low, $high] ($confidence) → $severity', ({ value, low, high, confidence, severity }) => {
    expect(severityOf(judge(value, low, high, 'higher'), 'average', confidence)).toBe(severity);
  });

  it('never makes a standing gap critical', () => {
    expect(severityOf(judge(0.01, 1, 1, 'higher'), 'average', 'high')).toBe('warning');
  });
});
