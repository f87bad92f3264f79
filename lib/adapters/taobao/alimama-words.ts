/**
 * Words of the Taobao/Tmall ad consoles: 万相台无界 (one.alimama.com) and 直通车
 * (subway.simba.taobao.com), kept as data; linted by tests/unit/adapters/taobao/alimama-report.test.ts
 * (no empty or repeated entries, no word in two lists). Their metric labels (花费, 展现量, 总成交金额,
 * 平均点击花费 …) are in lib/metrics; 直接 / 间接成交金额 (parts of 总成交金额) and 点击转化率 (per ad
 * click, not the shop's 支付转化率) are deliberately no metric label there.
 *
 * No imports: content-script code.
 */

/** Titles of the summary block above a report: the account's (or scene's) figures for the period. */
export const ALIMAMA_SUMMARY_TITLES: readonly string[] = ['数据汇总', '数据概览', '数据总览', '整体数据', '核心数据', '账户整体数据', '推广数据', '账户数据'];

/** Titles of blocks of another period (today's running totals): left out whole. */
export const ALIMAMA_OTHER_PERIOD_TITLES: readonly string[] = ['实时数据', '今日实时', '实时概况', '今日数据'];

/** First words of a report table's total row (its own sum over every row, not one plan). */
export const ALIMAMA_TOTAL_ROW_WORDS: readonly string[] = ['合计', '总计', '汇总'];

/** Calls to action: a small block with one of these and metric words is marketing, not figures. */
export const ALIMAMA_PROMOTION_CALLS: readonly string[] = ['立即开通', '立即充值', '去充值', '立即体验', '立即报名', '了解详情', '免费试用'];

/** Words that start a line stating the report's period. */
export const ALIMAMA_PERIOD_PREFIXES: readonly string[] = ['统计时间', '统计日期', '数据时间', '报表时间', '时间范围'];

/**
 * Hash-route parameters that narrow a report to part of the account (a plan, an item, a search):
 * its totals are then that part's, not the account's.
 */
export const ALIMAMA_FILTER_PARAMS: readonly string[] = ['searchValue', 'campaignId', 'adgroupId', 'itemId', 'campaignIdList', 'keywordId'];
