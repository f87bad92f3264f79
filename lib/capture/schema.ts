/**
 * The Capture: what one adapter read from one page at one moment.
 *
 * Every part of ShopLens shares this contract: adapters produce it, the background
 * validates it (pages are hostile input), the database stores it, the panel shows it.
 * A field is either right or absent and explained in `issues`; there are no guessed
 * values and no zeros standing in for "unknown".
 */
import { z } from 'zod';

export const PLATFORMS = ['taobao', 'pinduoduo', 'douyin', 'jd'] as const;
export const PAGE_KINDS = ['dashboard', 'item-report', 'listing', 'search', 'editor'] as const;

export const platformSchema = z.enum(PLATFORMS);
export const pageKindSchema = z.enum(PAGE_KINDS);
export type Platform = z.infer<typeof platformSchema>;
export type PageKind = z.infer<typeof pageKindSchema>;

/**
 * Units of a stored value.
 * - yuan: money, always yuan (fen from JSON is converted by the adapter).
 * - count: people, orders, units; an integer.
 * - ratio: a fraction, 5.63% is stored as 0.0563.
 * - multiple: a plain multiplier such as ROI 3.84.
 * - score: a rating such as DSR 4.8.
 * - index: a platform's relative index (交易指数); never money or people.
 * - seconds: durations.
 */
export const UNITS = ['yuan', 'count', 'ratio', 'multiple', 'score', 'index', 'seconds'] as const;
export const unitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof unitSchema>;

/** `10万+` is a lower bound: the true value is at least 100000. */
export const boundSchema = z.enum(['exact', 'atLeast']);
export type Bound = z.infer<typeof boundSchema>;

// Bounds keep a hostile page from filling the database through one capture.
const text = (max: number) => z.string().max(max);
const finite = z.number().finite();

export const changeSchema = z.object({
  /** The page's words for the comparison: 较前一日, 较上周期, 环比 … */
  basis: text(40),
  /** Signed fraction: +12.3% → 0.123. */
  ratio: finite,
});

export const peerSchema = z.object({
  /** 同行均值, 同行优秀, 同行同层平均, 同行标杆值 … */
  label: text(40),
  value: finite,
  /** Upper end when the page shows a range (750万 ~ 1000万). */
  max: finite.optional(),
});

export const metricReadingSchema = z.object({
  /** Canonical id from lib/metrics (visitors, payAmount …). */
  metric: text(40),
  /** The label as the page wrote it. */
  label: text(60),
  value: finite,
  /** Upper end when the page shows a range; `value` is then the lower end. */
  max: finite.optional(),
  unit: unitSchema,
  bound: boundSchema,
  change: changeSchema.optional(),
  peers: z.array(peerSchema).max(10).optional(),
});
export type MetricReading = z.infer<typeof metricReadingSchema>;

export const PRICE_KINDS = [
  'shown', // the price the page shows as the item's price, kind not stated
  'list', // 原价 / 优惠前 / 划线价
  'promotion', // 促销价 / 活动价
  'coupon', // 券后
  'member', // 会员价
  'group', // 拼单价 (PDD)
  'subsidised', // 平台加补后 / 百亿补贴
  'firstItem', // 首件价
] as const;
export const priceSchema = z.object({
  min: finite.nonnegative(),
  max: finite.nonnegative().optional(),
  kind: z.enum(PRICE_KINDS),
  /** The page's own words for this price (优惠前, 券后 …). */
  label: text(40).optional(),
});
export type Price = z.infer<typeof priceSchema>;

export const countSchema = z.object({
  value: finite.nonnegative(),
  bound: boundSchema,
  /** The phrase as shown: 已拼10万+件, 月销 3000+. */
  phrase: text(60).optional(),
});
export type CountReading = z.infer<typeof countSchema>;

export const scoreSchema = z.object({
  /** Canonical metric id when known (dsrDescription …). */
  metric: text(40).optional(),
  label: text(40),
  value: finite,
  /** 高 / 平 / 低 as shown. */
  level: text(10).optional(),
});

export const listingSchema = z.object({
  itemId: text(40),
  title: text(300),
  /** Absent when no trustworthy price was found; issues then says why. */
  price: priceSchema.optional(),
  /** Other prices shown on the page, each labelled; never mixed into `price`. */
  otherPrices: z.array(priceSchema).max(10).optional(),
  sales: countSchema.optional(),
  reviews: countSchema.optional(),
  shop: z.object({ id: text(40).optional(), name: text(100).optional() }).optional(),
  scores: z.array(scoreSchema).max(10).optional(),
  stock: z.object({ text: text(60), quantity: finite.nonnegative().optional() }).optional(),
  /** 券后, 满减, N件N折 … kept as text. */
  promotions: z.array(text(80)).max(20).optional(),
  category: text(100).optional(),
  /** Main images (主图) the page shows, and whether it has a main video; `video` absent = not known. */
  images: z.object({ count: z.number().int().nonnegative(), video: z.boolean().optional() }).optional(),
  /** Number of SKUs (规格) the buyer can pick from. */
  skuCount: z.number().int().nonnegative().optional(),
  /** Median of the SKUs' own prices (same kind as `price`), yuan: the common SKU price a 起 price is compared with. */
  skuPriceMedian: finite.nonnegative().optional(),
  /** Product attributes (参数) shown with a value. */
  attributesFilled: z.number().int().nonnegative().optional(),
  /** The shipping promise as shown: 预计24小时内发货, 承诺48小时内发货. */
  shipping: text(80).optional(),
  /** The return terms as shown: 7天无理由退货, 不支持7天无理由退货. */
  returns: text(80).optional(),
});
export type Listing = z.infer<typeof listingSchema>;

export const resultSchema = z.object({
  rank: z.number().int().positive(),
  itemId: text(40).optional(),
  title: text(300),
  price: priceSchema.nullable(),
  sales: countSchema.optional(),
  /** Review count where a card shows one instead of sales (JD: `200万+条评价`); never put in `sales`. */
  reviews: countSchema.optional(),
  shop: text(100).optional(),
  sponsored: z.boolean().optional(),
});
export type SearchResult = z.infer<typeof resultSchema>;

/** One row of a per-item report (商品排行, 商品明细). */
export const itemRowSchema = z.object({
  rank: z.number().int().positive().optional(),
  itemId: text(40).optional(),
  title: text(300).optional(),
  metrics: z.array(metricReadingSchema).max(60),
});
export type ItemRow = z.infer<typeof itemRowSchema>;

export const editorSchema = z.object({
  title: text(300),
  /** The editor's own counter (`12/60`) when it shows one. */
  counter: z.object({ length: z.number().int().nonnegative(), limit: z.number().int().positive() }).optional(),
  category: text(100).optional(),
  prices: z.array(priceSchema).max(10).optional(),
});
export type EditorState = z.infer<typeof editorSchema>;

export const periodSchema = z.object({
  /** As shown: 昨日, 近7天, 2026-11-21, 实时. */
  label: text(60),
  /** ISO dates (YYYY-MM-DD) when the page states them. */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type Period = z.infer<typeof periodSchema>;

export const captureIssueSchema = z.object({
  field: text(60),
  problem: text(200),
});
export type CaptureIssue = z.infer<typeof captureIssueSchema>;

export const captureSchema = z.object({
  platform: platformSchema,
  pageKind: pageKindSchema,
  url: z.string().url().max(2048),
  capturedAt: z.string().datetime({ offset: true }),
  adapter: z.object({ id: text(60), version: z.number().int().positive() }),
  period: periodSchema.nullable(),
  shop: z.object({ id: text(40).optional(), name: text(100).optional() }).optional(),
  metrics: z.array(metricReadingSchema).max(200),
  listing: listingSchema.nullable(),
  results: z.array(resultSchema).max(200).nullable(),
  items: z.array(itemRowSchema).max(200).nullable().optional(),
  editor: editorSchema.nullable().optional(),
  issues: z.array(captureIssueSchema).max(100),
});
export type Capture = z.infer<typeof captureSchema>;
