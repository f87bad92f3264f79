/**
 * Which Pinduoduo page an address is: pure functions of the URL, one per page kind, tested both
 * ways in tests/unit/adapters/pinduoduo/urls.test.ts and tests/unit/adapters/url-detectors.test.ts.
 *
 * Hosts (marketplaces.md §1):
 * - mobile.yangkeduo.com: the public H5 shop (goods pages, search results);
 * - mms.pinduoduo.com: 商家后台 (数据中心 under /sycm/…, goods editor under /goods/…);
 * - yingxiao.pinduoduo.com: 多多推广 (ads), report pages under /goods/report/….
 * Ports are ignored, as Chrome's match patterns ignore them (the demo serves on a local port).
 */

export const PDD_MOBILE_HOST = 'mobile.yangkeduo.com';
export const PDD_MMS_HOST = 'mms.pinduoduo.com';
export const PDD_YINGXIAO_HOST = 'yingxiao.pinduoduo.com';

export const PDD_MOBILE_PATTERNS = [`*://${PDD_MOBILE_HOST}/*`] as const;
export const PDD_MMS_PATTERNS = [`*://${PDD_MMS_HOST}/*`] as const;
export const PDD_YINGXIAO_PATTERNS = [`*://${PDD_YINGXIAO_HOST}/*`] as const;

const GOODS_ID = /^\d{1,20}$/;

function onHost(url: URL, host: string): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return url.hostname.toLowerCase() === host;
}

/** The same path with one trailing slash removed (`/home/` = `/home`). */
function path(url: URL): string {
  return url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
}

/** Goods pages: `goods.html`, `goods1.html`, `goods2.html` (A/B variants of one page). */
const GOODS_PAGES = new Set(['/goods.html', '/goods1.html', '/goods2.html']);

/** The goods id of a goods page address, or undefined for any other address. */
export function pddGoodsId(url: URL): string | undefined {
  if (!onHost(url, PDD_MOBILE_HOST) || !GOODS_PAGES.has(url.pathname)) return undefined;
  const id = url.searchParams.get('goods_id');
  return id !== null && GOODS_ID.test(id) ? id : undefined;
}

/** The search words of a search-result address (`search_result.html?search_key=…`), or undefined. */
export function pddSearchKey(url: URL): string | undefined {
  if (!onHost(url, PDD_MOBILE_HOST) || url.pathname !== '/search_result.html') return undefined;
  const key = url.searchParams.get('search_key')?.trim();
  return key ? key : undefined;
}

/**
 * 数据中心 overview pages read as dashboards: 交易 (`/sycm/stores_data/operation`), 流量
 * (`/sycm/search_data/plate`) and the backend home (`/home`), whose 店铺数据 block is an overview.
 */
const MMS_DASHBOARD_PATHS = new Set(['/sycm/stores_data/operation', '/sycm/search_data/plate', '/home']);

export function isPddMmsDashboardUrl(url: URL): boolean {
  return onHost(url, PDD_MMS_HOST) && MMS_DASHBOARD_PATHS.has(path(url));
}

/** 数据中心 › 商品数据 › 商品明细 (`/sycm/goods_effect`), a per-goods table. */
export function isPddGoodsEffectUrl(url: URL): boolean {
  return onHost(url, PDD_MMS_HOST) && path(url) === '/sycm/goods_effect';
}

/** 多多推广 report pages (`/goods/report/promotion/overView?beginDate=…&endDate=…` and siblings). */
export function isPddYingxiaoReportUrl(url: URL): boolean {
  if (!onHost(url, PDD_YINGXIAO_HOST)) return false;
  return /^\/goods\/report\/[\w/-]+$/.test(path(url));
}

/**
 * The goods editor: publishing (`/goods/goods_add/index?type=add`, or any page under
 * `/goods/goods_add`) and editing an existing goods (`/goods/goods_detail?goods_id=N`).
 */
export function isPddGoodsEditorUrl(url: URL): boolean {
  if (!onHost(url, PDD_MMS_HOST)) return false;
  const p = path(url);
  if (p === '/goods/goods_add' || p.startsWith('/goods/goods_add/')) return true;
  if (p === '/goods/goods_detail') {
    const id = url.searchParams.get('goods_id');
    return id !== null && GOODS_ID.test(id);
  }
  return false;
}
