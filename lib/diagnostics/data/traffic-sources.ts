/**
 * Where paid traffic shows. Site knowledge, kept as data; linted by
 * tests/unit/diagnostics/data-lint.test.ts.
 *
 * - AD_PLATFORM_HOSTS: the ad consoles. Every figure on these pages is about paid traffic: their
 *   sales are the ads' own attributed sales (adSales, so ROI = ad sales / spend holds).
 * - Traffic-source names: backends list 流量来源 as a table whose rows are named by source; an
 *   adapter gives such rows as report rows without item id, titled by the source. Names are
 *   matched exactly (after trimming), never by substring: 搜索 must not catch 搜索推广.
 */
export const AD_PLATFORM_HOSTS: readonly string[] = [
  'qianchuan.jinritemai.com', // 巨量千川 (Douyin)
  'one.alimama.com', // 万相台无界 (Taobao/Tmall)
  'subway.simba.taobao.com', // 直通车, older console
  'yingxiao.pinduoduo.com', // 拼多多 推广平台
  'jzt.jd.com', // 京准通 (JD)
];

export const PAID_SOURCE_NAMES: readonly string[] = [
  '付费流量',
  '直通车',
  '引力魔方',
  '万相台',
  '万相台无界',
  '超级推荐',
  '钻石展位',
  '全站推广',
  '多多搜索',
  '多多场景',
  '巨量千川',
  '京东快车',
  '广告流量',
];

export const ORGANIC_SOURCE_NAMES: readonly string[] = [
  '免费流量',
  '自然流量',
  '手淘搜索',
  '手淘推荐',
  '猜你喜欢',
  '自主访问',
  '搜索流量',
  '推荐流量',
];
