/**
 * Pinduoduo page words the adapters rely on: site knowledge as data, linted by
 * tests/unit/adapters/pinduoduo/words.test.ts (sorted where a list, unique, no overlaps).
 *
 * Words, not class names: PDD pages are built with hashed class names (`ujEqGzEB`, `_3glhOBhU`)
 * that change with every release, while the words a shopper or seller reads stay.
 */
import type { Price } from '../../capture/schema';

// ---------------------------------------------------------------------------------------------
// Public pages (goods, search)

/**
 * Words beside a price and the kind of price they name. Matched in the price's own line
 * (`券后 ¥4.92`, `¥7.9 发起拼单`, `首件¥17.78`), longest first.
 * - 拼单 / 发起拼单: the group price, what most buyers pay on PDD (its headline price);
 * - 单独购买 / 单买价: the price when buying alone, a list price for ShopLens;
 * - 券前: the price before a coupon, also a list price; 券后: after the coupon;
 * - 首件: the price of the first unit only (later units cost more).
 */
export const PDD_PRICE_LABELS: Readonly<Record<string, Price['kind']>> = {
  券前: 'list',
  券前价: 'list',
  券后: 'coupon',
  券后价: 'coupon',
  单买价: 'list',
  单独购买: 'list',
  原价: 'list',
  发起拼单: 'group',
  拼单价: 'group',
  拼团价: 'group',
  拼单: 'group',
  百亿补贴: 'subsidised',
  首件: 'firstItem',
  首件价: 'firstItem',
  秒杀价: 'promotion',
  限时价: 'promotion',
  活动价: 'promotion',
  划线价: 'list',
};

export const PDD_PRICE_LABELS_LONGEST_FIRST: readonly string[] = Object.keys(PDD_PRICE_LABELS).sort(
  (a, b) => b.length - a.length || a.localeCompare(b),
);

/**
 * Price phrases written without ¥: `即将恢复29.98元` (the regular price the goods returns to when
 * the current discount ends). The phrase's words become the price's label.
 */
export const PDD_YUAN_PHRASES: ReadonlyArray<{ pattern: RegExp; label: string; kind: Price['kind'] }> = [
  { pattern: /^即将恢复\s*(\d+(?:\.\d{1,2})?)\s*元$/, label: '即将恢复', kind: 'list' },
];

/**
 * Promotion tags kept as text (`2件9.9折`, `满50减2`). Whole-tag patterns, so delivery tags
 * (`预计后天送达`), shipping (`已包邮`) and repeat-buyer counts (`1万+回头客`) are not promotions.
 */
export const PDD_PROMOTION_PATTERNS: readonly RegExp[] = [
  /^\d+件\d+(?:\.\d+)?折$/,
  /^满\d+(?:\.\d+)?元?减\d+(?:\.\d+)?元?$/,
  /^满\d+件\d+(?:\.\d+)?折$/,
  /^满\d+件减\d+(?:\.\d+)?元?$/,
  /^每满\d+(?:\.\d+)?元?减\d+(?:\.\d+)?元?$/,
  /^立减\d+(?:\.\d+)?元?$/,
  /^\d+(?:\.\d+)?元(?:无门槛)?(?:优惠)?券$/,
  /^领券(?:立减|减)\d+(?:\.\d+)?元?$/,
  /^第\d+件\d+(?:\.\d+)?折$/,
  /^限时(?:秒杀|特惠|折扣|降价)$/,
  /^百亿补贴$/,
];

/** Headings of sections about other goods; nothing inside them is read as this goods' figures. */
export const PDD_RECOMMENDATION_HEADINGS: readonly string[] = [
  '为你推荐',
  '同店好货',
  '大家都在买',
  '店铺推荐',
  '更多推荐',
  '本店热销',
  '猜你喜欢',
  '相似商品',
  '看了又看',
];

/** Sales phrases that count the whole shop's sales, never one goods'. */
export const PDD_SHOP_SALES_PREFIXES: readonly string[] = ['全店已拼', '店铺已拼', '本店已拼'];

/** The words a search card uses to mark a sponsored result (a small tag whose whole text is the word). */
export const PDD_SPONSORED_MARKS: readonly string[] = ['广告', '推广'];

/** Document title endings around the goods name (`…-拼多多`). */
export const PDD_DOCUMENT_TITLE_SUFFIXES: readonly RegExp[] = [/\s*[-_|｜]\s*拼多多(?:商城)?$/];
/** Document titles that name no goods. */
export const PDD_GENERIC_DOCUMENT_TITLES: readonly string[] = ['商品详情', '拼多多', '拼多多商城'];

// ---------------------------------------------------------------------------------------------
// 商家后台 (mms.pinduoduo.com) and 多多推广 (yingxiao.pinduoduo.com)

/** Titles of sections whose figures are the shop's own for the stated period. */
export const PDD_DATA_SECTION_TITLES: readonly string[] = [
  '交易数据',
  '交易概况',
  '店铺数据',
  '数据概况',
  '数据概览',
  '核心数据',
  '流量概况',
  '流量看板',
  '经营概况',
];

/** Words that start the line stating a section's period: `统计时间：2026-11-21`. */
export const PDD_PERIOD_PREFIXES: readonly string[] = ['数据统计时间', '统计日期', '统计时间'];

/**
 * Calls to action of promotions and upsell banners. A small block holding one of these in a link
 * or button, with metric words and numbers (`成交金额提升 35%  立即报名`), is marketing.
 */
export const PDD_PROMOTION_CALLS: readonly string[] = [
  '了解详情',
  '去开通',
  '去报名',
  '去推广',
  '立即参与',
  '立即开通',
  '立即报名',
  '立即推广',
  '立即查看',
  '马上报名',
];

// ---------------------------------------------------------------------------------------------
// Goods editor (mms.pinduoduo.com/goods/goods_add, goods_detail)

/** Labels of the goods title field. */
export const PDD_EDITOR_TITLE_LABELS: readonly string[] = ['商品名称', '商品标题'];
/** Labels of the category shown in the editor. */
export const PDD_EDITOR_CATEGORY_LABELS: readonly string[] = ['商品分类', '商品类目', '所属类目'];
/**
 * Price columns and fields of the editor and the kind of price each is. 拼单价 is the group
 * price buyers pay; 单买价 the price when buying alone; 市场价 / 参考价 a reference (list) price.
 */
export const PDD_EDITOR_PRICE_LABELS: Readonly<Record<string, Price['kind']>> = {
  单买价: 'list',
  参考价: 'list',
  市场价: 'list',
  拼单价: 'group',
};

/** Header texts of the goods column in 数据中心 per-goods tables (商品明细). */
export const PDD_GOODS_COLUMN_HEADERS: readonly string[] = ['商品', '商品信息', '商品名称'];
/** Header texts of a rank column. */
export const PDD_RANK_COLUMN_HEADERS: readonly string[] = ['序号', '排名'];
/** What an empty per-goods table shows instead of rows. */
export const PDD_EMPTY_TABLE_TEXTS: readonly string[] = ['暂无商品数据', '暂无数据'];
