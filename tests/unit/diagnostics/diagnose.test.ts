import { describe, expect, it } from 'vitest';
import { analyse, diagnose, sortFindings } from '../../../lib/diagnostics';
import { SEVERITY_ORDER } from '../../../lib/diagnostics/findings';
import type { Finding, FindingKind, Severity } from '../../../lib/diagnostics/types';
import { capture, dailyHistory, reading, SHOP_KEY } from './helpers';

function stub(id: string, severity: Severity, kind: FindingKind, gap?: number): Finding {
  return {
    id,
    metric: 'visitors',
    kind,
    severity,
    value: 1,
    reference: null,
    evidence: { subject: { kind: 'page' }, period: null, figure: { label: { zh: 'x', en: 'x' }, value: 1, unit: 'count', bound: 'exact', source: 'page' }, details: [], ...(gap !== undefined ? { gap } : {}) },
    message: { zh: id, en: id },
    actions: [],
  };
}

describe('sorting', () => {
  it('orders by severity, then kind, then the size of the gap, then id', () => {
    const shuffled = [
      stub('g', 'good', 'peer'),
      stub('i-bench', 'info', 'benchmark'),
      stub('w-peer-small', 'warning', 'peer', -0.25),
      stub('c-ads', 'critical', 'ads'),
      stub('w-peer-big', 'warning', 'peer', -0.6),
      stub('w-consistency', 'warning', 'consistency'),
      stub('c-anomaly', 'critical', 'anomaly'),
      stub('i-funnel-b', 'info', 'funnel'),
      stub('i-funnel-a', 'info', 'funnel'),
    ];
    expect(sortFindings(shuffled).map((f) => f.id)).toEqual([
      'c-ads',
      'c-anomaly',
      'w-consistency',
      'w-peer-big',
      'w-peer-small',
      'i-bench',
      'i-funnel-a',
      'i-funnel-b',
      'g',
    ]);
  });
});

describe('diagnose', () => {
  it('gives a shop whose conversion is far below its peer value a warning with that peer value as evidence', () => {
    const findings = diagnose({
      capture: capture({
        metrics: [reading('conversionRate', 0.012, { peers: [{ label: '同行均值', value: 0.035 }, { label: '同行优秀', value: 0.08 }] })],
      }),
    });
    const finding = findings.find((f) => f.metric === 'conversionRate');
    expect(finding).toMatchObject({ kind: 'peer', severity: 'warning', value: 0.012, reference: 0.035 });
    expect(finding?.evidence.reference?.label.zh).toBe('同行均值');
    expect(finding?.message.zh).toContain('1.20%');
    expect(finding?.message.zh).toContain('同行均值 3.50%');
    expect(finding?.message.en).toContain('peer average of 3.50%');
  });

  it('returns findings most severe first, each with both languages', () => {
    const history = dailyHistory(SHOP_KEY, 'visitors', [1000, 1010, 990, 1005, 995, 1000, 1012, 988, 1003, 997, 1001, 999, 1008, 992], '2026-11-20');
    const findings = diagnose({
      capture: capture({
        metrics: [
          reading('visitors', 400),
          reading('buyers', 20),
          reading('conversionRate', 0.09), // disagrees with 20 / 400 = 5 %
          reading('refundRate', 0.02, { label: '退款率' }),
          reading('ctr', 0.004),
          reading('roi', 2),
        ],
      }),
      history,
      settings: { grossMargin: 0.3 },
    });
    const kinds = findings.map((f) => [f.severity, f.kind, f.metric]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['critical', 'anomaly', 'visitors'],
        ['critical', 'ads', 'roi'],
        ['warning', 'consistency', 'conversionRate'],
        ['warning', 'benchmark', 'ctr'],
        ['good', 'benchmark', 'refundRate'],
      ]),
    );
    const ranks = findings.map((f) => SEVERITY_ORDER[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const f of findings) {
      expect(f.message.zh).not.toBe('');
      expect(f.message.en).not.toBe('');
      expect(new Set(findings.map((x) => x.id)).size).toBe(findings.length);
    }
  });

  it('judges no figure that disagrees with its own parts: only the consistency finding speaks', () => {
    // 同行均值 8.2 % taken for the shop's own conversion; buyers / visitors say 5.1 %.
    const findings = diagnose({
      capture: capture({
        metrics: [reading('conversionRate', 0.082, { peers: [{ label: '同行均值', value: 0.04 }] }), reading('buyers', 51), reading('visitors', 1_000)],
      }),
    });
    expect(findings.filter((f) => f.metric === 'conversionRate').map((f) => f.kind)).toEqual(['consistency']);
  });

  it('returns the page’s figures with derived ratios and the funnel chart data', () => {
    const analysis = analyse({
      capture: capture({ metrics: [reading('impressions', 40_123), reading('clicks', 1_203), reading('visitors', 1_001), reading('buyers', 30)] }),
    });
    expect(analysis.metrics.values.get('ctr')?.source).toBe('derived');
    expect(analysis.funnel?.stages.map((s) => s.id)).toEqual(['exposure', 'click', 'visit', 'buy']);
  });

  it('finds nothing to say about an empty capture', () => {
    expect(diagnose({ capture: capture() })).toEqual([]);
  });
});
