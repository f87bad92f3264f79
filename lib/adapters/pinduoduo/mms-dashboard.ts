/**
 * 商家后台 数据中心 overviews on mms.pinduoduo.com: 交易数据 (`/sycm/stores_data/operation`),
 * 流量数据 (`/sycm/search_data/plate`) and the 店铺数据 block of the backend home (`/home`).
 *
 * Figures come from the label→value finder inside the page's data sections (./sections.ts):
 * comparisons (较前一日) and peer values (同行均值) are kept apart from the shop's own, `-` is an
 * issue, marketing blocks are left out. Digits drawn with the obfuscating font (private-use
 * characters) are decoded from the font the page embeds when it can be (./obfuscated-font.ts);
 * those that cannot are reported unreadable, figure by figure, with one page-level note saying
 * why. Plain digits on the same page are read as usual.
 *
 * Labels seen on the 流量 page (public collector dictionary, pxx-data-collection): 店铺访客数,
 * 店铺浏览量, 商品访客数, 商品浏览量, 成交买家数, 成交订单数, 成交金额, 成交转化率, 客单价, 成交UV价值.
 * 店铺访客数 and 商品访客数 are both "visitors" in the metric registry: shown with different
 * values they conflict and neither is kept (an issue says so).
 */
import type { CaptureIssue } from '../../capture/schema';
import type { Extracted, PageAdapter } from '../types';
import type { PageFonts } from '../types';
import { obfuscatedFontIssue, pddDigitFonts } from './obfuscated-font';
import { readLayout, readSectionMetrics, type PageLayout } from './sections';
import { isPddMmsDashboardUrl, PDD_MMS_PATTERNS } from './urls';
import { PDD_DATA_SECTION_TITLES, PDD_PERIOD_PREFIXES, PDD_PROMOTION_CALLS } from './words';

const WORDS = { titles: PDD_DATA_SECTION_TITLES, periodPrefixes: PDD_PERIOD_PREFIXES, promotionCalls: PDD_PROMOTION_CALLS };

function layoutOf(doc: Document): PageLayout {
  return readLayout(doc, 'pinduoduo', WORDS);
}

function extractDashboard(doc: Document, _url: URL, _responses?: unknown, fonts?: PageFonts): Extracted {
  const layout = layoutOf(doc);
  const issues: CaptureIssue[] = [...layout.issues];
  const extracted: Extracted = { period: layout.period, metrics: [], listing: null, results: null, issues };
  if (layout.sections.length === 0) {
    issues.push({ field: 'metrics', problem: 'no data section (交易概况, 流量概况, 统计时间 …) with figures found on the page' });
  } else {
    const found = readSectionMetrics(layout, 'pinduoduo', fonts);
    extracted.metrics = found.metrics;
    issues.push(...found.issues);
    if (found.obfuscated > 0) issues.push(obfuscatedFontIssue(found.obfuscated, doc, 'metrics', fonts));
    else if (found.metrics.length === 0) issues.push({ field: 'metrics', problem: 'data sections found, but no figure in them could be read' });
  }
  if (!layout.period) issues.push({ field: 'period', problem: 'the page states no period (统计时间)' });
  extracted.issues = issues.slice(0, 100);
  return extracted;
}

export const pddMmsDashboardAdapter: PageAdapter = {
  id: 'pinduoduo/mms-dashboard',
  // 2: digits drawn with an embedded obfuscating font are decoded.
  version: 2,
  platform: 'pinduoduo',
  pageKind: 'dashboard',
  hosts: PDD_MMS_PATTERNS,
  sampleUrls: [
    'https://mms.pinduoduo.com/sycm/stores_data/operation',
    'https://mms.pinduoduo.com/sycm/stores_data/operation?dateFlag=5&day=2026-11-21',
    'https://mms.pinduoduo.com/sycm/search_data/plate',
    'https://mms.pinduoduo.com/sycm/search_data/plate?dateFlag=2',
    'https://mms.pinduoduo.com/home/',
    'http://mms.pinduoduo.com/home',
  ],
  matchesUrl: isPddMmsDashboardUrl,
  fonts: pddDigitFonts,
  detect(doc, _url, _responses, fonts) {
    const layout = layoutOf(doc);
    if (layout.sections.length === 0) return false;
    const found = readSectionMetrics(layout, 'pinduoduo', fonts);
    // A rendered page whose every figure is obfuscated is still a rendered page: its capture says why.
    return found.metrics.length > 0 || found.obfuscated > 0;
  },
  extract: extractDashboard,
};
