/**
 * The listing scorecard (lib/scorecard): weights and words lint, each check's verdict from a
 * table of listings, missing data never failed or passed, the bait price, and the score.
 */
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../lib/capture/schema';
import { CHECK_IDS, scoreListing, shippingHours, type CheckId, type CheckStatus, type ScorecardInput } from '../../../lib/scorecard/scorecard';
import { CHECK_WEIGHTS, THRESHOLDS, WARN_SHARE } from '../../../lib/scorecard/weights';
import { PROMOTION_PRICE_KINDS, RETURNS_OFFERED, RETURNS_REFUSED, SHIPS_SAME_DAY } from '../../../lib/scorecard/words';
import type { PeerFigures } from '../../../lib/titles/corpus';
import { PRICE_KINDS } from '../../../lib/capture/schema';

/** A listing with every scorecard field present and good. */
function fullListing(overrides: Partial<Listing> = {}): Listing {
  return {
    itemId: '1',
    title: '316不锈钢保温杯女士大容量便携水杯男士学生泡茶杯车载杯子',
    price: { min: 89, max: 109, kind: 'shown' },
    otherPrices: [{ min: 69, kind: 'coupon', label: '券后' }],
    sales: { value: 10000, bound: 'atLeast' },
    reviews: { value: 2000, bound: 'atLeast' },
    scores: [
      { label: '宝贝描述', value: 4.8, level: '高' },
      { label: '卖家服务', value: 4.8, level: '高' },
    ],
    images: { count: 5, video: true },
    skuCount: 3,
    skuPriceMedian: 89,
    attributesFilled: 8,
    shipping: '预计24小时内发货',
    returns: '7天无理由退货',
    ...overrides,
  };
}

/** A listing with nothing but its identity. */
function bareListing(overrides: Partial<Listing> = {}): Listing {
  return { itemId: '2', title: '', ...overrides };
}

const PEERS: PeerFigures = {
  basis: { kind: 'keyword', keywords: ['保温杯'] },
  listings: 5,
  sales: [100, 500, 1000, 2000, 50000],
  reviews: [10, 100, 1000, 3000, 9000],
  scores: { 宝贝描述: [4.7, 4.8, 4.9], 卖家服务: [4.6, 4.7, 4.8] },
};

function check(input: Partial<ScorecardInput> & { listing: Listing }, id: CheckId) {
  return scoreListing({ platform: 'taobao', ...input }).checks.find((c) => c.id === id)!;
}

describe('weights and words (data lint)', () => {
  it('has a positive whole weight for every check, adding up to 100', () => {
    expect(Object.keys(CHECK_WEIGHTS).sort()).toEqual([...CHECK_IDS].sort());
    for (const id of CHECK_IDS) {
      expect(Number.isInteger(CHECK_WEIGHTS[id])).toBe(true);
      expect(CHECK_WEIGHTS[id]).toBeGreaterThan(0);
    }
    expect(Object.values(CHECK_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(WARN_SHARE).toBeGreaterThan(0);
    expect(WARN_SHARE).toBeLessThan(1);
  });

  it('orders each pair of thresholds', () => {
    expect(THRESHOLDS.images.pass).toBeGreaterThan(THRESHOLDS.images.warn);
    expect(THRESHOLDS.skuCount.pass).toBeGreaterThan(THRESHOLDS.skuCount.warn);
    expect(THRESHOLDS.attributes.pass).toBeGreaterThan(THRESHOLDS.attributes.warn);
    expect(THRESHOLDS.shippingHours.warn).toBeGreaterThan(THRESHOLDS.shippingHours.pass);
    expect(THRESHOLDS.skuPrice.baitShare).toBeGreaterThan(0);
    expect(THRESHOLDS.skuPrice.baitShare).toBeLessThan(1);
    expect(THRESHOLDS.skuPrice.spreadWarn).toBeGreaterThan(1);
    expect(THRESHOLDS.peers.warnShare).toBeLessThan(1);
    expect(THRESHOLDS.peers.minPeers).toBeGreaterThanOrEqual(2);
  });

  it('has word lists without empty or duplicated entries, no phrase both refused and offered, known price kinds', () => {
    for (const list of [RETURNS_OFFERED, RETURNS_REFUSED, SHIPS_SAME_DAY, PROMOTION_PRICE_KINDS]) {
      expect(list.every((word) => word.trim() === word && word !== '')).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(RETURNS_REFUSED.filter((word) => RETURNS_OFFERED.includes(word))).toEqual([]);
    expect(PROMOTION_PRICE_KINDS.every((kind) => (PRICE_KINDS as readonly string[]).includes(kind))).toBe(true);
  });
});

describe('missing data is never failed or passed', () => {
  it('a bare listing is unchecked everywhere, with the reason, and has no score', () => {
    const card = scoreListing({ platform: 'taobao', listing: bareListing() });
    expect(card.checks.map((c) => c.status)).toEqual(CHECK_IDS.map(() => 'unchecked'));
    for (const c of card.checks) {
      expect(c.points).toBeNull();
      expect(c.fix).toBeUndefined();
      expect(c.detail.zh).toMatch(/^未检查（无数据）：/);
      expect(c.detail.en).toMatch(/^Not checked \(no data\): /);
    }
    expect(card.score).toBeNull();
    expect(card.checkedWeight).toBe(0);
  });

  it('leaves unchecked checks out of the score: one passing check scores 100', () => {
    const card = scoreListing({ platform: 'taobao', listing: bareListing({ images: { count: 5 } }) });
    expect(card.checks.filter((c) => c.status !== 'unchecked').map((c) => c.id)).toEqual(['images']);
    expect(card.score).toBe(100);
    expect(card.checkedWeight).toBe(CHECK_WEIGHTS.images);
    // Video unknown (no `video` field) stays unchecked, not failed.
    expect(card.checks.find((c) => c.id === 'video')!.status).toBe('unchecked');
  });

  it.each<[string, CheckId, Partial<ScorecardInput>]>([
    ['sales without peers', 'sales', { peers: undefined }],
    ['sales with too few peers', 'sales', { peers: { ...PEERS, sales: [100, 200] } }],
    ['reviews without own figure', 'reviews', { listing: fullListing({ reviews: undefined }), peers: PEERS }],
    ['service scores without levels or peers', 'serviceScores', { listing: fullListing({ scores: [{ label: '宝贝描述', value: 4.8 }] }), peers: undefined }],
    ['a shipping text nobody understands', 'shipping', { listing: fullListing({ shipping: '按约定时间发货' }) }],
    ['return terms nobody understands', 'returns', { listing: fullListing({ returns: '售后无忧' }) }],
    ['a from-price without the common SKU price', 'skuPrice', { listing: fullListing({ skuPriceMedian: undefined, price: { min: 89, max: 109, kind: 'shown' } }) }],
    ['promotions not read at all', 'promotions', { listing: fullListing({ otherPrices: undefined, promotions: undefined }) }],
  ])('%s → unchecked', (_name, id, input) => {
    expect(check({ listing: fullListing(), ...input }, id).status).toBe('unchecked');
  });
});

describe('each check', () => {
  it.each<[string, CheckId, Listing, CheckStatus]>([
    ['title clean', 'title', fullListing(), 'pass'],
    ['title with a forbidden word', 'title', fullListing({ title: '顶级316不锈钢保温杯女士大容量便携水杯' }), 'fail'],
    ['title with a caution word', 'title', fullListing({ title: '保温杯永久不褪色女士大容量便携水杯男士学生泡茶杯' }), 'warn'],
    ['5 images', 'images', fullListing(), 'pass'],
    ['3 images', 'images', fullListing({ images: { count: 3 } }), 'warn'],
    ['1 image', 'images', fullListing({ images: { count: 1 } }), 'fail'],
    ['a video', 'video', fullListing(), 'pass'],
    ['no video', 'video', fullListing({ images: { count: 5, video: false } }), 'fail'],
    ['3 SKUs', 'skuCount', fullListing(), 'pass'],
    ['1 SKU', 'skuCount', fullListing({ skuCount: 1 }), 'warn'],
    ['no SKU', 'skuCount', fullListing({ skuCount: 0 }), 'fail'],
    ['from-price at the common SKU price', 'skuPrice', fullListing(), 'pass'],
    ['single SKU, single price', 'skuPrice', fullListing({ skuCount: 1, skuPriceMedian: undefined, price: { min: 50, kind: 'shown' } }), 'pass'],
    ['bait price: 9.9 起 while most SKUs cost 229', 'skuPrice', fullListing({ price: { min: 9.9, max: 259, kind: 'list' }, skuPriceMedian: 229 }), 'fail'],
    ['just above the bait line (half the common price)', 'skuPrice', fullListing({ price: { min: 45, max: 90, kind: 'shown' }, skuPriceMedian: 89.99 }), 'pass'],
    ['just below the bait line', 'skuPrice', fullListing({ price: { min: 44.9, max: 90, kind: 'shown' }, skuPriceMedian: 90 }), 'fail'],
    ['a wide spread without bait', 'skuPrice', fullListing({ price: { min: 50, max: 400, kind: 'shown' }, skuPriceMedian: 60 }), 'warn'],
    ['no price', 'skuPrice', fullListing({ price: undefined }), 'unchecked'],
    ['8 attributes', 'attributes', fullListing(), 'pass'],
    ['4 attributes', 'attributes', fullListing({ attributesFilled: 4 }), 'warn'],
    ['1 attribute', 'attributes', fullListing({ attributesFilled: 1 }), 'fail'],
    ['ships within 24 hours', 'shipping', fullListing(), 'pass'],
    ['promises 48 hours, expects 11', 'shipping', fullListing({ shipping: '预计11小时内发货｜承诺48小时内发货' }), 'pass'],
    ['ships in 3 days', 'shipping', fullListing({ shipping: '3天内发货' }), 'warn'],
    ['ships in 15 days', 'shipping', fullListing({ shipping: '承诺15天内发货' }), 'fail'],
    ['ships the same day', 'shipping', fullListing({ shipping: '当日发货' }), 'pass'],
    ['7-day returns', 'returns', fullListing(), 'pass'],
    ['return insurance', 'returns', fullListing({ returns: '保障 退货宝 · 极速退款' }), 'pass'],
    ['returns refused (contains the offered words)', 'returns', fullListing({ returns: '不支持7天无理由退货' }), 'fail'],
    ['a coupon price', 'promotions', fullListing(), 'pass'],
    ['promotion words', 'promotions', fullListing({ otherPrices: undefined, promotions: ['满300减30'] }), 'pass'],
    ['promotions read and none shown', 'promotions', fullListing({ otherPrices: undefined, promotions: [] }), 'warn'],
    ['service scores all 高', 'serviceScores', fullListing(), 'pass'],
    ['one 平', 'serviceScores', fullListing({ scores: [{ label: '宝贝描述', value: 4.7, level: '高' }, { label: '卖家服务', value: 4.7, level: '平' }] }), 'warn'],
    ['one 低', 'serviceScores', fullListing({ scores: [{ label: '宝贝描述', value: 4.6, level: '低' }, { label: '卖家服务', value: 4.7, level: '平' }] }), 'fail'],
  ])('%s → %s: %s', (_name, id, listing, expected) => {
    const result = check({ listing, peers: PEERS }, id);
    expect(result.status).toBe(expected);
    expect(result.points).toBe(expected === 'pass' ? CHECK_WEIGHTS[id] : expected === 'warn' ? CHECK_WEIGHTS[id] * WARN_SHARE : expected === 'fail' ? 0 : null);
    // Every warned or failed check says what to fix, in both languages.
    if (expected === 'warn' || expected === 'fail') {
      expect(result.fix?.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(result.fix?.en).toMatch(/[a-z]/);
    } else {
      expect(result.fix).toBeUndefined();
    }
  });

  it.each<[string, number, CheckStatus]>([
    ['at the median', 1000, 'pass'],
    ['above the median', 60000, 'pass'],
    ['between a third and the median', 400, 'warn'],
    ['far below', 100, 'fail'],
  ])('sales %s (%d against median 1000) → %s', (_name, sales, expected) => {
    expect(check({ listing: fullListing({ sales: { value: sales, bound: 'exact' } }), peers: PEERS }, 'sales').status).toBe(expected);
  });

  it('says which peers the sales were compared with', () => {
    const sales = check({ listing: fullListing(), peers: PEERS }, 'sales');
    expect(sales.detail.zh).toContain('搜索“保温杯”中见到的商品（5 个）的中位数 1000');
    expect(sales.detail.en).toContain('median of 5 listings seen when searching “保温杯”: 1000');
  });

  it.each<[string, number, CheckStatus]>([
    ['above the peers', 4.9, 'pass'],
    ['a little below', 4.75, 'warn'],
    ['well below', 4.5, 'fail'],
  ])('service score without levels, %s → %s (peers’ median 4.8)', (_name, value, expected) => {
    const listing = fullListing({ scores: [{ label: '宝贝描述', value }] });
    expect(check({ listing, peers: PEERS }, 'serviceScores').status).toBe(expected);
  });

  it('names the bait price and the common price in the fix', () => {
    const result = check({ listing: fullListing({ price: { min: 9.9, max: 259, kind: 'list' }, skuPriceMedian: 229 }) }, 'skuPrice');
    expect(result.detail.zh).toBe('起价 ¥9.9，而多数规格在 ¥229 左右');
    expect(result.fix?.zh).toContain('低价引流');
    expect(result.fix?.en).toContain('bait-price');
  });
});

describe('the score', () => {
  it('is the share of the checked weight earned', () => {
    const listing = fullListing({ images: { count: 3, video: false }, returns: '不支持7天无理由退货' });
    const card = scoreListing({ platform: 'taobao', listing, peers: PEERS });
    const checked = card.checks.filter((c) => c.points !== null);
    const earned = checked.reduce((sum, c) => sum + c.points!, 0);
    const weight = checked.reduce((sum, c) => sum + c.weight, 0);
    expect(card.earned).toBe(earned);
    expect(card.checkedWeight).toBe(weight);
    expect(card.score).toBe(Math.round((100 * earned) / weight));
    // images warn (half), video and returns fail.
    expect(weight - earned).toBe(CHECK_WEIGHTS.images * (1 - WARN_SHARE) + CHECK_WEIGHTS.video + CHECK_WEIGHTS.returns);
  });

  it('a listing passing everything scores 100', () => {
    const card = scoreListing({ platform: 'taobao', listing: fullListing(), peers: { ...PEERS, sales: [10, 20, 30], reviews: [1, 2, 3] } });
    expect(card.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(card.score).toBe(100);
  });

  it('uses the platform’s title limit (JD 50)', () => {
    const listing = fullListing({ title: '316不锈钢保温杯女士大容量便携水杯男士学生泡茶杯车载杯子' });
    expect(check({ listing }, 'title').detail.zh).toContain('/60');
    expect(scoreListing({ platform: 'jd', listing }).checks[0]!.detail.zh).toContain('/50');
  });
});

describe('shippingHours', () => {
  it.each<[string, number | undefined]>([
    ['预计24小时内发货', 24],
    ['预计11小时内发货｜承诺48小时内发货', 48],
    ['3天内发货', 72],
    ['承诺 15 天内发货', 360],
    ['当日发货', undefined],
  ])('%s → %s', (text, hours) => {
    expect(shippingHours(text)).toBe(hours);
  });
});
