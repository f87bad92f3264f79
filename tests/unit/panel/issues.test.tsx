/**
 * What could not be read, in the operator's language: the issues list (components/figures/
 * IssuesList.tsx) and the page-health view (components/health/PageHealth.tsx) show the
 * adapters' English problem sentences in Chinese, fields by their names, page text as text.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IssuesList } from '../../../components/figures/IssuesList';
import { PageHealth } from '../../../components/health/PageHealth';
import type { CaptureIssue } from '../../../lib/capture/schema';
import type { Lang } from '../../../lib/i18n';
import { I18nProvider } from '../../../lib/i18n/react';
import { captureRow, dashboardCapture, SHOP_KEY } from '../db/seed-rows';

const ISSUES: CaptureIssue[] = [
  { field: 'metrics.refundAmount', problem: "'退款金额' shown as '-' (no data)" },
  { field: 'listing.price', problem: 'not found (page text: price shown as "¥-")' },
  { field: 'items[2].metrics.payAmount', problem: "'成交金额' unreadable: digits drawn with an obfuscated font (private-use characters)" },
  { field: 'widgets', problem: 'the widget exploded <b>(code 7)</b>' },
];

function renderIssues(lang: Lang) {
  return render(
    <I18nProvider initialLang={lang}>
      <IssuesList issues={ISSUES} />
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
});

describe('IssuesList', () => {
  it('says each problem in Chinese, with the field’s name beside its id', () => {
    renderIssues('zh');
    const items = screen.getAllByTestId('issue');
    expect(items.map((item) => item.dataset.field)).toEqual(ISSUES.map((issue) => issue.field));
    const problems = items.map((item) => item.querySelector('.issue-problem')!);
    expect(problems.map((problem) => problem.textContent)).toEqual([
      '“退款金额”显示为“-”：没有数据（不是 0）',
      '未找到（页面文字：价格显示为“¥-”，没有数据）',
      '“成交金额”无法读取：数字用混淆字体绘制（私有区字符）',
      '未能读取：the widget exploded <b>(code 7)</b>',
    ]);
    // The adapter's own sentence stays at hand for whoever maintains the adapter.
    expect(problems[0]!.getAttribute('title')).toBe(ISSUES[0]!.problem);
    expect(items[0]!.textContent).toContain('退款金额');
    expect(within(items[0]!).getByText('metrics.refundAmount').tagName).toBe('CODE');
    expect(items[1]!.querySelector('.issue-field-name')!.textContent).toBe('价格');
    expect(items[2]!.querySelector('.issue-field-name')!.textContent).toBe('商品明细 · 支付金额');
    // An unknown field: the id alone; unknown page markup stays text.
    expect(items[3]!.querySelector('.issue-field-name')).toBeNull();
    expect(items[3]!.querySelector('b')).toBeNull();
  });

  it('shows the adapters’ English sentences as written in English', () => {
    renderIssues('en');
    const problems = screen.getAllByTestId('issue').map((item) => item.querySelector('.issue-problem')!);
    expect(problems.map((problem) => problem.textContent)).toEqual(ISSUES.map((issue) => issue.problem));
    expect(problems[0]!.getAttribute('title')).toBeNull();
    expect(screen.getAllByTestId('issue')[1]!.querySelector('.issue-field-name')!.textContent).toBe('Price');
  });
});

describe('PageHealth', () => {
  const rows = [
    captureRow(dashboardCapture('2026-11-22T01:00:00.000Z', { issues: [{ field: 'period', problem: 'the page states no period (统计时间 or a date picker)' }] }), SHOP_KEY),
  ];

  it('gives the missing field’s reason in Chinese', () => {
    render(
      <I18nProvider initialLang="zh">
        <PageHealth captures={rows} />
      </I18nProvider>,
    );
    const missing = screen.getByTestId('health-missing-field');
    expect(missing.dataset.field).toBe('period');
    expect(missing.textContent).toContain('统计周期');
    expect(missing.querySelector('.health-problem')!.textContent).toBe('页面没有标明统计周期（统计时间或日期选择器）');
  });

  it('and as the adapter wrote it in English', () => {
    render(
      <I18nProvider initialLang="en">
        <PageHealth captures={rows} />
      </I18nProvider>,
    );
    const missing = screen.getByTestId('health-missing-field');
    expect(missing.textContent).toContain('Period');
    expect(missing.querySelector('.health-problem')!.textContent).toBe('the page states no period (统计时间 or a date picker)');
  });
});
