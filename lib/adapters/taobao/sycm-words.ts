/**
 * 生意参谋 (sycm.taobao.com) page words the dashboard adapter relies on: site knowledge as data,
 * linted by tests/unit/adapters/taobao/sycm-words.test.ts (sorted, unique, no overlaps).
 *
 * Words, not class names: the backend is a single-page app with hashed class names that change
 * with each release, while its section titles and the 统计时间 line stay.
 */

/** Titles of sections whose figures are the shop's own for the stated period (统计时间). */
export const SYCM_DATA_SECTION_TITLES: readonly string[] = [
  '交易总览',
  '交易概况',
  '店铺概况',
  '核心指标',
  '核心数据',
  '核心概况',
  '运营视窗',
];

/**
 * Titles of intraday sections. Their figures are today's running totals, a different period from
 * the 统计时间 sections beside them (reading both would report every metric as a conflict or
 * mix today's partial figures into yesterday's capture), so the dashboard adapter leaves them.
 */
export const SYCM_REALTIME_SECTION_TITLES: readonly string[] = ['实时总览', '实时数据', '实时概况', '实时访客'];

/** Words that start the line stating a section's period: `统计时间 2026-11-21`. */
export const SYCM_PERIOD_PREFIXES: readonly string[] = ['数据统计时间', '统计日期', '统计时间'];

/**
 * Calls to action of promotions and upsell banners (`支付金额 2500+ … 立即开通`). A small block
 * holding one of these in a link or button is marketing, never the shop's figures.
 */
export const SYCM_PROMOTION_CALLS: readonly string[] = [
  '了解详情',
  '免费试用',
  '去开通',
  '去报名',
  '立即参加',
  '立即开通',
  '立即报名',
  '立即订购',
  '立即领取',
  '马上报名',
];

/** Badges next to the shop name in the header (主店 / 分店), never a shop's name. */
export const SYCM_SHOP_BADGES: readonly string[] = ['主店', '分店', '多店', '子店', '本店'];
