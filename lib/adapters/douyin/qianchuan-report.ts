/**
 * 巨量千川 report pages (`qianchuan.jinritemai.com`: data reports under `/dataV2/…`, promotion
 * lists under `/uni-prom…`): spend (消耗), 展示次数, 点击次数, 点击率, 成交订单数, 成交金额, 支付ROI for
 * the account and period the page shows. Values arrive as page text such as `5,792.00`, `5.33%`,
 * `0.24` (千川's own `valueStr`s).
 *
 * Where the figures are taken from, in order:
 * 1. the summary board above the plan table (cards or label/value lists; ./dashboard.ts);
 * 2. without a board, the plan table's total row (合计 / 总计): one row of that table, mapped by
 *    column header. A table with only plan rows is a per-plan list: its rows are not the
 *    account's figures and nothing is summed here (a sum over one page of a paged table would
 *    be wrong).
 * 成交金额 and 成交订单数 on these pages are the sales and orders the ads brought, not the shop's:
 * they are read as adSales and adOrders (../ad-console.ts), as on the other platforms' ad reports.
 */
import type { CaptureIssue, MetricReading } from '../../capture/schema';
import { readTableRows } from '../../capture/finder';
import { asAdConsoleFigures } from '../ad-console';
import type { Extracted, PageAdapter } from '../types';
import { boundedIssues, readDashboard } from './dashboard';
import { QIANCHUAN_HOST, isQianchuanReportUrl } from './urls';
import { QIANCHUAN_SECTION_TITLES, TOTAL_ROW_WORDS } from './words';

interface TotalRow {
  metrics: MetricReading[];
  issues: CaptureIssue[];
}

/** The one total row among the page's metric tables, or why there is none. */
function totalRow(roots: readonly Element[], ignore: (el: Element) => boolean): TotalRow | { problem: string } | null {
  const totals: TotalRow[] = [];
  for (const root of roots) {
    for (const table of readTableRows(root, 'douyin', { ignore })) {
      for (const row of table.rows) {
        const isTotal = Object.values(row.cells).some((text) => TOTAL_ROW_WORDS.some((word) => text.trim().startsWith(word)));
        if (isTotal) totals.push({ metrics: row.metrics, issues: row.issues });
      }
    }
  }
  if (totals.length === 0) return null;
  if (totals.length > 1) return { problem: `${totals.length} total rows (合计) in the page's tables: none read` };
  return totals[0]!;
}

function extractQianchuan(doc: Document): Extracted {
  const reading = readDashboard(doc, QIANCHUAN_SECTION_TITLES);
  const issues: CaptureIssue[] = [...reading.issues];
  let metrics = reading.metrics;
  if (metrics.length === 0) {
    const total = totalRow(reading.scope.roots, reading.scope.ignore);
    if (total && 'problem' in total) issues.push({ field: 'metrics', problem: total.problem });
    else if (total) {
      metrics = total.metrics;
      issues.push(...total.issues);
    }
  }
  if (metrics.length === 0) {
    issues.unshift({ field: 'metrics', problem: 'no summary board and no total row (合计) with figures found' });
  }
  if (!reading.period) issues.push({ field: 'period', problem: 'the page states no period (date picker)' });
  return asAdConsoleFigures({ period: reading.period, metrics, listing: null, results: null, issues: boundedIssues(issues) });
}

export const qianchuanReportAdapter: PageAdapter = {
  id: 'douyin/qianchuan-report',
  version: 1,
  platform: 'douyin',
  pageKind: 'dashboard',
  hosts: [`*://${QIANCHUAN_HOST}/*`],
  sampleUrls: [
    'https://qianchuan.jinritemai.com/dataV2/bidding/site-promotion?aavid=1752642459218957&tabs=live',
    'https://qianchuan.jinritemai.com/uni-promover/all?aavid=1752642459218957&dr=2026-11-21%2C2026-11-21',
    'https://qianchuan.jinritemai.com/uni-prom?aavid=1752642459218957',
    'https://qianchuan.jinritemai.com/brand_bid/promotion/standard?aavid=1752642459218957',
    'http://qianchuan.jinritemai.com/promotion-v2/standard?aavid=1',
  ],
  matchesUrl: isQianchuanReportUrl,
  detect(doc) {
    return extractQianchuan(doc).metrics.length > 0;
  },
  extract: extractQianchuan,
};
