/**
 * The item data Taobao/Tmall detail pages embed for server-side rendering: an inline script
 * sets `window.__ICE_APP_CONTEXT__`, and its `loaderData.home.data.res` holds the item
 * (title, itemId), SKUs and their prices and stock, the price block and the seller.
 *
 * Two script forms are known (both read as JSON, never run):
 *   window.__ICE_APP_CONTEXT__ = {…};
 *   !(function () {var a = window.__ICE_APP_CONTEXT__ || {};var b = {…};…})();
 */
import { findEmbeddedJson } from '../embedded-json';
import { recordAt, type JsonRecord } from '../json-reader';

export const ICE_SCRIPT_MARKER = '__ICE_APP_CONTEXT__';

/** `loaderData.home.data.res`, or undefined when the page has none (not rendered, other layout). */
export function readIceRes(doc: Document): JsonRecord | undefined {
  return findEmbeddedJson(doc, ICE_SCRIPT_MARKER, '"loaderData"', (value) =>
    recordAt(value, 'loaderData', 'home', 'data', 'res'),
  );
}

/** The price block: `componentsVO.priceVO` on most pages, `priceVO` at the top of `res` on some. */
export function icePriceVO(res: JsonRecord): JsonRecord | undefined {
  return recordAt(res, 'componentsVO', 'priceVO') ?? recordAt(res, 'priceVO');
}

/** The review block (`rateVO`), in either place. */
export function iceRateVO(res: JsonRecord): JsonRecord | undefined {
  return recordAt(res, 'componentsVO', 'rateVO') ?? recordAt(res, 'rateVO');
}
