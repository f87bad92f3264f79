/**
 * 抖店 home (工作台, `fxg.jinritemai.com/ffa/mshop/homepage/index`): the shop's cards of today's
 * figures — 成交金额, 成交订单数, 投放消耗 … — each with 较昨日 and sometimes a peer benchmark
 * (`成交订单数 3 较昨日 25.00% 同行标杆值9`: the shop's figure is 3, 9 is the peers').
 *
 * The same page shows promotions and helper text with metric words and numbers (`支付金额 2500+`,
 * `销量高`, `预估挽回订单量`, `达人精准匹配，引爆商品销量`): only data sections are read
 * (./sections.ts), labels must be whole (`销量高` is no label) and blocks with a call to action are
 * left out. Change signs: see ./dashboard.ts (sign from an unambiguous icon only, otherwise the
 * change is dropped with an issue and the value kept).
 */
import type { CaptureIssue } from '../../capture/schema';
import type { Extracted, PageAdapter } from '../types';
import { boundedIssues, readDashboard } from './dashboard';
import { FXG_HOST, isFxgHomeUrl } from './urls';
import { FXG_HOME_SECTION_TITLES } from './words';

function extractFxgHome(doc: Document): Extracted {
  const reading = readDashboard(doc, FXG_HOME_SECTION_TITLES);
  const issues: CaptureIssue[] = [...reading.issues];
  if (reading.metrics.length === 0) {
    issues.unshift({ field: 'metrics', problem: 'no figure found in the data sections (经营数据 …) of the 抖店 home page' });
  }
  if (!reading.period) issues.push({ field: 'period', problem: 'the page states no period (数据更新时间 or a period tab)' });
  return { period: reading.period, metrics: reading.metrics, listing: null, results: null, issues: boundedIssues(issues) };
}

export const fxgHomeAdapter: PageAdapter = {
  id: 'douyin/fxg-home',
  version: 1,
  platform: 'douyin',
  pageKind: 'dashboard',
  hosts: [`*://${FXG_HOST}/*`],
  sampleUrls: [
    'https://fxg.jinritemai.com/ffa/mshop/homepage/index',
    'https://fxg.jinritemai.com/ffa/mshop/homepage/index?channel=zhaoshang',
    'http://fxg.jinritemai.com/ffa/mshop/homepage/index/',
  ],
  matchesUrl: isFxgHomeUrl,
  detect(doc) {
    return readDashboard(doc, FXG_HOME_SECTION_TITLES).metrics.length > 0;
  },
  extract: extractFxgHome,
};
