/**
 * Words of 生意参谋's item pages (商品排行, 宏观监控, 商品360) and its market 产品排行, kept as data;
 * linted by tests/unit/adapters/taobao/sycm-item.test.ts (no empty or repeated entries, no
 * header claimed by two lists). Shop-level words (section titles, 统计时间) are in ./sycm-words.ts.
 *
 * No imports: content-script code.
 */

/** Headers of the column naming the item in an item table (its title, link and ID). */
export const SYCM_ITEM_COLUMN_HEADERS: readonly string[] = ['商品', '商品名称', '商品信息', '宝贝', '宝贝名称', '宝贝信息'];

/** Headers of the column naming the product (产品: brand + model, not one shop's item) in a market table. */
export const SYCM_PRODUCT_COLUMN_HEADERS: readonly string[] = ['产品', '产品名称', '产品信息'];

/** Headers of a rank column. */
export const SYCM_RANK_COLUMN_HEADERS: readonly string[] = ['排名', '排行', '序号'];

/** First cells of a table's own total row, which is no item. */
export const SYCM_TOTAL_ROW_WORDS: readonly string[] = ['合计', '总计', '汇总', '全部商品'];

/** What an item table shows when it has no rows. */
export const SYCM_EMPTY_TABLE_TEXTS: readonly string[] = ['暂无数据', '暂无商品', '没有数据', '无数据'];

/**
 * Column headers that name a metric only in item tables (page-level extra labels, lib/capture/finder
 * `extraLabels`): 商品支付转化率 is the item's 支付转化率.
 */
export const SYCM_ITEM_EXTRA_LABELS: Readonly<Record<string, string>> = { 商品支付转化率: 'conversionRate' };

/**
 * Metric labels these pages show that are NOT read: 下单转化率 would claim the conversion rate
 * beside 商品支付转化率 (lib/metrics lists it as a conversion label) and one row would then show
 * two conversion rates.
 */
export const SYCM_ITEM_UNREAD_LABELS: readonly string[] = ['下单转化率'];

/**
 * Titles of the 商品360 sections holding the item's own figures for the stated period. Its SKU
 * and attribute tables (SKU销售详情, 属性分析) are per SKU, never the item's figures.
 */
export const SYCM_ITEM360_SECTION_TITLES: readonly string[] = ['核心指标', '核心数据', '核心概况', '商品概况', '销售概况'];
