/**
 * Keys that name a page and a period. Pure and dependency-free: the background stores captures
 * under them, the side panel looks captures up by them, and the content script uses them to
 * tell "the same figures on another page" (see lib/content/capture-loop.ts). Importing this
 * file never opens or loads the database.
 */
import type { Period } from '../capture/schema';

/**
 * Query parameters that say which page this is (item, goods, search words, report tab). Every
 * other parameter is tracking (spm, scm, pvid, from …) or view state, and is dropped.
 */
export const IDENTIFYING_PARAMS: readonly string[] = [
  'id', // item.taobao.com / detail.tmall.com item id
  'itemId', // 生意参谋 商品360
  'item_id',
  'goods_id', // Pinduoduo goods page
  'productId',
  'product_id',
  'skuId',
  'q', // Taobao search
  'keyword', // JD search
  'search_key', // Pinduoduo search
  'activeKey', // 生意参谋 report tab: each tab shows different figures
];

/**
 * The normalised address of a page, so captures of "this page" can be found again however the
 * operator arrived at it: host + path + identifying query parameters (sorted), without scheme,
 * tracking parameters or anchor. A hash route (`#/goods/list`) is kept: on hash-routed single
 * page apps it is the page's real path. Used by the background to store captures and by the
 * side panel to look them up.
 */
export function pageKeyOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  const kept: [string, string][] = [];
  for (const [name, value] of parsed.searchParams) {
    if (IDENTIFYING_PARAMS.includes(name) && value !== '') kept.push([name, value]);
  }
  // Stable sort by name: the order of repeated parameters is kept.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  const hashRoute = /^#!?(\/[^?]*)/.exec(parsed.hash)?.[1] ?? '';
  return `${parsed.host.toLowerCase()}${parsed.pathname}${query}${hashRoute ? `#${hashRoute}` : ''}`;
}

/** `<label>|<start>|<end>`, '' when the page shows no period. */
export function periodKeyOf(period: Period | null): string {
  return period ? `${period.label}|${period.start ?? ''}|${period.end ?? ''}` : '';
}

