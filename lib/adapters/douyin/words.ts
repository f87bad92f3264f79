/**
 * Douyin e-commerce page words the adapters rely on: site knowledge as data, linted by
 * tests/unit/adapters/douyin/words.test.ts (sorted, unique, no word in two lists that would
 * contradict each other).
 *
 * Words, not class names: 抖店, 罗盘 and 千川 are single-page apps with hashed class names
 * (`style_businessItem__2ty6K`) that change with every release; their titles and labels stay.
 */

/** 抖店 home: titles of blocks whose cards are the shop's own figures (今日实时, 较昨日). */
export const FXG_HOME_SECTION_TITLES: readonly string[] = [
  '今日数据',
  '店铺数据',
  '数据概览',
  '核心数据',
  '经营数据',
  '经营概况',
];

/** 电商罗盘 home: the core-data blocks (经营概况 = `core_index`, 收支概况 = `summary_core_index_v3`). */
export const COMPASS_HOME_SECTION_TITLES: readonly string[] = ['交易概况', '收支概况', '核心数据', '经营概况'];

/** 电商罗盘 live pages: the overview boards of the live room(s). */
export const COMPASS_LIVE_SECTION_TITLES: readonly string[] = [
  '整体数据',
  '核心指标',
  '核心数据',
  '直播数据',
  '直播概况',
  '直播间数据',
];

/** 巨量千川 report pages: the summary board above the plan table. */
export const QIANCHUAN_SECTION_TITLES: readonly string[] = ['数据总览', '数据概览', '数据汇总', '整体数据', '核心指标', '核心数据'];

/** Words that start a line stating the figures' period: `统计时间 2026-11-21`. */
export const DOUYIN_PERIOD_PREFIXES: readonly string[] = [
  '数据时间',
  '数据更新时间',
  '数据更新至',
  '更新于',
  '更新时间',
  '统计周期',
  '统计日期',
  '统计时间',
];

/**
 * Reward words of campaign banners, in plain text (`成交金额 10万+ 冲刺奖励`, `达成即可领取流量券`):
 * where no titled data section is found, a block holding a metric label and one of these is a
 * banner, never figures (./sections.ts). Words no data card uses.
 */
export const DOUYIN_REWARD_WORDS: readonly string[] = ['冲刺奖励', '即可领取', '奖励金', '领取奖励', '领取流量券'];

/**
 * Calls to action of promotions, course and service banners (`成交金额 10万+ … 立即报名`). A small
 * block holding a metric label and one of these in a link or button is marketing, never figures.
 */
export const DOUYIN_PROMOTION_CALLS: readonly string[] = [
  '了解详情',
  '免费试用',
  '去使用',
  '去开通',
  '去报名',
  '去推广',
  '去设置',
  '立即使用',
  '立即参加',
  '立即开通',
  '立即报名',
  '立即推广',
  '立即订购',
  '立即领取',
];

/** First cells of a report table's total row (千川 plan tables put it above or below the plans). */
export const TOTAL_ROW_WORDS: readonly string[] = ['合计', '总计', '汇总'];

/** Item-report columns naming the product (its title, often with `ID：…` under it). */
export const PRODUCT_COLUMNS: readonly string[] = ['产品名称', '商品', '商品信息', '商品名称', '商品标题'];

/** Item-report columns holding the product id alone. */
export const PRODUCT_ID_COLUMNS: readonly string[] = ['ID', '商品ID', '商品id', '商品编号'];

/** Item-report columns holding the row's rank. */
export const RANK_COLUMNS: readonly string[] = ['序号', '排名'];

/**
 * Column headers that name a metric only in product tables (抖店 商品管理, 罗盘 商品列表): 价格 or 销量
 * on a dashboard is marketing as often as not (`销量高`), so these are no platform-wide labels.
 */
export const PRODUCT_TABLE_LABELS: Readonly<Record<string, string>> = {
  价格: 'price',
  可售库存: 'stock',
  售价: 'price',
  商品价格: 'price',
  库存: 'stock',
  总库存: 'stock',
  总销量: 'sales',
  累计销量: 'sales',
  销量: 'sales',
};

/** Product page (haohuo): headings of recommendation blocks, whose prices and sales are other items'. */
export const RECOMMENDATION_TITLES: readonly string[] = [
  '为你推荐',
  '同店好物',
  '店铺推荐',
  '更多好物',
  '猜你喜欢',
  '相似推荐',
  '看了又看',
];

/**
 * Product page: the start of the line naming the SKU chosen (`已选：冷泡乌龙 60袋`). The block it
 * sits in with a price (a sticky buy bar, the SKU pop-up) shows that one SKU's price, never the
 * listing's: nothing in it is read.
 */
export const SKU_PANEL_WORDS: readonly string[] = ['已选'];

/**
 * Product page: words before a price and the kind of price they mark. A price without a word is
 * `shown`; a struck-through price (<del>, <s>) is the list price whatever its words.
 */
export const PRICE_WORDS: Readonly<Record<string, 'list' | 'promotion' | 'coupon' | 'member' | 'subsidised' | 'firstItem'>> = {
  会员价: 'member',
  划线价: 'list',
  到手价: 'coupon',
  券后: 'coupon',
  券后价: 'coupon',
  原价: 'list',
  日常价: 'list',
  活动价: 'promotion',
  百亿补贴: 'subsidised',
  秒杀价: 'promotion',
  补贴价: 'subsidised',
  首件: 'firstItem',
};

/** Product page: the shop block's call to enter the shop (the shop name sits beside it). */
export const SHOP_ENTRY_WORDS: readonly string[] = ['进入店铺', '进店', '进店逛逛'];

/** Product page: promotion chips kept as text (满减, N件N折, coupons). */
export const PROMOTION_PATTERNS: readonly RegExp[] = [
  /^满\d+(?:\.\d+)?减\d+(?:\.\d+)?$/,
  /^每满\d+(?:\.\d+)?减\d+(?:\.\d+)?$/,
  /^\d+件\d+(?:\.\d+)?折$/,
  /^满\d+件\d+(?:\.\d+)?折$/,
  /^立减\d+(?:\.\d+)?元?$/,
  /^(?:店铺|平台|新人|达人)?券\s*满\d+(?:\.\d+)?减\d+(?:\.\d+)?$/,
  /^(?:领券|领券购买)$/,
];

/** 抖店 product editor: form labels of the fields ShopLens reads (a leading `*` and a colon are ignored). */
export const EDITOR_TITLE_LABELS: readonly string[] = ['商品标题', '标题'];
export const EDITOR_CATEGORY_LABELS: readonly string[] = ['发布类目', '商品类目', '所属类目', '类目'];
/** Price fields and the kind of price each holds. */
export const EDITOR_PRICE_LABELS: Readonly<Record<string, 'shown' | 'list'>> = {
  价格: 'shown',
  '价格(元)': 'shown',
  划线价: 'list',
  单价: 'shown',
  原价: 'list',
  售价: 'shown',
  商品价格: 'shown',
  市场价: 'list',
};
/** Buttons beside the chosen category (`食品饮料>冲调>芝麻糊 修改类目`): not part of it. */
export const EDITOR_CATEGORY_ACTIONS: readonly string[] = ['修改', '修改类目', '切换类目', '更换', '更换类目'];
