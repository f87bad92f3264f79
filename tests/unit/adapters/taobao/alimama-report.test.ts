/**
 * 万相台无界 / 直通车 report pages, one rule per case (whole pages:
 * tests/fixtures/taobao/alimama-report-*.html).
 */
import { describe, expect, it } from 'vitest';
import { captureSchema, type Capture } from '../../../../lib/capture/schema';
import { metricForLabel } from '../../../../lib/metrics';
import { captureFrom } from '../../../../lib/adapters/run';
import { alimamaReportAdapter, isAlimamaReportUrl } from '../../../../lib/adapters/taobao/alimama-report';
import * as WORDS from '../../../../lib/adapters/taobao/alimama-words';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const ONE = new URL('https://one.alimama.com/index.html#!/report/whole?startTime=2026-11-21&endTime=2026-11-21');
const SUBWAY = new URL('https://subway.simba.taobao.com/#!/report/bpreport/index');

function run(body: string, url = ONE): Capture {
  const capture = captureFrom(alimamaReportAdapter, documentFromHtml(`<!doctype html><html><body>${body}</body></html>`, url), url, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

const card = (label: string, value: string) => `<div class="card"><div>${label}</div><div>${value}</div></div>`;
const summary = (cards: string, title = '数据汇总') => `<section><div class="head"><span>${title}</span></div><div class="cards">${cards}</div></section>`;
const values = (capture: Capture) => capture.metrics.map((metric) => [metric.metric, metric.value]);

describe('addresses', () => {
  it.each([
    ['https://one.alimama.com/index.html#!/report/whole?startTime=2026-11-21', true],
    ['https://one.alimama.com/index.html#!/manage/search?bizCode=onebpSearch', true],
    ['https://one.alimama.com/#!/report/item', true],
    ['http://subway.simba.taobao.com:8080/#!/report/bpreport/campaign/index', true],
    ['https://subway.simba.taobao.com/index.jsp#!/manage/campaign/index', true],
    ['https://one.alimama.com/index.html#!/report/download-list', false],
    ['https://subway.simba.taobao.com/#!/report/bpreport/download', false],
    ['https://one.alimama.com/index.html#!/account/detail', false],
    ['https://one.alimama.com/index.html', false],
    ['https://one.alimama.com/report/query.json#!/report/whole', false],
    ['https://evil.example/index.html#!/report/whole', false],
  ])('%s → %s', (url, expected) => {
    expect(isAlimamaReportUrl(new URL(url))).toBe(expected);
  });
});

describe('word lists', () => {
  const lists = Object.entries(WORDS).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1]));

  it.each(lists)('%s has no empty or repeated entries', (_name, list) => {
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) expect(word.trim() === word && word !== '').toBe(true);
  });

  it('puts no word in two lists, and no metric label among them', () => {
    const all = lists.flatMap(([, list]) => list);
    expect(new Set(all).size).toBe(all.length);
    for (const word of [...WORDS.ALIMAMA_SUMMARY_TITLES, ...WORDS.ALIMAMA_OTHER_PERIOD_TITLES, ...WORDS.ALIMAMA_TOTAL_ROW_WORDS]) {
      expect(metricForLabel('taobao', word), word).toBeUndefined();
    }
  });

  it('names the consoles’ labels with the ads’ own metrics, never the shop’s sales or orders', () => {
    expect(metricForLabel('taobao', '总成交金额')?.id).toBe('adSales');
    expect(metricForLabel('taobao', '总成交笔数')?.id).toBe('adOrders');
    expect(metricForLabel('taobao', '平均点击花费')?.id).toBe('cpc');
    expect(metricForLabel('taobao', '千次展现花费')?.id).toBe('cpm');
    for (const part of ['直接成交金额', '间接成交金额', '点击转化率']) expect(metricForLabel('taobao', part), part).toBeUndefined();
  });
});

describe('figures', () => {
  it('reads the summary cards, with units from the label and changes kept apart', () => {
    const capture = run(summary(card('花费(元)', '3,456.78<div>较前一日 +5.20%</div>') + card('点击率', '1.80%') + card('投入产出比', '3.43') + card('总成交金额(元)', '11,862.40')));
    expect(capture.metrics).toEqual([
      { metric: 'adSpend', label: '花费', value: 3456.78, unit: 'yuan', bound: 'exact', change: { basis: '较前一日', ratio: 0.052 } },
      { metric: 'ctr', label: '点击率', value: 0.018, unit: 'ratio', bound: 'exact' },
      { metric: 'roi', label: '投入产出比', value: 3.43, unit: 'multiple', bound: 'exact' },
      { metric: 'adSales', label: '总成交金额', value: 11862.4, unit: 'yuan', bound: 'exact' },
    ]);
    expect(capture.period).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
  });

  it('leaves out today’s running totals and a promotion with metric words', () => {
    const capture = run(
      '<div class="promo"><span>花费</span><span>立减500</span><a href="#!/coupon" role="button">立即开通</a></div>' +
        '<section><h4>今日实时</h4>' + card('花费', '1,022.40') + '</section>' +
        summary(card('花费', '3,456.78')),
    );
    expect(values(capture)).toEqual([['adSpend', 3456.78]]);
  });

  it('falls back to the report table’s 合计 row, never to a sum of its plan rows', () => {
    const table = (rows: string) =>
      `<table><thead><tr><th>计划</th><th>花费</th><th>展现量</th><th>投入产出比</th></tr></thead><tbody>${rows}</tbody></table>`;
    const plans = '<tr><td>计划A</td><td>10.00</td><td>100</td><td>2.00</td></tr><tr><td>计划B</td><td>20.00</td><td>300</td><td>4.00</td></tr>';
    expect(values(run(table(`${plans}<tr><td>合计</td><td>42.00</td><td>520</td><td>3.10</td></tr>`)))).toEqual([
      ['adSpend', 42],
      ['impressions', 520],
      ['roi', 3.1],
    ]);
    const unsummed = run(table(plans));
    expect(unsummed.metrics).toEqual([]);
    expect(unsummed.issues[0]).toEqual({ field: 'metrics', problem: 'no summary block (数据汇总 …) and no total row (合计) with figures found' });
    expect(alimamaReportAdapter.detect(documentFromHtml(`<body>${table(plans)}</body>`, ONE), ONE)).toBe(false);
  });

  it('reads no total when two tables each have one', () => {
    const table = '<table><thead><tr><th>计划</th><th>花费</th></tr></thead><tbody><tr><td>计划A</td><td>1.00</td></tr><tr><td>合计</td><td>1.00</td></tr></tbody></table>';
    const capture = run(table + table.replace(/1\.00/g, '2.00'));
    expect(capture.metrics).toEqual([]);
    expect(capture.issues).toContainEqual({ field: 'metrics', problem: "2 total rows (合计) in the page's tables: none read" });
  });

  it('does not read a report narrowed to part of the account', () => {
    const url = new URL('https://one.alimama.com/index.html#!/manage/search?bizCode=onebpSearch&searchKey=itemId&searchValue=729386171519&startTime=2026-11-21&endTime=2026-11-21');
    const capture = run(summary(card('花费', '3,456.78')), url);
    expect(capture.metrics).toEqual([]);
    expect(capture.issues[0]).toEqual({
      field: 'metrics',
      problem: 'the report is narrowed to part of the account (searchValue=729386171519): its totals are not read',
    });
  });

  it('reports `-` as unknown, never 0', () => {
    const capture = run(summary(card('花费', '3,456.78') + card('总成交笔数', '-')));
    expect(values(capture)).toEqual([['adSpend', 3456.78]]);
    expect(capture.issues).toEqual([{ field: 'metrics.adOrders', problem: "'总成交笔数' shown as '-' (no data)" }]);
  });
});

describe('period', () => {
  it.each<[string, URL, string, { label: string; start?: string; end?: string } | null]>([
    ['直通车 start/end in the route', new URL('https://subway.simba.taobao.com/#!/report/bpreport/index?start=2026-11-15&end=2026-11-21'), '', { label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' }],
    ['the picker text', SUBWAY, '<div class="picker"><span>昨天（2026-11-21）</span></div>', { label: '昨天', start: '2026-11-21', end: '2026-11-21' }],
    ['a 统计时间 line', SUBWAY, '<div>统计时间：2026-11-15 ~ 2026-11-21</div>', { label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' }],
    ['a range picker of two inputs', SUBWAY, '<div class="range"><input value="2026-11-15"> ~ <input value="2026-11-21"></div>', { label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' }],
    ['never a day row of the table or an option of the picker menu', SUBWAY, '<ul><li>过去7天（2026-11-15 ~ 2026-11-21）</li></ul><table><tr><td>2026-11-20</td></tr></table>', null],
  ])('%s', (_name, url, extra, expected) => {
    const capture = run(extra + summary(card('花费', '10.00')), url);
    expect(capture.period).toEqual(expected);
  });
});
