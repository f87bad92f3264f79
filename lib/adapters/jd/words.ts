/**
 * Words the JD pages use, kept as data so the adapters' rules stay readable and a new wording is
 * a one-line change. Linted by tests/unit/adapters/jd/words.test.ts (sorted where order does not
 * matter, unique, trimmed, no word in two lists that must stay apart).
 *
 * No imports besides types: content-script code.
 */
import type { Price } from '../../capture/schema';

type PriceKind = Price['kind'];

// ---------------------------------------------------------------------------------------------
// Item and search pages

/**
 * A price's label (the words beside a ¥ on item.jd.com or a search card, spaces removed) → which
 * price it is. A label not listed here is not guessed: the price is left out and an issue says so.
 */
export const JD_PRICE_LABEL_KINDS: ReadonlyArray<readonly [label: string, kind: PriceKind]> = [
  // The item's own price. The item page writes it 京 东 价 (spaced); spaces are removed first.
  ['京东价', 'shown'],
  ['价格', 'shown'],
  ['售价', 'shown'],
  // Struck-through and reference prices.
  ['原价', 'list'],
  ['划线价', 'list'],
  ['参考价', 'list'],
  ['市场价', 'list'],
  // Promotions.
  ['秒杀价', 'promotion'],
  ['促销价', 'promotion'],
  ['活动价', 'promotion'],
  ['限时价', 'promotion'],
  ['预售价', 'promotion'],
  // After coupons and discounts: 到手价 is JD's "what you pay after coupons and 满减".
  ['到手价', 'coupon'],
  ['券后价', 'coupon'],
  ['券后', 'coupon'],
  ['预估到手价', 'coupon'],
  // Members: PLUS prices are for paying members only, never the item's price.
  ['PLUS价', 'member'],
  ['PLUS会员价', 'member'],
  ['PLUS会员专享价', 'member'],
  ['PLUS专享价', 'member'],
  ['会员价', 'member'],
  ['粉丝价', 'member'],
  // Subsidies.
  ['国补价', 'subsidised'],
  ['政府补贴价', 'subsidised'],
  ['补贴价', 'subsidised'],
  ['百亿补贴', 'subsidised'],
  ['百亿补贴价', 'subsidised'],
  // Multi-buy.
  ['首件价', 'firstItem'],
];

/** Removes what varies around a label: spaces (京 东 价), a trailing colon, a leading ¥. */
export function normaliseJdPriceLabel(label: string): string {
  return label.replace(/[\s\u3000]+/g, '').replace(/[:：]+$/, '').replace(/^[¥￥]/, '').toUpperCase();
}

const kindByLabel = new Map<string, PriceKind>(JD_PRICE_LABEL_KINDS.map(([label, kind]) => [normaliseJdPriceLabel(label), kind]));

/** The kind a label names, or undefined when the label is not known. */
export function jdPriceKindForLabel(label: string): PriceKind | undefined {
  return kindByLabel.get(normaliseJdPriceLabel(label));
}

/** Labels searched for in a price line's words, longest first so PLUS会员专享价 wins over 会员价. */
export const JD_PRICE_LABELS_LONGEST_FIRST: readonly string[] = JD_PRICE_LABEL_KINDS.map(([label]) => normaliseJdPriceLabel(label)).sort(
  (a, b) => b.length - a.length,
);

/**
 * A price line with one of these is an instalment (白条分期 ¥500.00×12期), never a price.
 * Tested against the line's words with spaces removed.
 */
export const JD_INSTALMENT_PATTERNS: readonly RegExp[] = [/白条/, /分期/, /[/每]期/, /[×xX*]\d+期/, /\d+期免息/, /免息/];

/**
 * Headings of sections that show OTHER items (recommendations, rankings), whose titles, prices and
 * counts must never be read as this item's or as search results. Matched against an element's own
 * text (spaces removed), as a prefix.
 */
export const JD_RECOMMENDATION_HEADINGS: readonly string[] = [
  '为你推荐',
  '人气单品',
  '同类推荐',
  '商品精选',
  '大家都在看',
  '店铺推荐',
  '店铺热销',
  '排行榜',
  '推荐配件',
  '热卖推荐',
  '热销推荐',
  '猜你喜欢',
  '相似商品',
  '看了又看',
  '看了还看',
  '精品推荐',
  '达人选购',
];

/** Link texts near a shop name that are actions, not the name. */
export const JD_SHOP_ACTION_WORDS: readonly string[] = [
  '全部商品',
  '关注',
  '关注店铺',
  '店铺首页',
  '收藏店铺',
  '联系卖家',
  '联系客服',
  '进入店铺',
  '进店',
  '进店逛逛',
];

/** Labels of the item page's promotion rows (促 销, 领 券), spaces removed. */
export const JD_PROMOTION_ROW_LABELS: readonly string[] = ['优惠', '促销', '领券'];

/** Words of a promotion row that are controls, not promotions. */
export const JD_PROMOTION_CONTROL_WORDS: readonly string[] = ['去凑单', '展开促销', '收起', '更多', '立即领取', '领取'];

/** A search card marks a paid placement with an element whose whole text is one of these. */
export const JD_SPONSORED_MARKS: readonly string[] = ['广告'];

// ---------------------------------------------------------------------------------------------
// Seller backends (京东商智, 京准通)

/** Titles of 商智 sections whose figures are the shop's own for the stated period. */
export const SZ_DATA_SECTION_TITLES: readonly string[] = [
  '交易概况',
  '店铺概况',
  '整体概况',
  '核心指标',
  '核心数据',
  '经营概况',
  '运营概况',
];

/**
 * Titles of 商智 sections whose figures are another period than the page's: intraday running
 * totals (实时) and the home page's 今日快照 (a rolling 15-day window). Left out whole.
 */
export const SZ_OTHER_PERIOD_SECTION_TITLES: readonly string[] = ['今日快照', '实时总览', '实时指标', '实时数据', '实时概况'];

/** Titles of the 京准通 report's summary block (the table below it lists plans, days or keywords). */
export const JZT_DATA_SECTION_TITLES: readonly string[] = ['数据概览', '数据汇总', '整体数据', '核心数据', '汇总数据', '账户概况'];

/** Words that start a line stating the figures' period: `统计时间：2026-11-21`. */
export const JD_PERIOD_PREFIXES: readonly string[] = ['数据日期', '数据时间', '数据统计时间', '时间范围', '查询时间', '统计日期', '统计时间'];

/**
 * Calls to action of upsell banners (`成交金额 提升 30% … 立即订购`). A small block holding one of
 * these in a link or button is marketing, never the shop's figures.
 */
export const JD_PROMOTION_CALLS: readonly string[] = [
  '了解详情',
  '免费试用',
  '去充值',
  '去升级',
  '去开通',
  '去订购',
  '立即体验',
  '立即充值',
  '立即升级',
  '立即开通',
  '立即订购',
];

/**
 * Labels that name a metric in lib/metrics on every platform but mean something else on JD's
 * backends, so they are not read there: 下单转化率 (orders placed ÷ visitors) sits beside
 * 成交转化率 (paid orders ÷ visitors) in 商智 tables, and both would claim `conversionRate`.
 */
export const JD_UNREAD_METRIC_LABELS: readonly string[] = ['下单转化率'];

/** First cells of a table's summary row (合计), which is not an item. */
export const JD_SUMMARY_ROW_WORDS: readonly string[] = ['合计', '总计', '汇总'];

/** Column headers holding the SKU id in 商智 item tables (spaces removed, upper case). */
export const JD_SKU_HEADERS: readonly string[] = ['SKU', 'SKUID', 'SKU编号', '商品SKU'];

/** Column headers holding the item's name. */
export const JD_TITLE_HEADERS: readonly string[] = ['SKU名称', '商品', '商品信息', '商品名称', '商品标题'];

/** Column headers holding the row's rank. */
export const JD_RANK_HEADERS: readonly string[] = ['序号', '排名', '排行'];

/** Texts of a placeholder row (an empty table or one still loading): no item. */
export const JD_EMPTY_TABLE_WORDS: readonly string[] = ['无数据', '暂无数据'];
