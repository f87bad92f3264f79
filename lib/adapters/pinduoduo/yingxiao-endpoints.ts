/**
 * 多多推广 report JSON the page itself fetches, and the units of each field.
 *
 * `POST /mms-gateway/apollo/api/report/queryEntityReport` answers the 商品推广 report page
 * (`/goods/report/promotion/overView?beginDate=…&endDate=…`) with `result.totalSumReport` (the
 * 数据概况 totals) and, in a second call, `result.entityReportList` (per-goods rows). Field names and
 * units come from a public collector of that page (pxx-data-collection, 推广中心-报表数据采集器),
 * which divides money fields by 10³ and ROI fields by 10⁴ before use:
 * - money (`spend` 总花费, `orderSpend` 成交花费, `gmv` 交易额) in 厘, 1/1000 yuan: whole numbers;
 * - `orderSpendRoiUnified` (实际投产比) × 10⁴;
 * - counts (`orderNum` 成交笔数, `impression` 曝光量, `click` 点击量) as plain numbers.
 * This is one source's reading, so each value is checked where it can be: money must be whole 厘,
 * the ROI must equal 交易额 / 成交花费 (the page's own definition: 660 / 171.93 = 3.84 in the real
 * report, SOURCES-2.md C1), and a figure the page also shows must agree with what it shows.
 * Other report endpoints (queryHourlyRangeReport gives `{ value: "141.91" }` in yuan) are not read.
 *
 * Content-script code: no imports besides types.
 */
import type { EndpointSpec } from '../types';

export const YINGXIAO_ENTITY_REPORT: EndpointSpec = {
  id: 'pinduoduo/yingxiao-entity-report',
  path: /^\/mms-gateway\/apollo\/api\/report\/queryEntityReport(?:[?#]|$)/,
  note: 'money fields in 厘 (÷1000), orderSpendRoiUnified ×10⁴ (÷10000), counts plain',
};

export type YingxiaoUnit = 'li' | 'roi10k' | 'count';

/** `totalSumReport` fields read, the metric each is, the page's label for it, and its unit. */
export const YINGXIAO_TOTAL_FIELDS: ReadonlyArray<{ field: string; metric: string; label: string; unit: YingxiaoUnit }> = [
  { field: 'spend', metric: 'adSpend', label: '总花费', unit: 'li' },
  { field: 'orderSpend', metric: 'adOrderSpend', label: '成交花费', unit: 'li' },
  { field: 'gmv', metric: 'adSales', label: '交易额', unit: 'li' },
  { field: 'orderSpendRoiUnified', metric: 'roi', label: '实际投产比', unit: 'roi10k' },
  { field: 'orderNum', metric: 'adOrders', label: '成交笔数', unit: 'count' },
  { field: 'impression', metric: 'impressions', label: '曝光量', unit: 'count' },
  { field: 'click', metric: 'clicks', label: '点击量', unit: 'count' },
];

/**
 * 成交花费: the part of the spend charged for orders, what 实际投产比 is computed on. Never the ad
 * spend itself: 总花费 adds inquiry, favourite and follow costs (the real report has both fields).
 */
export const YINGXIAO_ORDER_SPEND = { field: 'orderSpend', metric: 'adOrderSpend', label: '成交花费', unit: 'li' } as const;
