/**
 * Canonical metrics: site knowledge kept as data. Linted by tests/unit/metrics/definitions.test.ts
 * (unique ids, both languages, no synonym claimed by two metrics on one platform).
 *
 * `labels.common` are labels every platform uses; per-platform lists add that backend's words.
 * Labels are matched exactly after whitespace is removed (see lib/metrics/index.ts), so list
 * each wording a page shows: 访客数 and 店铺访客数 are two entries.
 */
import type { Platform, Unit } from '../capture/schema';

export interface MetricDefinition {
  id: string;
  unit: Unit;
  name: { zh: string; en: string };
  /** true when a higher value is good for the shop (conversion), false when bad (refund rate). */
  higherIsBetter?: boolean;
  labels: { common?: readonly string[] } & Partial<Record<Platform, readonly string[]>>;
}

export const METRIC_DEFINITIONS = [
  {
    id: 'visitors',
    unit: 'count',
    name: { zh: '访客数', en: 'Visitors' },
    higherIsBetter: true,
    labels: { common: ['访客数', '商品访客数', '店铺访客数', 'UV'], douyin: ['商品访客数', '进店人数'] },
  },
  {
    id: 'pageViews',
    unit: 'count',
    name: { zh: '浏览量', en: 'Page views' },
    higherIsBetter: true,
    labels: { common: ['浏览量', '商品浏览量', 'PV'] },
  },
  {
    id: 'payAmount',
    unit: 'yuan',
    name: { zh: '支付金额', en: 'Sales amount' },
    higherIsBetter: true,
    labels: {
      taobao: ['支付金额', '商品支付金额', '店铺支付金额'],
      pinduoduo: ['成交金额', '支付金额'],
      douyin: ['成交金额', '用户支付金额', '商品卡用户支付金额', '直播间成交金额', '整体GMV'],
      jd: ['成交金额', '成交额'],
    },
  },
  {
    id: 'netPayAmount',
    unit: 'yuan',
    name: { zh: '净支付金额', en: 'Net sales amount' },
    higherIsBetter: true,
    labels: { common: ['净支付金额', '净成交金额'] },
  },
  {
    id: 'orderAmount',
    unit: 'yuan',
    name: { zh: '下单金额', en: 'Ordered amount' },
    higherIsBetter: true,
    labels: { common: ['下单金额'] },
  },
  {
    id: 'buyers',
    unit: 'count',
    name: { zh: '支付买家数', en: 'Buyers' },
    higherIsBetter: true,
    labels: { common: ['支付买家数', '成交买家数', '成交人数', '成交客户数', '支付人数'] },
  },
  {
    id: 'orders',
    unit: 'count',
    name: { zh: '成交订单数', en: 'Orders' },
    higherIsBetter: true,
    labels: { common: ['成交订单数', '成交单量', '支付子订单数', '支付订单数'] },
  },
  {
    id: 'units',
    unit: 'count',
    name: { zh: '支付件数', en: 'Units sold' },
    higherIsBetter: true,
    labels: { common: ['支付件数', '成交件数', '支付商品件数'] },
  },
  {
    id: 'conversionRate',
    unit: 'ratio',
    name: { zh: '支付转化率', en: 'Conversion rate' },
    higherIsBetter: true,
    labels: {
      common: ['支付转化率', '成交转化率', '下单转化率'],
      douyin: ['点击-成交转化率', '商品点击-成交率', '观看-成交率', '点击成交转化率'],
    },
  },
  {
    id: 'aov',
    unit: 'yuan',
    name: { zh: '客单价', en: 'Average order value' },
    higherIsBetter: true,
    labels: { common: ['客单价'] },
  },
  {
    id: 'uvValue',
    unit: 'yuan',
    name: { zh: 'UV价值', en: 'Value per visitor' },
    higherIsBetter: true,
    labels: { common: ['UV价值', '访客平均价值', '成交UV价值'] },
  },
  {
    id: 'addToCartUsers',
    unit: 'count',
    name: { zh: '加购人数', en: 'Add-to-cart users' },
    higherIsBetter: true,
    labels: { common: ['加购人数', '加购客户数', '商品加购人数'] },
  },
  {
    id: 'addToCartUnits',
    unit: 'count',
    name: { zh: '加购件数', en: 'Add-to-cart units' },
    higherIsBetter: true,
    labels: { common: ['加购件数', '商品加购件数'] },
  },
  {
    // Add-to-cart users / visitors; lib/diagnostics derives it when the page does not show it.
    id: 'addToCartRate',
    unit: 'ratio',
    name: { zh: '加购率', en: 'Add-to-cart rate' },
    higherIsBetter: true,
    labels: { common: ['访问加购转化率', '加购率', '加购转化率'] },
  },
  {
    id: 'favoriteUsers',
    unit: 'count',
    name: { zh: '收藏人数', en: 'Favourite users' },
    higherIsBetter: true,
    labels: { common: ['收藏人数', '商品收藏人数', '收藏买家数'] },
  },
  {
    id: 'impressionUsers',
    unit: 'count',
    name: { zh: '曝光人数', en: 'Impression users' },
    higherIsBetter: true,
    labels: { common: ['曝光人数', '商品曝光人数', '直播间曝光人数'] },
  },
  {
    id: 'impressions',
    unit: 'count',
    name: { zh: '曝光次数', en: 'Impressions' },
    higherIsBetter: true,
    labels: { common: ['曝光次数', '曝光量', '展现量', '搜索曝光次数', '商品曝光次数'] },
  },
  {
    id: 'clickUsers',
    unit: 'count',
    name: { zh: '点击人数', en: 'Click users' },
    higherIsBetter: true,
    labels: { common: ['点击人数', '商品点击人数'] },
  },
  {
    id: 'clicks',
    unit: 'count',
    name: { zh: '点击次数', en: 'Clicks' },
    higherIsBetter: true,
    labels: { common: ['点击次数', '点击量'] },
  },
  {
    id: 'ctr',
    unit: 'ratio',
    name: { zh: '点击率', en: 'Click-through rate' },
    higherIsBetter: true,
    labels: { common: ['点击率', '商品点击率', '曝光-点击率', '搜索点击率'] },
  },
  {
    id: 'refundAmount',
    unit: 'yuan',
    name: { zh: '退款金额', en: 'Refund amount' },
    higherIsBetter: false,
    labels: { common: ['退款金额', '成功退款金额'] },
  },
  {
    id: 'refundRate',
    unit: 'ratio',
    name: { zh: '退款率', en: 'Refund rate' },
    higherIsBetter: false,
    labels: { common: ['退款率', '金额退款率', '订单退款率', '退款率(金额)'] },
  },
  {
    id: 'adSpend',
    unit: 'yuan',
    name: { zh: '推广花费', en: 'Ad spend' },
    higherIsBetter: false,
    labels: { common: ['消耗', '花费', '推广花费', '关键词推广费', '投放消耗', '成交花费', '总花费'] },
  },
  {
    id: 'cpm',
    unit: 'yuan',
    name: { zh: '平均千次展现费用', en: 'Cost per mille' },
    higherIsBetter: false,
    labels: { common: ['平均千次展现费用', '千次展现费用'] },
  },
  {
    id: 'roi',
    unit: 'multiple',
    name: { zh: '投产比', en: 'ROI' },
    higherIsBetter: true,
    labels: { common: ['ROI', '成交ROI', '投产比', '整体ROI', '实际投产比', '投入产出比'] },
  },
  {
    id: 'gpm',
    unit: 'yuan',
    name: { zh: '千次观看成交金额', en: 'GPM' },
    higherIsBetter: true,
    labels: { common: ['GPM', '千次观看成交金额'] },
  },
  {
    id: 'viewers',
    unit: 'count',
    name: { zh: '观看人数', en: 'Viewers' },
    higherIsBetter: true,
    labels: { douyin: ['观看人数', '直播间观看人数'] },
  },
  {
    id: 'avgWatchSeconds',
    unit: 'seconds',
    name: { zh: '人均观看时长', en: 'Average watch time' },
    higherIsBetter: true,
    labels: { douyin: ['人均观看时长'] },
  },
  {
    id: 'newFollowers',
    unit: 'count',
    name: { zh: '新增粉丝数', en: 'New followers' },
    higherIsBetter: true,
    labels: { douyin: ['新增粉丝数'] },
  },
  {
    id: 'dsrDescription',
    unit: 'score',
    name: { zh: '宝贝描述', en: 'Description score' },
    higherIsBetter: true,
    labels: { taobao: ['宝贝描述', '描述相符'] },
  },
  {
    id: 'dsrService',
    unit: 'score',
    name: { zh: '卖家服务', en: 'Service score' },
    higherIsBetter: true,
    labels: { taobao: ['卖家服务', '服务态度'] },
  },
  {
    id: 'dsrLogistics',
    unit: 'score',
    name: { zh: '物流服务', en: 'Logistics score' },
    higherIsBetter: true,
    labels: { taobao: ['物流服务'] },
  },
  {
    id: 'experienceScore',
    unit: 'score',
    name: { zh: '体验分', en: 'Experience score' },
    higherIsBetter: true,
    labels: {
      taobao: ['真实体验分'],
      pinduoduo: ['店铺评价分', '消费者服务体验分'],
      douyin: ['商品体验分', '店铺体验分'],
    },
  },
  {
    id: 'tradeIndex',
    unit: 'index',
    name: { zh: '交易指数', en: 'Trade index' },
    higherIsBetter: true,
    labels: { taobao: ['交易指数'] },
  },
  {
    id: 'trafficIndex',
    unit: 'index',
    name: { zh: '流量指数', en: 'Traffic index' },
    higherIsBetter: true,
    labels: { taobao: ['流量指数', '搜索人气'] },
  },
  // Listing-level figures, stored as observations of an item entity.
  { id: 'price', unit: 'yuan', name: { zh: '价格', en: 'Price' }, labels: {} },
  { id: 'sales', unit: 'count', name: { zh: '销量', en: 'Sales' }, higherIsBetter: true, labels: {} },
  { id: 'reviews', unit: 'count', name: { zh: '评价数', en: 'Reviews' }, higherIsBetter: true, labels: {} },
  { id: 'stock', unit: 'count', name: { zh: '库存', en: 'Stock' }, labels: {} },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRIC_DEFINITIONS)[number]['id'];
