import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Findings } from '../../../components/diagnostics/Findings';
import { funnelBarWidth } from '../../../components/diagnostics/FunnelChart';
import { analyse } from '../../../lib/diagnostics';
import type { Finding, Severity } from '../../../lib/diagnostics/types';
import type { Lang } from '../../../lib/i18n';
import { I18nProvider } from '../../../lib/i18n/react';
import { capture, reading } from '../diagnostics/helpers';

afterEach(cleanup);

function show(findings: readonly Finding[], lang: Lang, funnel?: Parameters<typeof Findings>[0]['funnel']) {
  return render(
    <I18nProvider initialLang={lang}>
      <Findings findings={findings} {...(funnel ? { funnel } : {})} />
    </I18nProvider>,
  );
}

/** A dashboard whose conversion is far below its peers, with a rough-default CTR gap and a funnel. */
function sample() {
  return analyse({
    capture: capture({
      metrics: [
        reading('impressions', 150_123),
        reading('clicks', 1_203),
        reading('visitors', 1_001),
        reading('buyers', 51),
        reading('conversionRate', 0.051, { peers: [{ label: '同行均值', value: 0.082 }] }),
        reading('refundRate', 0.02, { label: '退款率' }),
      ],
    }),
  });
}

function stub(id: string, severity: Severity, message: string): Finding {
  return {
    id,
    metric: 'visitors',
    kind: 'anomaly',
    severity,
    value: 1,
    reference: null,
    evidence: { subject: { kind: 'page' }, period: null, figure: { label: { zh: '访客数', en: 'Visitors' }, value: 1, unit: 'count', bound: 'exact', source: 'page' }, details: [] },
    message: { zh: message, en: message },
    actions: [],
  };
}

describe('Findings', () => {
  it('lists findings most severe first, whatever order they come in', () => {
    const findings = [stub('a', 'good', 'good one'), stub('b', 'critical', 'critical one'), stub('c', 'info', 'info one'), stub('d', 'warning', 'warning one')];
    show(findings, 'en');
    expect(screen.getAllByTestId('finding').map((li) => li.dataset.severity)).toEqual(['critical', 'warning', 'info', 'good']);
    expect(screen.getByTestId('diagnostics-summary').textContent).toBe('1 critical, 1 warnings');
  });

  it('shows the evidence with the page’s peer value as the reference, in Chinese', () => {
    const { findings } = sample();
    show(findings, 'zh');
    const card = screen.getAllByTestId('finding').find((li) => li.dataset.kind === 'peer')!;
    expect(card.dataset.severity).toBe('warning');
    expect(within(card).getByTestId('finding-evidence').textContent).toContain('5.10%，对比同行均值 8.20%');
    expect(within(card).getByText('同行对比')).toBeTruthy();
    expect(within(card).getByText('页面上的同行数据')).toBeTruthy();
    expect(within(card).getAllByTestId('finding-action').length).toBeGreaterThan(1);
  });

  it('shows the same finding in English', () => {
    const { findings } = sample();
    show(findings, 'en');
    const card = screen.getAllByTestId('finding').find((li) => li.dataset.kind === 'peer')!;
    expect(within(card).getByTestId('finding-evidence').textContent).toContain('5.10% vs peer average 8.20%');
    expect(within(card).getByTestId('finding-message').textContent).toMatch(/^Conversion rate 5\.10% is below the peer average/);
    expect(within(card).getByText('What to do')).toBeTruthy();
  });

  it('labels a rough default reference as such and marks computed figures', () => {
    const { findings } = sample();
    show(findings, 'en');
    const card = screen.getAllByTestId('finding').find((li) => li.dataset.kind === 'benchmark' && li.dataset.metric === 'ctr')!;
    expect(within(card).getByTestId('finding-confidence').textContent).toContain('rough rule of thumb');
    expect(within(card).getByTestId('finding-evidence').textContent).toContain('computed from the page’s figures');
    // The inputs of the computed CTR are the evidence.
    expect(within(card).getByTestId('finding-details').textContent).toContain('150,123');
  });

  it('renders page text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)">商品';
    show([stub('x', 'warning', hostile)], 'zh');
    expect(screen.getByTestId('finding-message').textContent).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it('says so when there is nothing to report', () => {
    show([], 'zh');
    expect(screen.getByTestId('diagnostics-none').textContent).toBe('没有发现需要注意的问题。');
    expect(screen.queryByTestId('finding')).toBeNull();
  });

  it('draws the funnel with step rates and marks the weakest step', () => {
    const { findings, funnel } = sample();
    expect(funnel).toBeDefined();
    show(findings, 'en', funnel);
    const stages = screen.getAllByTestId('funnel-stage');
    expect(stages.map((s) => s.dataset.stage)).toEqual(['exposure', 'click', 'visit', 'buy']);
    expect(screen.getAllByTestId('funnel-rate').map((r) => r.textContent?.trim())).toEqual(['↓ 0.80%', '↓ 83.21%', '↓ 5.09%']);
    // CTR 0.80 % against 2–5 % is further below its reference than conversion against its peers; the click stage carries the mark.
    expect(stages.filter((s) => s.dataset.weakest === 'true').map((s) => s.dataset.stage)).toEqual(['click']);
  });

  it.each([
    { value: 40_123, largest: 40_123, width: 100 },
    { value: 0, largest: 40_123, width: 4 },
    { value: 30, largest: 40_123, width: 32.6 },
  ])('bar width of $value against $largest is about $width %', ({ value, largest, width }) => {
    expect(funnelBarWidth(value, largest)).toBeCloseTo(width, 0);
  });
});
