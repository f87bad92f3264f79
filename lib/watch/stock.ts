/**
 * In or out of stock, from what a listing shows. Site knowledge as data: the phrases Taobao,
 * Tmall, Pinduoduo and JD pages put next to the buy button (`有货`, `即将售罄`, `无货(限购10件)`).
 *
 * Order matters: `即将售罄` (almost sold out) still sells and contains `售罄`, so the in-stock
 * phrases are tried first. A quantity the page states decides before any text. Anything else
 * (`预售`, an empty text) is unknown, and an unknown stock never changes a watch's state.
 */
import type { Listing } from '../capture/schema';
import type { StockState } from './types';

/** Still for sale, checked first. */
export const IN_STOCK_PHRASES: readonly string[] = ['即将售罄', '仅剩', '库存紧张', '少量库存', '有货', '现货', '库存充足'];
/** Not for sale now. */
export const OUT_OF_STOCK_PHRASES: readonly string[] = ['无货', '缺货', '售罄', '已售完', '卖光', '抢光', '已下架', '补货中', '到货通知'];

export function stockStateOf(stock: Listing['stock'] | undefined): StockState | undefined {
  if (!stock) return undefined;
  if (stock.quantity !== undefined) return stock.quantity > 0 ? 'in' : 'out';
  const text = stock.text.replace(/\s+/g, '');
  if (IN_STOCK_PHRASES.some((phrase) => text.includes(phrase))) return 'in';
  if (OUT_OF_STOCK_PHRASES.some((phrase) => text.includes(phrase))) return 'out';
  if (/库存\d+/.test(text)) return /库存0(?!\d)/.test(text) ? 'out' : 'in';
  return undefined;
}
