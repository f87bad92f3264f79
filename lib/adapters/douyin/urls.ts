/**
 * Which Douyin e-commerce address is which page, from the address alone (pure; tested both ways
 * in tests/unit/adapters/douyin/urls.test.ts and tests/unit/adapters/url-detectors.test.ts).
 *
 * Hosts (marketplaces.md §1): 抖店 `fxg.jinritemai.com`, 电商罗盘 `compass.jinritemai.com`,
 * 巨量千川 `qianchuan.jinritemai.com`, product pages `haohuo.jinritemai.com`. Ports are ignored, as
 * Chrome's match patterns ignore them (the demo serves on a local port); http and https both pass.
 */

export const FXG_HOST = 'fxg.jinritemai.com';
export const COMPASS_HOST = 'compass.jinritemai.com';
export const QIANCHUAN_HOST = 'qianchuan.jinritemai.com';
export const HAOHUO_HOST = 'haohuo.jinritemai.com';

function onHost(url: URL, host: string): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return url.hostname.toLowerCase() === host;
}

/** `/a/b/` and `/a/b` are the same page. */
function path(url: URL): string {
  return url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
}

/** 抖店 home (工作台): `/ffa/mshop/homepage/index`. */
export function isFxgHomeUrl(url: URL): boolean {
  return onHost(url, FXG_HOST) && path(url) === '/ffa/mshop/homepage/index';
}

/** 抖店 product create/edit pages: `/ffa/g/create` (`?product_id=N` edits), `/ffa/g/edit`, older `/ffa/mshop/goods/…`. */
const FXG_EDITOR_PATHS = new Set(['/ffa/g/create', '/ffa/g/edit', '/ffa/mshop/goods/create', '/ffa/mshop/goods/edit']);
export function isFxgEditorUrl(url: URL): boolean {
  return onHost(url, FXG_HOST) && FXG_EDITOR_PATHS.has(path(url));
}

/** 抖店 商品管理 list (`/ffa/g/list`): one row per product with price, stock and sales. */
export function isFxgProductListUrl(url: URL): boolean {
  return onHost(url, FXG_HOST) && path(url) === '/ffa/g/list';
}

/** 电商罗盘 home (`/shop`, its 经营概况 core data). Every other `/shop/…` page is another page. */
export function isCompassHomeUrl(url: URL): boolean {
  return onHost(url, COMPASS_HOST) && path(url) === '/shop';
}

/** 电商罗盘 live-room overviews: 直播概览 `/shop/live-overview`, one room `/shop/live-detail?live_room_id=N`. */
export function isCompassLiveUrl(url: URL): boolean {
  return onHost(url, COMPASS_HOST) && (path(url) === '/shop/live-overview' || path(url) === '/shop/live-detail');
}

/** 电商罗盘 商品列表 (`/shop/commodity/product-list`): one row per product. */
export function isCompassProductListUrl(url: URL): boolean {
  return onHost(url, COMPASS_HOST) && path(url) === '/shop/commodity/product-list';
}

/**
 * 巨量千川 report pages: the data reports (`/dataV2/…`), the promotion lists with their summary
 * boards (`/uni-prom…`, `/promotion…`, `/brand_bid/promotion/…`). Login, OAuth, creative
 * libraries and API paths are not report pages.
 */
const QIANCHUAN_REPORT_PREFIXES = ['/dataV2/', '/data/', '/uni-prom', '/promotion', '/brand_bid/promotion/'];
export function isQianchuanReportUrl(url: URL): boolean {
  if (!onHost(url, QIANCHUAN_HOST)) return false;
  const p = path(url);
  // A folder prefix (`/dataV2/`) needs a page under it; a name prefix (`/uni-prom`) is a page itself.
  return QIANCHUAN_REPORT_PREFIXES.some((prefix) => p.startsWith(prefix) && (!prefix.endsWith('/') || p.length > prefix.length));
}

const PRODUCT_ID = /^\d{6,25}$/;
const HAOHUO_PRODUCT_PATHS = new Set([
  '/views/product/detail',
  '/views/product/item',
  '/views/product/item2',
  '/ecommerce/trade/detail/index.html',
]);

/** The product id of a haohuo product page (`/views/product/item2?id=N`, `/ecommerce/trade/detail/index.html?id=N`). */
export function haohuoProductId(url: URL): string | undefined {
  if (!onHost(url, HAOHUO_HOST) || !HAOHUO_PRODUCT_PATHS.has(path(url))) return undefined;
  const id = url.searchParams.get('id');
  return id !== null && PRODUCT_ID.test(id) ? id : undefined;
}
