/**
 * Words the Taobao/Tmall item page uses, kept as data so the adapter's rules stay readable
 * and a new wording is a one-line change. Linted by tests/unit/adapters/taobao/listing-words.test.ts
 * (no label claimed twice, no empty entries).
 *
 * No imports besides types: content-script code.
 */
import type { Price } from '../../capture/schema';

type PriceKind = Price['kind'];

/**
 * A price's label (ICE `priceTitle`, or the words beside a price on the page) → which price
 * it is. Matched whole after spaces and a trailing colon are removed (see priceKindForLabel).
 * A label not listed here is not guessed: the adapter keeps the words and says so in issues.
 */
export const PRICE_LABEL_KINDS: ReadonlyArray<readonly [label: string, kind: PriceKind]> = [
  // Plain "price" words: the page states no kind.
  ['价格', 'shown'],
  ['售价', 'shown'],
  ['一口价', 'shown'],
  ['淘宝价', 'shown'],
  ['天猫价', 'shown'],
  // Before discounts / struck-through list prices.
  ['优惠前', 'list'],
  ['原价', 'list'],
  ['划线价', 'list'],
  ['专柜价', 'list'],
  // Promotions.
  ['促销价', 'promotion'],
  ['活动价', 'promotion'],
  ['限时价', 'promotion'],
  ['秒杀价', 'promotion'],
  ['淘宝秒杀价', 'promotion'],
  ['聚划算价', 'promotion'],
  // Coupons.
  ['券后', 'coupon'],
  ['券后价', 'coupon'],
  ['用券后', 'coupon'],
  ['领券后', 'coupon'],
  // Members.
  ['会员价', 'member'],
  ['会员专享价', 'member'],
  ['88VIP价', 'member'],
  ['88VIP到手价', 'member'],
  // Platform subsidies.
  ['平台加补后', 'subsidised'],
  ['百亿补贴', 'subsidised'],
  ['百亿补贴价', 'subsidised'],
  ['补贴价', 'subsidised'],
  ['补贴后', 'subsidised'],
  // First item of a multi-buy.
  ['首件价', 'firstItem'],
  ['首件', 'firstItem'],
];

/** Removes what varies around a label: spaces, a trailing colon, a leading ¥. */
export function normalisePriceLabel(label: string): string {
  return label.replace(/[\s\u3000]+/g, '').replace(/[:：]+$/, '').replace(/^[¥￥]/, '').toUpperCase();
}

const kindByLabel = new Map<string, PriceKind>(PRICE_LABEL_KINDS.map(([label, kind]) => [normalisePriceLabel(label), kind]));

/** The kind a label names, or undefined when the label is not known. */
export function priceKindForLabel(label: string): PriceKind | undefined {
  return kindByLabel.get(normalisePriceLabel(label));
}

/** Words a price line's label is searched for, longest first so 券后价 wins over 券后. */
export const PRICE_LABELS_LONGEST_FIRST: readonly string[] = PRICE_LABEL_KINDS.map(([label]) => label).sort(
  (a, b) => b.length - a.length,
);

/**
 * A price line with one of these is an instalment (分期 ¥3.33/期 ×12), never the item's price.
 * Tested against the line's text with spaces removed.
 */
export const INSTALMENT_PATTERNS: readonly RegExp[] = [/分期/, /[/每]期/, /[×xX*]\d+期/, /\d+期免息/, /花呗/];

/**
 * Headings of sections that show OTHER items (recommendations), whose prices, titles and
 * sales must never be read as this item's. Matched against an element's own text.
 */
export const RECOMMENDATION_HEADINGS: readonly string[] = [
  '看了又看',
  '看了还看',
  '店铺推荐',
  '本店推荐',
  '掌柜推荐',
  '猜你喜欢',
  '为你推荐',
  '相似推荐',
  '相似宝贝',
  '同类推荐',
  '相关推荐',
  '大家都在看',
  '热销推荐',
  '人气推荐',
  '店铺热销',
  '搭配推荐',
  '推荐搭配',
];

/** Service-score labels on the seller card, in the order pages show them (see lib/metrics). */
export const SERVICE_SCORE_LABELS: readonly string[] = ['宝贝描述', '描述相符', '卖家服务', '服务态度', '物流服务'];

/** Levels printed beside a service score, compared with the category average. */
export const SERVICE_SCORE_LEVELS: readonly string[] = ['高', '平', '低'];

/** Link texts near the shop name that are actions, not the name. */
export const SHOP_ACTION_WORDS: readonly string[] = [
  '进店逛逛',
  '进入店铺',
  '进店',
  '关注店铺',
  '收藏店铺',
  '关注',
  '收藏',
  '联系客服',
  '客服',
  '全部宝贝',
  '店铺首页',
];

/** `tmall.com` hosts that are not shops. */
export const TMALL_NON_SHOP_HOSTS: readonly string[] = [
  'detail.tmall.com',
  'www.tmall.com',
  'list.tmall.com',
  'login.tmall.com',
  'pages.tmall.com',
  'chaoshi.tmall.com',
  'vip.tmall.com',
  'service.tmall.com',
  'rate.tmall.com',
  'buy.tmall.com',
  'cart.tmall.com',
];

/** Suffixes the document title adds after the item title. */
export const DOCUMENT_TITLE_SUFFIXES: readonly RegExp[] = [/-tmall\.com天猫$/, /-天猫Tmall\.com$/i, /-淘宝网$/, /-淘宝$/];

/** Headings of the attribute (参数) section; its rows are `label value` pairs. */
export const ATTRIBUTE_HEADINGS: readonly string[] = ['参数信息', '产品参数', '商品参数', '规格参数', '宝贝参数'];

/**
 * Phrases of the return terms in the guarantee row (保障). A line holding one is kept whole as
 * shown, so `不支持7天无理由退货` is never read as `7天无理由退货`.
 */
export const RETURN_TERM_WORDS: readonly string[] = ['无理由退', '无理由退换', '退货宝', '运费险', '退货包运费', '极速退款', '不退不换', '不支持退货'];

/** A shipping promise: `预计24小时内发货`, `承诺48小时内发货`, `3天内发货`, `当日发货`. */
export const SHIPPING_PROMISE: RegExp = /(?:预计|承诺)?\s*\d{1,3}\s*(?:小时|天)内\s*发货|当[日天]发货|今[日天]发货/;
