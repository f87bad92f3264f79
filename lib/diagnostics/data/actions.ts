/**
 * What an operator can do about a finding: concrete moves, kept as data so they can be reviewed
 * and edited without touching the rules. Linted by tests/unit/diagnostics/data-lint.test.ts
 * (both languages, Chinese text in zh and none in en, every referenced action exists, metrics
 * exist).
 *
 * - ACTIONS: the catalogue, by id.
 * - ACTIONS_WHEN_WORSE: for a metric that is worse than its reference (below for higher-is-better
 *   metrics, above for lower-is-better), in the order to try them.
 * - ACTIONS_WHEN_BETTER: for the few metrics where doing well calls for a move (scale up).
 * - RULE_ACTIONS: for findings of the other rules (consistency, ads, stock).
 */
import type { MetricId } from '../../metrics/definitions';

export interface ActionText {
  zh: string;
  en: string;
}

export const ACTIONS = {
  mainImageTest: {
    zh: '做主图测试：换首图的卖点、场景和构图，跑 3–7 天后对比点击率',
    en: 'Test the main image: change its lead selling point, scene and composition, then compare CTR after 3–7 days',
  },
  titleKeywords: {
    zh: '优化标题：把搜索量大、转化好的关键词放前面，去掉与商品无关的词',
    en: 'Rework the title: put high-volume, well-converting keywords first and drop words unrelated to the item',
  },
  priceCheck: {
    zh: '对比同款竞品的到手价（含券和满减），必要时调价或加优惠券',
    en: 'Compare the final price (after coupons and discounts) with similar competing items; adjust the price or add a coupon if needed',
  },
  reviewsCheck: {
    zh: '检查评价和“问大家”：回复差评，补充买家秀，解答高频疑问',
    en: 'Check reviews and Q&A: answer negative reviews, add buyer photos, resolve the most frequent questions',
  },
  detailPage: {
    zh: '优化详情页：首屏讲清核心卖点，补齐尺码、参数和使用场景',
    en: 'Improve the detail page: state the main selling points in the first screen; add sizes, specifications and usage scenes',
  },
  skuLayout: {
    zh: '梳理 SKU：主推规格放在首位，下架长期缺货的规格，避免低价引流规格造成落差',
    en: 'Tidy the SKUs: put the main variant first, remove long-out-of-stock variants and avoid decoy low-price variants that disappoint',
  },
  addToCartIncentives: {
    zh: '给出加购理由：限时券、满减、赠品或多件优惠',
    en: 'Give a reason to add to cart: time-limited coupons, threshold discounts, gifts or multi-buy offers',
  },
  raiseOrderValue: {
    zh: '提高客单价：设置满减门槛、搭配套餐或多件优惠',
    en: 'Raise order value: threshold discounts, bundles or multi-buy offers',
  },
  descriptionAccuracy: {
    zh: '核对描述与实物：颜色、尺码、材质和图片不要夸大',
    en: 'Make the description match the product: colour, size, material and photos without exaggeration',
  },
  qualityCheck: {
    zh: '查看退款原因并抽检商品质量，有问题的批次找供应商处理',
    en: 'Read the refund reasons and spot-check product quality; take faulty batches up with the supplier',
  },
  sizeGuide: {
    zh: '补充尺码表和选购建议，减少因尺码不合适产生的退货',
    en: 'Add a size chart and buying advice to cut returns for the wrong size',
  },
  serviceSpeed: {
    zh: '提高客服响应速度和发货时效，及时处理售后',
    en: 'Answer customers faster, ship sooner and handle after-sales promptly',
  },
  trafficSources: {
    zh: '按流量来源拆分访客，找出下滑的渠道（搜索、推荐、推广）',
    en: 'Break visitors down by traffic source to find the channel that fell (search, recommendations, ads)',
  },
  checkPenalties: {
    zh: '检查商品是否被降权、下架或违规处罚（体检中心、违规记录）',
    en: 'Check for ranking penalties, delisting or rule violations (health check, violation records)',
  },
  checkAdsRunning: {
    zh: '确认推广计划在正常投放、预算没有提前花完',
    en: 'Make sure the ad campaigns are running and their budget has not run out early',
  },
  reviewRecentChanges: {
    zh: '回顾最近的改动：改价、改标题、换主图、下架规格等',
    en: 'Review recent changes: price, title, main image, removed variants',
  },
  adBids: {
    zh: '调整出价：降低花费高、成交少的关键词和人群出价，暂停没有成交的计划',
    en: 'Adjust bids: lower them on keywords and audiences that spend without selling; pause campaigns with no sales',
  },
  adAudiences: {
    zh: '收窄人群定向：保留高转化人群，排除低效人群',
    en: 'Narrow the targeting: keep high-converting audiences and exclude poor ones',
  },
  adCreatives: {
    zh: '更换推广创意图和视频，提高推广点击率',
    en: 'Refresh the ad creatives (images, video) to lift the paid click-through rate',
  },
  adScaleWinners: {
    zh: '投产高于保本线：逐步给这些计划加预算，每次加 20% 左右再观察',
    en: 'ROI is above break-even: raise these campaigns’ budgets step by step, about 20 % at a time, and watch',
  },
  adBudgetSchedule: {
    zh: '预算提前花完：提高日预算，或设置分时投放把预算留给高峰时段',
    en: 'The budget runs out early: raise the daily budget, or set day-parting to keep budget for peak hours',
  },
  adUnderspend: {
    zh: '花费偏慢：检查出价是否过低、人群是否过窄、计划是否被暂停',
    en: 'Spend is slow: check whether bids are too low, audiences too narrow or campaigns paused',
  },
  setGrossMargin: {
    zh: '在设置中填写本店毛利率，才能判断投产比是否保本',
    en: 'Enter this shop’s gross margin in the settings so ROI can be judged against break-even',
  },
  verifyReading: {
    zh: '在页面上核对这几个数字；如果是店镜读错了，请附页面截图反馈',
    en: 'Check these figures on the page; if ShopLens misread one, report it with a screenshot of the page',
  },
  restock: {
    zh: '马上补货，或与供应商确认到货时间',
    en: 'Restock now, or confirm the delivery date with the supplier',
  },
  throttleSales: {
    zh: '到货前减少该商品的推广和活动报名，避免断货影响搜索权重',
    en: 'Until stock arrives, scale down ads and promotions for this item so a stock-out does not hurt its ranking',
  },
} as const satisfies Record<string, ActionText>;

export type ActionId = keyof typeof ACTIONS;

export const ACTIONS_WHEN_WORSE: Partial<Record<MetricId, readonly ActionId[]>> = {
  ctr: ['mainImageTest', 'titleKeywords'],
  clicks: ['mainImageTest', 'trafficSources'],
  clickUsers: ['mainImageTest', 'trafficSources'],
  impressions: ['trafficSources', 'titleKeywords', 'checkPenalties'],
  impressionUsers: ['trafficSources', 'titleKeywords', 'checkPenalties'],
  conversionRate: ['priceCheck', 'reviewsCheck', 'detailPage', 'skuLayout'],
  addToCartRate: ['addToCartIncentives', 'detailPage', 'priceCheck'],
  addToCartUsers: ['addToCartIncentives', 'detailPage'],
  uvValue: ['raiseOrderValue', 'priceCheck', 'detailPage'],
  aov: ['raiseOrderValue'],
  refundRate: ['descriptionAccuracy', 'qualityCheck', 'sizeGuide'],
  refundAmount: ['descriptionAccuracy', 'qualityCheck', 'sizeGuide'],
  visitors: ['trafficSources', 'checkPenalties', 'checkAdsRunning', 'reviewRecentChanges'],
  itemVisitors: ['trafficSources', 'checkPenalties', 'checkAdsRunning', 'reviewRecentChanges'],
  pageViews: ['trafficSources', 'reviewRecentChanges'],
  payAmount: ['trafficSources', 'reviewRecentChanges', 'priceCheck'],
  buyers: ['priceCheck', 'reviewRecentChanges', 'trafficSources'],
  orders: ['priceCheck', 'reviewRecentChanges', 'trafficSources'],
  units: ['priceCheck', 'reviewRecentChanges', 'trafficSources'],
  roi: ['adBids', 'adAudiences', 'adCreatives'],
  cpm: ['adAudiences', 'adBids'],
  experienceScore: ['serviceSpeed', 'descriptionAccuracy'],
  dsrDescription: ['descriptionAccuracy', 'qualityCheck'],
  dsrService: ['serviceSpeed'],
  dsrLogistics: ['serviceSpeed'],
};

export const ACTIONS_WHEN_BETTER: Partial<Record<MetricId, readonly ActionId[]>> = {
  roi: ['adScaleWinners'],
};

export const RULE_ACTIONS = {
  consistency: ['verifyReading'],
  roiBelowBreakEven: ['adBids', 'adAudiences', 'adCreatives'],
  roiAboveBreakEven: ['adScaleWinners'],
  marginMissing: ['setGrossMargin'],
  budgetExhausted: ['adBudgetSchedule'],
  overPacing: ['adBudgetSchedule'],
  underPacing: ['adUnderspend'],
  paidCtrLow: ['adCreatives', 'adAudiences'],
  paidConversionLow: ['adAudiences', 'adBids', 'detailPage'],
  stockLow: ['restock', 'throttleSales'],
  stockOut: ['restock'],
} as const satisfies Record<string, readonly ActionId[]>;

export type RuleActionKey = keyof typeof RULE_ACTIONS;
