import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TitleAudit } from '../../../components/titles/TitleAudit';
import { auditTitle, type AuditOptions } from '../../../lib/titles/audit';
import { nodeSegmenter } from '../../../lib/titles/segment-node';
import { suggestKeywords } from '../../../lib/titles/suggest';

afterEach(cleanup);

function auditOf(title: string, options: Partial<AuditOptions> = {}) {
  return auditTitle(title, { platform: 'taobao', ...options, tokens: nodeSegmenter().cut(title) });
}

// 32 CJK characters: 64 units, 4 over Taobao's 60; holds an error, a warning and infos.
const LONG_TITLE = '顶级冰丝阔腿裤女夏季薄款高腰垂感直筒永久不褪色休闲裤女装九分长裤';

describe('TitleAudit', () => {
  it('shows the length against the limit and where the limit cuts', () => {
    const result = auditOf(LONG_TITLE);
    expect(result.overLimit).toBe(true);
    render(<TitleAudit title={LONG_TITLE} platform="taobao" lang="zh" result={result} />);
    const length = screen.getByTestId('title-length');
    expect(length.textContent).toContain(`长度 ${result.length}/60`);
    expect(length.textContent).toContain(`超出 ${result.length - 60} 个字符`);
    const bar = screen.getByTestId('title-length-bar');
    expect(bar.getAttribute('aria-valuenow')).toBe(String(result.length));
    expect(bar.getAttribute('aria-valuemax')).toBe('60');
    expect(screen.getByTestId('title-kept').textContent).toBe(LONG_TITLE.slice(0, result.cutAt!));
    expect(screen.getByTestId('title-cut').textContent).toBe(LONG_TITLE.slice(result.cutAt!));
    expect(screen.getByText('平台默认上限（中文字符算 2 个）')).toBeTruthy();
  });

  it('groups findings by severity, most severe first, with the rule behind each', () => {
    const result = auditOf(LONG_TITLE);
    render(<TitleAudit title={LONG_TITLE} platform="taobao" lang="zh" result={result} />);
    const groups = screen.getAllByTestId('title-findings');
    expect(groups.map((g) => g.dataset.severity)).toEqual(['error', 'warning', 'info'].filter((s) => result.findings.some((f) => f.severity === s)));
    const errors = groups.find((g) => g.dataset.severity === 'error')!;
    expect(within(errors).getByRole('heading').textContent).toBe(`禁用（${result.counts.error}）`);
    const absolute = within(errors).getAllByTestId('title-finding').find((li) => li.dataset.rule === 'word.absolute')!;
    expect(absolute.textContent).toContain('顶级');
    expect(absolute.textContent).toContain('依据：《广告法》第九条第三项');
    const warnings = groups.find((g) => g.dataset.severity === 'warning')!;
    expect(within(warnings).getAllByTestId('title-finding').map((li) => li.dataset.rule)).toContain('word.guarantee');
  });

  it('colours tokens by role and marks those past the cut', () => {
    const result = auditOf(LONG_TITLE);
    render(<TitleAudit title={LONG_TITLE} platform="taobao" lang="zh" result={result} />);
    const tokens = screen.getAllByTestId('title-token');
    const byText = (text: string) => tokens.find((el) => el.textContent === text)!;
    expect(byText('阔腿裤').dataset.role).toBe('product');
    expect(byText('阔腿裤').className).toContain('role-product');
    expect(byText('冰丝').dataset.role).toBe('attribute');
    expect(byText('顶级').dataset.role).toBe('marketing');
    expect(byText('阔腿裤').getAttribute('title')).toBe('核心词');
    expect(byText('长裤').className).toContain('is-cut');
    expect(byText('阔腿裤').className).not.toContain('is-cut');
  });

  it('speaks English when asked', () => {
    const result = auditOf(LONG_TITLE);
    render(<TitleAudit title={LONG_TITLE} platform="jd" lang="en" result={auditOf(LONG_TITLE, { platform: 'jd' })} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Title check · JD');
    expect(screen.getByTestId('title-length').textContent).toContain('Length 64/50');
    expect(screen.getByText(/Basis: Advertising Law art\. 9\(3\)/)).toBeTruthy();
    expect(screen.getAllByTestId('title-findings')[0]!.querySelector('h3')!.textContent).toMatch(/^Forbidden \(\d+\)$/);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('says so when there is nothing to fix, and shows no cut', () => {
    const title = '冰丝阔腿裤女夏季薄款高腰垂感直筒休闲裤宽松显瘦';
    render(<TitleAudit title={title} platform="taobao" lang="zh" result={auditOf(title)} />);
    expect(screen.getByTestId('title-findings-none').textContent).toBe('没有发现问题');
    expect(screen.queryByTestId('title-cut')).toBeNull();
    expect(screen.getByTestId('title-length').textContent).toContain('还能写');
  });

  it('renders page text as text, never as HTML', () => {
    const title = `连衣裙${'女'.repeat(30)}<img src=x onerror=alert(1)>`;
    const { container } = render(<TitleAudit title={title} platform="taobao" lang="zh" result={auditOf(title)} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('title-cut').textContent).toContain('<img src=x');
  });

  it('shows suggestions when given: missing and covered words, weak words and rewrites', () => {
    const operator = '夏季阔腿裤女 顶级 百搭';
    const competitors = [
      { title: '冰丝阔腿裤女夏季薄款高腰垂感直筒休闲裤', sales: 12000 },
      { title: '阔腿裤女夏季冰丝薄款垂感宽松直筒拖地裤', sales: 8000 },
      { title: '雪纺阔腿裤女夏季高腰宽松显瘦裤子', sales: 300 },
      { title: '阔腿裤女夏季棉麻宽松九分裤显瘦', sales: 200 },
    ];
    const report = suggestKeywords(operator, competitors, nodeSegmenter(), { platform: 'taobao' });
    render(<TitleAudit title={operator} platform="taobao" lang="zh" result={auditOf(operator)} suggestions={report} />);
    const section = screen.getByTestId('title-suggestions');
    expect(within(section).getByText('关键词建议（4 个竞品标题）')).toBeTruthy();
    const missing = screen.getAllByTestId('title-missing');
    expect(missing.map((el) => el.querySelector('strong')!.textContent)).toEqual(report.missing.map((m) => m.keyword));
    expect(within(missing[0]!).getByText(competitors[0]!.title)).toBeTruthy();
    expect(screen.getAllByTestId('title-covered').map((el) => el.textContent)).toEqual(report.covered.map((k) => k.keyword));
    expect(screen.getAllByTestId('title-weak').map((el) => el.querySelector('strong')!.textContent)).toEqual(report.weak.map((w) => w.word));
    const rewrites = screen.getAllByTestId('title-rewrite');
    expect(rewrites).toHaveLength(report.rewrites.length);
    expect(rewrites[0]!.textContent).toContain(report.rewrites[0]!.title);
    expect(rewrites[0]!.textContent).toContain('加入：');
  });
});
