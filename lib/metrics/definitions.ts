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
    labels: { common: ['访客数', '店铺访客数', 'UV'], douyin: ['进店人数'] },
  },
  {
    // 商品访客数: visitors of item pages, counted per item; on a shop page a different figure
    // from the shop's 访客数 / 店铺访客数 (PDD's 流量数据 shows both: 8,960 and 7,714), and the
    // base of PDD's 成交转化率. On an item's own page or row it is that item's visitors.
    id: 'itemVisitors',
    unit: 'count',
    name: { zh: '商品访客数', en: 'Item page visitors' },
    higherIsBetter: true,
    labels: { common: ['商品访客数'] },
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
      douyin: ['成交金额', '直播间成交金额', '整体GMV'],
      jd: ['成交金额', '成交额'],
    },
  },
  {
    // 抖音电商: 成交金额 counts platform subsidies, 用户支付金额 what buyers paid; both show side
    // by side (2026-07-30: 65,449.76 vs 60,342.64), so they are two metrics.
    id: 'userPayAmount',
    unit: 'yuan',
    name: { zh: '用户支付金额', en: 'Amount paid by buyers' },
    higherIsBetter: true,
    labels: { douyin: ['用户支付金额', '商品卡用户支付金额', '直播间用户支付金额'] },
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
    labels: {
      common: ['支付买家数', '成交买家数', '成交人数', '成交客户数', '支付人数'],
      douyin: ['商品卡成交人数', '直播间成交人数'],
    },
  },
  {
    id: 'orders',
    unit: 'count',
    name: { zh: '成交订单数', en: 'Orders' },
    higherIsBetter: true,
    labels: {
      common: ['成交订单数', '成交单量', '支付子订单数', '支付订单数'],
      douyin: ['商品卡成交订单数', '直播间成交订单数'],
    },
  },
  {
    id: 'units',
    unit: 'count',
    name: { zh: '支付件数', en: 'Units sold' },
    higherIsBetter: true,
    labels: { common: ['支付件数', '成交件数', '支付商品件数'], douyin: ['直播间成交件数'], jd: ['成交商品件数'] },
  },
  {
    id: 'conversionRate',
    unit: 'ratio',
    name: { zh: '支付转化率', en: 'Conversion rate' },
    higherIsBetter: true,
    labels: {
      common: ['支付转化率', '成交转化率', '下单转化率'],
      douyin: ['点击-成交转化率', '商品点击-成交率', '商品点击-成交转化率', '观看-成交率', '点击成交转化率'],
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
    labels: { common: ['加购件数', '商品加购件数'], jd: ['加购商品件数'] },
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
    labels: { common: ['收藏人数', '商品收藏人数', '收藏买家数'], pinduoduo: ['商品收藏用户数', '收藏用户数'] },
  },
  {
    id: 'impressionUsers',
    unit: 'count',
    name: { zh: '曝光人数', en: 'Impression users' },
    higherIsBetter: true,
    labels: { common: ['曝光人数', '商品曝光人数', '直播间曝光人数'], douyin: ['商品卡曝光人数'] },
  },
  {
    id: 'impressions',
    unit: 'count',
    name: { zh: '曝光次数', en: 'Impressions' },
    higherIsBetter: true,
    labels: { common: ['曝光次数', '曝光量', '展现量', '搜索曝光次数', '商品曝光次数'], douyin: ['展示次数', '整体展示次数'], jd: ['展现数'] },
  },
  {
    id: 'clickUsers',
    unit: 'count',
    name: { zh: '点击人数', en: 'Click users' },
    higherIsBetter: true,
    labels: { common: ['点击人数', '商品点击人数'], douyin: ['商品卡点击人数', '直播间商品点击人数'] },
  },
  {
    id: 'clicks',
    unit: 'count',
    name: { zh: '点击次数', en: 'Clicks' },
    higherIsBetter: true,
    labels: { common: ['点击次数', '点击量'], jd: ['点击数'] },
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
    labels: { common: ['退款金额', '成功退款金额'], douyin: ['直播间退款金额'] },
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
    labels: { common: ['消耗', '花费', '推广花费', '关键词推广费', '投放消耗', '总花费'], douyin: ['整体消耗'] },
  },
  {
    // 多多推广: 成交花费 is the part of the spend charged for orders (deal_cost beside total_cost in
    // the real report, SOURCES-2.md C1; 总花费 adds inquiry, favourite and follow costs), and
    // what 实际投产比 divides by (660 / 171.93 = 3.84). A metric of its own, never 总花费.
    id: 'adOrderSpend',
    unit: 'yuan',
    name: { zh: '成交花费', en: 'Ad spend on orders' },
    labels: { pinduoduo: ['成交花费'] },
  },
  {
    id: 'cpm',
    unit: 'yuan',
    name: { zh: '平均千次展现费用', en: 'Cost per mille' },
    higherIsBetter: false,
    labels: { common: ['平均千次展现费用', '千次展现费用'], douyin: ['平均千次展示费用'], jd: ['千次展现成本'], taobao: ['千次展现花费'] },
  },
  {
    // 直通车 / 万相台: 平均点击花费 = 花费 / 点击量, yuan per click.
    id: 'cpc',
    unit: 'yuan',
    name: { zh: '平均点击花费', en: 'Cost per click' },
    higherIsBetter: false,
    labels: { taobao: ['平均点击花费'] },
  },
  {
    id: 'roi',
    unit: 'multiple',
    name: { zh: '投产比', en: 'ROI' },
    higherIsBetter: true,
    labels: { common: ['ROI', '成交ROI', '投产比', '整体ROI', '实际投产比', '投入产出比'], douyin: ['支付ROI', '整体支付ROI'] },
  },
  {
    // 多多推广 reports: sales and orders attributed to the ads (交易额, 成交笔数), a part of the
    // shop's own 成交金额 / 成交订单数; kept apart so ad figures never enter the shop's series.
    id: 'adSales',
    unit: 'yuan',
    name: { zh: '推广交易额', en: 'Ad-attributed sales' },
    higherIsBetter: true,
    // 直通车 / 万相台 reports: 总成交金额 is what the ads brought (直接 + 间接), not the shop's 支付金额;
    // 京准通: 总订单金额 likewise (lib/adapters/ad-console.ts maps other sales labels on ad consoles).
    labels: { pinduoduo: ['交易额'], taobao: ['总成交金额'], jd: ['总订单金额'] },
  },
  {
    id: 'adOrders',
    unit: 'count',
    name: { zh: '推广成交笔数', en: 'Ad-attributed orders' },
    higherIsBetter: true,
    labels: { pinduoduo: ['成交笔数'], taobao: ['总成交笔数'], jd: ['总订单行'] },
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
    id: 'liveDuration',
    unit: 'seconds',
    name: { zh: '直播时长', en: 'Live duration' },
    labels: { douyin: ['直播时长'] },
  },
  {
    id: 'videoViews',
    unit: 'count',
    name: { zh: '视频观看次数', en: 'Video views' },
    higherIsBetter: true,
    labels: { douyin: ['视频观看次数', '视频播放次数'] },
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
    // JD item pages: share of good reviews (GoodRateShow 95 → 0.95).
    id: 'goodRate',
    unit: 'ratio',
    name: { zh: '好评率', en: 'Positive review rate' },
    higherIsBetter: true,
    labels: { jd: ['好评率', '好评度'] },
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
