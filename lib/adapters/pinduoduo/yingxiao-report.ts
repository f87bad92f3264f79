/**
 * 多多推广 report pages on yingxiao.pinduoduo.com (`/goods/report/promotion/overView?beginDate=…
 * &endDate=…`): the account's ad figures for the period: 总花费 (adSpend), 成交花费 (adOrderSpend:
 * the part of the spend charged for orders), 交易额 (adSales), 实际投产比 (roi), 成交笔数
 * (adOrders), 曝光量, 点击量, 点击率.
 *
 * The figures arrive over XHR after load (./yingxiao-endpoints.ts): when the page fetched its
 * report, the totals are read from that JSON, unit by unit, and checked (whole 厘, ROI = 交易额 /
 * 成交花费, agreement with any figure the page already shows). Otherwise, or when the JSON cannot
 * be used, the rendered 数据概况 cards are read with the label→value finder.
 *
 * 交易额 and 成交笔数 are sales and orders the ads brought, not the shop's: they are their own
 * metrics (adSales, adOrders), never the shop's payAmount or orders.
 */
import type { CaptureIssue, MetricReading, Period } from '../../capture/schema';
import { readPeriod } from '../../capture/period';
import { isRecord, numberAt, recordAt, type JsonRecord } from '../json-reader';
import { metricDefinition } from '../../metrics';
import type { Extracted, PageAdapter, PageResponse } from '../types';
import { readLayout, readSectionMetrics, type PageLayout } from './sections';
import { isPddYingxiaoReportUrl, PDD_YINGXIAO_PATTERNS } from './urls';
import { PDD_DATA_SECTION_TITLES, PDD_PERIOD_PREFIXES, PDD_PROMOTION_CALLS } from './words';
import { YINGXIAO_ENTITY_REPORT, YINGXIAO_ORDER_SPEND, YINGXIAO_TOTAL_FIELDS, type YingxiaoUnit } from './yingxiao-endpoints';

const WORDS = { titles: PDD_DATA_SECTION_TITLES, periodPrefixes: PDD_PERIOD_PREFIXES, promotionCalls: PDD_PROMOTION_CALLS };
/** ROI as computed from 交易额 / 成交花费 may differ from the stored one by display rounding. */
const ROI_TOLERANCE = 0.01;

// ---------------------------------------------------------------------------------------------
// Period

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period the address asks for (`beginDate=2026-04-25&endDate=2026-04-25`), or null. */
function urlPeriod(url: URL): Period | null {
  const begin = url.searchParams.get('beginDate') ?? url.searchParams.get('startDate');
  const end = url.searchParams.get('endDate');
  if (!begin || !end || !DATE.test(begin) || !DATE.test(end)) return null;
  const period = readPeriod(begin === end ? begin : `${begin}~${end}`);
  return period?.start ? period : null;
}

// ---------------------------------------------------------------------------------------------
// JSON totals

/** The distinct `result.totalSumReport` objects the page fetched. */
function totalReports(responses: readonly PageResponse[]): JsonRecord[] {
  const seen = new Map<string, JsonRecord>();
  for (const response of responses) {
    if (response.endpoint !== YINGXIAO_ENTITY_REPORT.id) continue;
    const total = recordAt(response.body, 'result', 'totalSumReport');
    if (!total || !isRecord(total)) continue;
    seen.set(JSON.stringify(total), total);
  }
  return [...seen.values()];
}

type Converted = { value: number } | { problem: string } | undefined;

function convert(record: JsonRecord, field: string, unit: YingxiaoUnit): Converted {
  if (!Object.prototype.hasOwnProperty.call(record, field) || record[field] === null) return undefined;
  const raw = numberAt(record, field);
  if (raw === undefined) return { problem: `${field} is not a number` };
  switch (unit) {
    case 'li':
      // Whole 厘; a fraction means the field is not in 厘 and its unit is unknown.
      if (!Number.isSafeInteger(raw) || raw < 0) return { problem: `${field} ${raw} is not a whole number of 厘: unit uncertain` };
      return { value: raw / 1000 };
    case 'roi10k':
      if (!Number.isSafeInteger(raw) || raw < 0) return { problem: `${field} ${raw} is not a whole ROI×10⁴: unit uncertain` };
      return { value: raw / 10000 };
    case 'count':
      if (!Number.isSafeInteger(raw) || raw < 0) return { problem: `${field} ${raw} is not a whole count` };
      return { value: raw };
  }
}

interface JsonTotals {
  metrics: MetricReading[];
  issues: CaptureIssue[];
}

function reading(metric: string, label: string, value: number): MetricReading | undefined {
  const def = metricDefinition(metric);
  if (!def) return undefined;
  return { metric, label, value, unit: def.unit, bound: 'exact' };
}

function readTotals(total: JsonRecord): JsonTotals {
  const metrics: MetricReading[] = [];
  const issues: CaptureIssue[] = [];
  const problem = (metric: string, text: string) => issues.push({ field: `metrics.${metric}`, problem: `report JSON: ${text}`.slice(0, 200) });
  const orderSpend = convert(total, YINGXIAO_ORDER_SPEND.field, YINGXIAO_ORDER_SPEND.unit);
  const gmv = convert(total, 'gmv', 'li');
  for (const spec of YINGXIAO_TOTAL_FIELDS) {
    const converted = convert(total, spec.field, spec.unit);
    if (converted === undefined) continue;
    if ('problem' in converted) {
      problem(spec.metric, converted.problem);
      continue;
    }
    if (spec.unit === 'roi10k') {
      // The page defines 实际投产比 as 交易额 / 成交花费: a stored ROI that disagrees is misread.
      if (!gmv || 'problem' in gmv || !orderSpend || 'problem' in orderSpend || orderSpend.value === 0) {
        problem(spec.metric, `${spec.field} cannot be checked against 交易额 / 成交花费: not read`);
        continue;
      }
      const expected = gmv.value / orderSpend.value;
      if (Math.abs(expected - converted.value) > ROI_TOLERANCE) {
        problem(spec.metric, `${spec.field}/10⁴ = ${converted.value} but 交易额/成交花费 = ${expected.toFixed(2)}: not read`);
        continue;
      }
    }
    const metric = reading(spec.metric, spec.label, converted.value);
    if (metric) metrics.push(metric);
  }
  return { metrics, issues };
}

/** Drops JSON figures the page shows differently (a unit misread shows up here). */
function checkAgainstPage(totals: JsonTotals, shown: readonly MetricReading[]): JsonTotals {
  const issues = [...totals.issues];
  const metrics = totals.metrics.filter((metric) => {
    const onPage = shown.find((other) => other.metric === metric.metric);
    if (!onPage) return true;
    const tolerance = metric.unit === 'count' ? 0 : 0.005 + 1e-9;
    if (Math.abs(onPage.value - metric.value) <= tolerance) return true;
    issues.push({
      field: `metrics.${metric.metric}`,
      problem: `report JSON gives ${metric.value}, the page shows ${onPage.value} ('${onPage.label}'): not read`.slice(0, 200),
    });
    return false;
  });
  return { metrics, issues };
}

// ---------------------------------------------------------------------------------------------
// Adapter

function layoutOf(doc: Document): PageLayout {
  return readLayout(doc, 'pinduoduo', WORDS);
}

function extractReport(doc: Document, url: URL, responses: readonly PageResponse[] = []): Extracted {
  const issues: CaptureIssue[] = [];
  const layout = layoutOf(doc);
  const period = urlPeriod(url) ?? layout.period;
  const extracted: Extracted = { period, metrics: [], listing: null, results: null, issues };
  const shown = layout.sections.length > 0 ? readSectionMetrics(layout, 'pinduoduo') : undefined;

  const reports = totalReports(responses);
  if (reports.length === 1) {
    const totals = checkAgainstPage(readTotals(reports[0]!), shown?.metrics ?? []);
    extracted.metrics = totals.metrics;
    issues.push(...totals.issues);
  } else {
    if (reports.length > 1) {
      issues.push({ field: 'metrics', problem: `the page fetched ${reports.length} different report totals (other periods?): the shown figures are read instead` });
    }
    issues.push(...layout.issues);
    if (!shown) {
      issues.push({ field: 'metrics', problem: 'no report JSON and no data section (数据概况) with figures on the page' });
    } else {
      extracted.metrics = shown.metrics;
      issues.push(...shown.issues);
      if (shown.metrics.length === 0) issues.push({ field: 'metrics', problem: 'data sections found, but no figure in them could be read' });
    }
  }
  if (!period) issues.push({ field: 'period', problem: 'neither the address (beginDate/endDate) nor the page states the period' });
  extracted.issues = issues.slice(0, 100);
  return extracted;
}

export const pddYingxiaoReportAdapter: PageAdapter = {
  id: 'pinduoduo/yingxiao-report',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'dashboard',
  hosts: PDD_YINGXIAO_PATTERNS,
  sampleUrls: [
    'https://yingxiao.pinduoduo.com/goods/report/promotion/overView?beginDate=2026-04-25&endDate=2026-04-25',
    'https://yingxiao.pinduoduo.com/goods/report/promotion/overView',
    'http://yingxiao.pinduoduo.com/goods/report/promotion/detail?beginDate=2026-04-19&endDate=2026-04-25',
  ],
  endpoints: [YINGXIAO_ENTITY_REPORT],
  matchesUrl: isPddYingxiaoReportUrl,
  detect(doc, _url, responses = []) {
    if (totalReports(responses).length === 1) return true;
    const layout = layoutOf(doc);
    return layout.sections.length > 0 && readSectionMetrics(layout, 'pinduoduo').metrics.length > 0;
  },
  extract: extractReport,
};
