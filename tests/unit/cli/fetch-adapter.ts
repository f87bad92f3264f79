/**
 * A stand-in adapter whose figure arrives only over fetch, for the responses-sidecar tests of the
 * CLI (the registered adapters may not declare endpoints yet). Reads goodsPv from the latest
 * `goods-overview` response; detect needs that response. On a reserved test host (.invalid), so
 * no real adapter claims its address.
 */
import type { PageAdapter } from '../../../lib/adapters/types';

export const FETCH_PAGE_URL = 'https://data.shoplens-test.invalid/sycm/goods_effect';

export const fetchOnlyAdapter: PageAdapter = {
  id: 'pinduoduo/test-fetch',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'dashboard',
  hosts: ['*://data.shoplens-test.invalid/*'],
  sampleUrls: [FETCH_PAGE_URL],
  endpoints: [{ id: 'goods-overview', path: /^\/sydney\/api\/goodsDataShow\/queryGoodsOverview\b/ }],
  matchesUrl: (url) => url.hostname === 'data.shoplens-test.invalid' && url.pathname === '/sycm/goods_effect',
  detect: (_doc, _url, responses = []) => responses.some((response) => response.endpoint === 'goods-overview'),
  extract: (_doc, _url, responses = []) => {
    const body = responses.at(-1)?.body as { result?: { goodsPv?: unknown } } | undefined;
    const value = body?.result?.goodsPv;
    return typeof value === 'number'
      ? { period: null, metrics: [{ metric: 'visitors', label: '商品访客数', value, unit: 'count', bound: 'exact' }], listing: null, results: null, issues: [] }
      : { period: null, metrics: [], listing: null, results: null, issues: [{ field: 'metrics.visitors', problem: 'no goods-overview response' }] };
  },
};
