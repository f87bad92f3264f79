/**
 * 京准通 reports (`jzt.jd.com/report/index.html#/…`): the summary block above the report table —
 * 花费 / 总花费, 展现数, 点击数, 点击率, 总订单行, 总订单金额, ROI / 投产比, 千次展现成本 — with its
 * changes, read by the label→value finder (lib/capture/finder.ts).
 *
 * On this ad console every figure is about paid traffic: 总订单金额 and 总订单行 are the sales and
 * orders the ads brought, read as adSales and adOrders (as 直通车's 总成交金额 and 多多推广's 交易额),
 * and so is any sales or orders label the shop's pages use (../ad-console.ts). 直接 / 间接 order
 * figures are parts of those totals and are not read. The report table below (one row per plan, day or keyword) is a per-row table the
 * finder leaves alone, and only the titled summary block is read (./backend.ts).
 */
import { asAdConsoleFigures } from '../ad-console';
import { extractDashboardFigures, hasDashboardFigures, type DashboardProblems } from '../dashboard-figures';
import type { Extracted, PageAdapter } from '../types';
import { readBackendLayout } from './backend';
import { isJdJztReportUrl } from './urls';
import { JZT_DATA_SECTION_TITLES } from './words';

// Only the titled summary block: below it, a one-row table is one plan or keyword, not the account.
const WORDS = { dataTitles: JZT_DATA_SECTION_TITLES, otherPeriodTitles: [] as readonly string[], untitledByPeriodLine: false };

const PROBLEMS: DashboardProblems = {
  noSection: 'no summary block (数据概览, 数据汇总 …) with figures found on the page',
  noFigure: 'a summary block was found, but no figure in it could be read',
  noPeriod: 'the page states no period (统计时间 or a date picker)',
};

// No shop name is read on 京准通 (unchanged).
function extractJztReport(doc: Document): Extracted {
  return asAdConsoleFigures(extractDashboardFigures(readBackendLayout(doc, WORDS), 'jd', PROBLEMS));
}

export const jdJztReportAdapter: PageAdapter = {
  id: 'jd/jzt-report',
  version: 1,
  platform: 'jd',
  pageKind: 'dashboard',
  hosts: ['*://jzt.jd.com/*'],
  sampleUrls: [
    'https://jzt.jd.com/report/index.html#/overview/page',
    'https://jzt.jd.com/report/index.html#/rtb/basic',
    'https://jzt.jd.com/report/index.html/#/rtb/basic/keyword?hideNav=1',
    'http://jzt.jd.com/report/index.html',
  ],
  matchesUrl: isJdJztReportUrl,
  detect(doc) {
    return hasDashboardFigures(readBackendLayout(doc, WORDS), 'jd');
  },
  extract: extractJztReport,
};
