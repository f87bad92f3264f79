/**
 * 京东商智 overview (`sz.jd.com` / `jdsz.jd.com`): the home page's 经营概况 / 核心数据 cards and the
 * 交易概况 page. The shop's figures (成交金额, 访客数, 浏览量, 成交转化率, 客单价, 成交客户数,
 * 成交单量 …) with their 环比 / 较上期 changes and 同行同级均值 / 同行上级均值 peer values, read from
 * the rendered data sections by the label→value finder (lib/capture/finder.ts).
 *
 * Sections of another period (实时数据, 今日快照) and upsell banners are left out (./backend.ts);
 * the 交易构成 tables below the cards (one row per channel or region) are per-row tables the finder
 * leaves alone. Addresses: public automation scripts that open these pages (see ./urls.ts).
 */
import { extractDashboardFigures, hasDashboardFigures, type DashboardProblems } from '../dashboard-figures';
import type { Extracted, PageAdapter } from '../types';
import { headerShopName, readBackendLayout } from './backend';
import { isJdSzDashboardUrl, SZ_HOSTS } from './urls';
import { SZ_DATA_SECTION_TITLES, SZ_OTHER_PERIOD_SECTION_TITLES } from './words';

const WORDS = { dataTitles: SZ_DATA_SECTION_TITLES, otherPeriodTitles: SZ_OTHER_PERIOD_SECTION_TITLES, untitledByPeriodLine: true };

const PROBLEMS: DashboardProblems = {
  noSection: 'no data section (经营概况, 交易概况, 统计时间 …) with figures found on the page',
  noFigure: 'data sections found, but no figure in them could be read',
  noPeriod: 'the page states no period (统计时间 or a date picker)',
};

function extractSzDashboard(doc: Document): Extracted {
  return extractDashboardFigures(readBackendLayout(doc, WORDS), 'jd', PROBLEMS, headerShopName(doc));
}

export const jdSzDashboardAdapter: PageAdapter = {
  id: 'jd/sz-dashboard',
  version: 1,
  platform: 'jd',
  pageKind: 'dashboard',
  hosts: SZ_HOSTS.map((host) => `*://${host}/*`),
  sampleUrls: [
    'https://jdsz.jd.com/szweb/view/index/home.html',
    'https://jdsz.jd.com/szweb/view/tradeAnalysis/tradeSummary.html',
    'https://jdsz.jd.com/szweb/view/tradeAnalysis/tradeSummary.html?date=2026-11-21&compareDate=2026-11-20',
    'https://sz.jd.com/sz/view/dealAnalysis/dealSummarys.html',
    'http://sz.jd.com/szweb/view/index/home.html',
  ],
  matchesUrl: isJdSzDashboardUrl,
  detect(doc) {
    return hasDashboardFigures(readBackendLayout(doc, WORDS), 'jd');
  },
  extract: extractSzDashboard,
};
