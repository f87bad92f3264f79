/**
 * Which JD addresses ShopLens reads, by page kind: pure functions of the URL, tested both ways
 * in tests/unit/adapters/url-detectors.test.ts and tests/unit/adapters/jd/urls.test.ts.
 *
 * Ports are ignored (Chrome's match patterns ignore them and the demo serves on a local port);
 * http and https are both accepted. Addresses come from public tools that drive these pages
 * (see the adapters' module comments); paths not seen there are not guessed.
 */

function isWebPage(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase();
}


/** The SKU of an item page `item.jd.com/<SKU>.html`, or undefined for any other address. */
export function jdItemSku(url: URL): string | undefined {
  if (!isWebPage(url) || hostOf(url) !== 'item.jd.com') return undefined;
  const match = /^\/(\d{1,20})\.html$/.exec(url.pathname);
  return match?.[1];
}

/** True for a search result page `search.jd.com/Search?keyword=…` with a keyword. */
export function isJdSearchUrl(url: URL): boolean {
  if (!isWebPage(url) || hostOf(url) !== 'search.jd.com') return false;
  if (url.pathname !== '/Search' && url.pathname !== '/search') return false;
  return (url.searchParams.get('keyword') ?? '').trim() !== '';
}

/** 京东商智 lives on two hosts: the older `sz.jd.com` and `jdsz.jd.com`. */
export const SZ_HOSTS: readonly string[] = ['sz.jd.com', 'jdsz.jd.com'];

/**
 * 京东商智 overview pages: the home page (经营概况 cards), 交易概况, and the older 交易概况 page
 * of sz.jd.com. Other 商智 pages (流量, 行业, 竞品 …) are not read: their figures are not the
 * shop's overview, or are industry ranges.
 */
const SZ_DASHBOARD_PATHS: ReadonlySet<string> = new Set([
  '/szweb/view/index/home.html',
  '/szweb/view/tradeAnalysis/tradeSummary.html',
  '/sz/view/dealAnalysis/dealSummarys.html',
]);

export function isJdSzDashboardUrl(url: URL): boolean {
  return isWebPage(url) && SZ_HOSTS.includes(hostOf(url)) && SZ_DASHBOARD_PATHS.has(url.pathname);
}

/** 商智 商品明细: one row per SKU. */
const SZ_ITEM_REPORT_PATHS: ReadonlySet<string> = new Set(['/szweb/view/product/productDetail.html']);

export function isJdSzItemReportUrl(url: URL): boolean {
  return isWebPage(url) && SZ_HOSTS.includes(hostOf(url)) && SZ_ITEM_REPORT_PATHS.has(url.pathname);
}

/**
 * 京准通 report centre (`jzt.jd.com/report/index.html#/…`, also written with a trailing slash
 * before the hash). The hash picks the report (overview, 快车 basic, keyword …); every view
 * shows the same summary block above its table, which is what the adapter reads.
 */
const JZT_REPORT_PATHS: ReadonlySet<string> = new Set(['/report/index.html', '/report/index.html/']);

export function isJdJztReportUrl(url: URL): boolean {
  return isWebPage(url) && hostOf(url) === 'jzt.jd.com' && JZT_REPORT_PATHS.has(url.pathname);
}
