/**
 * Words the scorecard reads in shipping promises and return terms, as data. Linted by
 * tests/unit/scorecard/scorecard.test.ts (no empty entries, no phrase both good and bad).
 * Matched after spaces are removed. A text none of these matches is "not understood": the
 * check is then left unchecked, never guessed.
 */

/** Return terms that refuse returns: checked before the good ones (不支持7天无理由 contains 7天无理由). */
export const RETURNS_REFUSED: readonly string[] = ['不支持7天无理由', '不支持七天无理由', '不支持无理由', '不支持退货', '不退不换', '不支持退换'];

/** Return terms that reassure the buyer. */
export const RETURNS_OFFERED: readonly string[] = [
  '7天无理由',
  '七天无理由',
  '15天无理由',
  '30天无理由',
  '无理由退货',
  '退货宝',
  '运费险',
  '退货包运费',
  '极速退款',
  '假一赔',
  '破损包退',
];

/** Shipping promises without a number of hours that still mean "ships today". */
export const SHIPS_SAME_DAY: readonly string[] = ['当日发货', '当天发货', '今日发货', '今天发货', '闪电发货', '极速发货'];

/** Price kinds that are a promotion when the page shows them beside the price. */
export const PROMOTION_PRICE_KINDS: readonly string[] = ['promotion', 'coupon', 'subsidised', 'firstItem'];
