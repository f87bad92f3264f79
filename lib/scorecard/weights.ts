/**
 * The listing scorecard's weights and thresholds, as data. Linted by
 * tests/unit/scorecard/scorecard.test.ts: every check has a positive whole weight, the weights
 * add up to 100, and each pair of thresholds is ordered.
 *
 * A check scores its whole weight when it passes, half when it warns, nothing when it fails.
 * A check without data is left out of both the score and the maximum: the score is the share of
 * the checked weight earned, so missing data never counts as failed (nor as passed).
 */

export const CHECK_IDS = [
  'title',
  'images',
  'video',
  'skuCount',
  'skuPrice',
  'attributes',
  'shipping',
  'returns',
  'promotions',
  'sales',
  'reviews',
  'serviceScores',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Points of each check out of 100. The title and the price story weigh most: they decide clicks and trust. */
export const CHECK_WEIGHTS: Readonly<Record<CheckId, number>> = {
  title: 18,
  images: 12,
  video: 6,
  skuCount: 4,
  skuPrice: 12,
  attributes: 8,
  shipping: 8,
  returns: 8,
  promotions: 4,
  sales: 8,
  reviews: 6,
  serviceScores: 6,
};

/** Share of a check's weight a warning earns. */
export const WARN_SHARE = 0.5;

export const THRESHOLDS = {
  /** Main images: Taobao/Tmall show five (主图 1–5); fewer leaves slots buyers swipe through empty. */
  images: { pass: 5, warn: 3 },
  /** SKUs to pick from: one is fine for a single product, but gives a buyer looking for another size no choice. */
  skuCount: { pass: 2, warn: 1 },
  /**
   * Bait price (低价引流): the shown lowest (起) price under this share of the common SKU price.
   * Price spread: the highest price over the lowest above `spreadWarn` times.
   */
  skuPrice: { baitShare: 0.5, spreadWarn: 3 },
  /** Attributes (参数) shown with a value: search filters and buyers read them. */
  attributes: { pass: 6, warn: 3 },
  /** Shipping promise in hours: within 48 is the platforms' common promise; beyond 72 loses buyers. */
  shippingHours: { pass: 48, warn: 72 },
  /** Sales and reviews against the peers' median: at or above passes, above `warnShare` of it warns. */
  peers: { minPeers: 3, warnShare: 0.3 },
  /** Service scores against the peers' median: within this much below still warns. */
  serviceScore: { warnGap: 0.1 },
} as const;
