/**
 * 多多推广 reports: the fetched totals, unit by unit (厘, ROI×10⁴), each checked; the rendered cards
 * when there is no usable JSON. The fetch-after-load page is pinned by
 * tests/fixtures/pinduoduo/yingxiao-report-fetch.html (+ .responses.json).
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageResponse } from '../../../../lib/adapters/types';
import { matchEndpoint } from '../../../../lib/bridge/endpoints';
import { pddYingxiaoReportAdapter } from '../../../../lib/adapters/pinduoduo/yingxiao-report';
import { YINGXIAO_ENTITY_REPORT } from '../../../../lib/adapters/pinduoduo/yingxiao-endpoints';

const URL_ = new URL('https://yingxiao.pinduoduo.com/goods/report/promotion/overView?beginDate=2026-04-25&endDate=2026-04-25');
/** The real report row (RPA doc sample, 2026-04-25) in the endpoint's units. */
const REAL_TOTAL = { spend: 171930, orderSpend: 171930, gmv: 660000, orderSpendRoiUnified: 38400, orderNum: 19, impression: 7134, click: 515 };

function page(body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

function response(total: Record<string, unknown>): PageResponse {
  return {
    endpoint: YINGXIAO_ENTITY_REPORT.id,
    url: 'https://yingxiao.pinduoduo.com/mms-gateway/apollo/api/report/queryEntityReport',
    body: { success: true, result: { totalSumReport: total } },
  };
}

function extract(doc: Document, responses: PageResponse[] = [], url = URL_) {
  const capture = captureFrom(pddYingxiaoReportAdapter, doc, url, new Date('2026-11-22T00:00:00Z'), responses);
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

const values = (capture: ReturnType<typeof extract>) => capture.metrics.map((m) => [m.metric, m.label, m.value]);

describe('pinduoduo/yingxiao-report from the fetched report', () => {
  it('reads the real report totals in yuan: 171.93 spend, 660 sales, ROI 3.84', () => {
    const capture = extract(page(), [response(REAL_TOTAL)]);
    expect(values(capture)).toEqual([
      ['adSpend', '总花费', 171.93],
      ['adOrderSpend', '成交花费', 171.93],
      ['adSales', '交易额', 660],
      ['roi', '实际投产比', 3.84],
      ['adOrders', '成交笔数', 19],
      ['impressions', '曝光量', 7134],
      ['clicks', '点击量', 515],
    ]);
    expect(capture.period).toEqual({ label: '2026-04-25', start: '2026-04-25', end: '2026-04-25' });
    expect(capture.issues).toEqual([]);
  });

  it.each([
    ['money with a fraction (yuan, not 厘)', { ...REAL_TOTAL, gmv: 660.5 }, 'adSales', 'whole number of 厘'],
    ['an ROI that is not 交易额 / 成交花费', { ...REAL_TOTAL, orderSpendRoiUnified: 384 }, 'roi', '交易额/成交花费'],
    ['an ROI without 成交花费 to check it', { gmv: 660000, orderSpendRoiUnified: 38400 }, 'roi', 'cannot be checked'],
    ['a fractional count', { ...REAL_TOTAL, click: 51.5 }, 'clicks', 'not a whole count'],
  ])('refuses %s', (_case, total, metric, why) => {
    const capture = extract(page(), [response(total)]);
    expect(capture.metrics.map((m) => m.metric)).not.toContain(metric);
    expect(capture.issues).toContainEqual({ field: `metrics.${metric}`, problem: expect.stringContaining(why) });
  });

  it('never takes 成交花费 for the spend: without 总花费 the spend is missing, 成交花费 is its own metric', () => {
    const { spend: _spend, ...total } = REAL_TOTAL;
    const capture = extract(page(), [response(total)]);
    expect(capture.metrics.map((m) => m.metric)).not.toContain('adSpend');
    expect(values(capture)[0]).toEqual(['adOrderSpend', '成交花费', 171.93]);
  });

  it('drops a JSON figure the page shows differently', () => {
    const shown = '<section><h3>数据概况</h3><div><div>交易额(元)</div><div>66.00</div></div><div><div>曝光量</div><div>7,134</div></div></section>';
    const capture = extract(page(shown), [response(REAL_TOTAL)]);
    expect(capture.metrics.map((m) => m.metric)).not.toContain('adSales');
    expect(capture.metrics.map((m) => m.metric)).toContain('impressions');
    expect(capture.issues).toEqual([{ field: 'metrics.adSales', problem: expect.stringContaining('the page shows 66') }]);
  });

  it('reads the shown cards when the page fetched two different totals (another period?)', () => {
    const shown = '<section><h3>数据概况</h3><div><div>点击率</div><div>7.22%</div></div></section>';
    const capture = extract(page(shown), [response(REAL_TOTAL), response({ ...REAL_TOTAL, click: 600 })]);
    expect(values(capture)).toEqual([['ctr', '点击率', 0.0722]]);
    expect(capture.issues[0]).toMatchObject({ field: 'metrics', problem: expect.stringContaining('2 different report totals') });
  });

  it('ignores responses of other endpoints and detects only a report with totals', () => {
    const other: PageResponse = { ...response(REAL_TOTAL), endpoint: 'other' };
    expect(pddYingxiaoReportAdapter.detect(page(), URL_, [other])).toBe(false);
    expect(pddYingxiaoReportAdapter.detect(page(), URL_, [response(REAL_TOTAL)])).toBe(true);
  });

  it.each([
    ['https://yingxiao.pinduoduo.com/mms-gateway/apollo/api/report/queryEntityReport', true],
    ['https://yingxiao.pinduoduo.com/mms-gateway/apollo/api/report/queryEntityReport?t=1', true],
    ['https://yingxiao.pinduoduo.com/mms-gateway/apollo/api/report/queryEntityReportList', false],
    ['https://yingxiao.pinduoduo.com/mms-gateway/poseidon/api/report/queryHourlyRangeReport', false],
    ['https://evil.example/mms-gateway/apollo/api/report/queryEntityReport', false],
  ])('endpoint matches %s → %s', (url, matches) => {
    expect(matchEndpoint([YINGXIAO_ENTITY_REPORT], new URL(url), 'yingxiao.pinduoduo.com') !== undefined).toBe(matches);
  });
});

describe('pinduoduo/yingxiao-report from the page', () => {
  const RANGE = new URL('https://yingxiao.pinduoduo.com/goods/report/promotion/overView?beginDate=2026-11-15&endDate=2026-11-21');
  const cards = (spend: string, orderSpend: string) =>
    `<section><h3>数据概况</h3><div><div><div>总花费(元)</div><div>${spend}</div></div><div><div>成交花费(元)</div><div>${orderSpend}</div></div>` +
    '<div><div>交易额(元)</div><div>4,862.00</div></div></div></section>';

  it.each([
    // 总花费 and 成交花费 are two figures: both kept, each under its own metric.
    ['both readable', cards('1,250.40', '1,180.00'), [['adSpend', 1250.4], ['adOrderSpend', 1180], ['adSales', 4862]]],
    // Fuzz finding: 总花费 unreadable or its label gone → 成交花费 was taken as the spend.
    ['总花费 unreadable', cards('1,250.口0', '1,180.00'), [['adOrderSpend', 1180], ['adSales', 4862]]],
    ['总花费 without its label', cards('1,250.40', '1,180.00').replace('<div>总花费(元)</div>', ''), [['adOrderSpend', 1180], ['adSales', 4862]]],
  ])('reads the spend cards apart: %s', (_case, body, expected) => {
    expect(extract(page(body), [], RANGE).metrics.map((m) => [m.metric, m.value])).toEqual(expected);
  });

  it('states the period of the address, else of the page', () => {
    const range = new URL('https://yingxiao.pinduoduo.com/goods/report/promotion/overView?beginDate=2026-11-15&endDate=2026-11-21');
    expect(extract(page(), [], range).period).toEqual({ label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' });
    const bad = new URL('https://yingxiao.pinduoduo.com/goods/report/promotion/overView?beginDate=2026-11-31&endDate=2026-12-01');
    expect(extract(page(), [], bad).period).toBeNull();
  });
});
