/**
 * The listing scorecard (quick listing audit): 0–100 with every check visible, for any listing
 * page, own or competitor. Pure: the side panel (components/titles/Scorecard.tsx) and the command
 * line (`npm run shoplens -- scorecard`) both call `scoreListing`.
 *
 * Rules, and why:
 * - A check whose data is missing is "unchecked": it shows what is missing and is left out of
 *   the score and of the maximum. Missing is never failed, and never passed.
 * - Every failed or warned check says what to fix, in Chinese and English.
 * - Weights and thresholds are data (./weights.ts), page words are data (./words.ts).
 * - Peer checks (sales, reviews, service scores) compare with the other listings seen for the
 *   same keyword, else the same category (lib/titles/corpus.ts `peerFigures`); with fewer than
 *   `THRESHOLDS.peers.minPeers` peers figures they stay unchecked.
 */
import type { Listing, Platform } from '../capture/schema';
import { auditTitle, type AuditOptions } from '../titles/audit';
import type { PeerFigures } from '../titles/corpus';
import type { Bilingual } from '../titles/types';
import { CHECK_IDS, CHECK_WEIGHTS, THRESHOLDS, WARN_SHARE, type CheckId } from './weights';
import { PROMOTION_PRICE_KINDS, RETURNS_OFFERED, RETURNS_REFUSED, SHIPS_SAME_DAY } from './words';

export { CHECK_IDS, type CheckId };

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'unchecked'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface ScorecardCheck {
  id: CheckId;
  status: CheckStatus;
  weight: number;
  /** Points earned; null when unchecked. */
  points: number | null;
  /** What the check saw, or (unchecked) which data is missing. */
  detail: Bilingual;
  /** What to fix: on `warn` and `fail` only. */
  fix?: Bilingual;
}

export interface Scorecard {
  platform: Platform;
  itemId: string;
  title: string;
  /** 0–100: the share of the checked weight earned; null when nothing could be checked. */
  score: number | null;
  earned: number;
  /** Weight of the checks that had data (the maximum the listing could earn). */
  checkedWeight: number;
  checks: ScorecardCheck[];
}

export interface ScorecardInput {
  platform: Platform;
  listing: Listing;
  /** Other listings seen for the same keyword or category; absent when none are known. */
  peers?: PeerFigures;
  /** Title settings (limit, word lists, tokens); the platform comes from `platform`. */
  title?: Omit<AuditOptions, 'platform'>;
}

// ---------------------------------------------------------------------------------------------
// Building checks

type Verdict = Omit<ScorecardCheck, 'id' | 'weight' | 'points'>;

const unchecked = (zh: string, en: string): Verdict => ({ status: 'unchecked', detail: { zh: `未检查（无数据）：${zh}`, en: `Not checked (no data): ${en}` } });
const pass = (detail: Bilingual): Verdict => ({ status: 'pass', detail });
const warn = (detail: Bilingual, fix: Bilingual): Verdict => ({ status: 'warn', detail, fix });
const fail = (detail: Bilingual, fix: Bilingual): Verdict => ({ status: 'fail', detail, fix });

/** Money as written on the pages: up to two decimals, no trailing zeros. */
function yuan(value: number): string {
  return `¥${Number(value.toFixed(2))}`;
}

function count(value: number): string {
  return String(Math.round(value));
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const compact = (text: string) => text.replace(/[\s\u3000]+/g, '');

// ---------------------------------------------------------------------------------------------
// The checks

function titleCheck(input: ScorecardInput): Verdict {
  const title = input.listing.title;
  if (!title.trim()) return unchecked('页面没有读到标题', 'no title was read from the page');
  const audit = auditTitle(title, { ...input.title, platform: input.platform });
  const detail = {
    zh: `长度 ${audit.length}/${audit.limit}；禁用 ${audit.counts.error} 项，需注意 ${audit.counts.warning} 项，提示 ${audit.counts.info} 项`,
    en: `Length ${audit.length}/${audit.limit}; ${audit.counts.error} forbidden, ${audit.counts.warning} caution, ${audit.counts.info} tips`,
  };
  const worst = audit.findings.filter((f) => f.severity === (audit.counts.error > 0 ? 'error' : 'warning')).slice(0, 2);
  const listed = { zh: worst.map((f) => f.message.zh).join(' '), en: worst.map((f) => f.message.en).join(' ') };
  if (audit.counts.error > 0) {
    return fail(detail, { zh: `先改掉标题里的禁用项，否则可能被下架或处罚：${listed.zh}`, en: `Fix the forbidden items first, or the listing may be removed or penalised: ${listed.en}` });
  }
  if (audit.counts.warning > 0) {
    return warn(detail, { zh: `检查需注意的词，拿不出证明就改掉：${listed.zh}`, en: `Review the caution words and drop those you cannot back: ${listed.en}` });
  }
  return pass(detail);
}

function imagesCheck({ listing }: ScorecardInput): Verdict {
  if (!listing.images) return unchecked('没有读到主图数量', 'the number of main images was not read');
  const n = listing.images.count;
  const detail = { zh: `主图 ${n} 张`, en: `${n} main image${n === 1 ? '' : 's'}` };
  const fix = {
    zh: `补足 ${THRESHOLDS.images.pass} 张主图：首图讲清卖点，其余展示细节、尺寸、场景和包装。`,
    en: `Fill all ${THRESHOLDS.images.pass} main image slots: the first states the selling point, the others show details, size, use and packaging.`,
  };
  if (n >= THRESHOLDS.images.pass) return pass(detail);
  if (n >= THRESHOLDS.images.warn) return warn(detail, fix);
  return fail(detail, fix);
}

function videoCheck({ listing }: ScorecardInput): Verdict {
  if (listing.images?.video === undefined) return unchecked('不知道是否有主图视频', 'whether there is a main video is not known');
  if (listing.images.video) return pass({ zh: '有主图视频', en: 'Has a main video' });
  return fail(
    { zh: '没有主图视频', en: 'No main video' },
    { zh: '加一段主图视频（建议 9–30 秒，展示使用效果）：有视频的商品更容易被点开和下单。', en: 'Add a main video (about 9–30 s showing the product in use): listings with one get more clicks and orders.' },
  );
}

function skuCountCheck({ listing }: ScorecardInput): Verdict {
  if (listing.skuCount === undefined) return unchecked('没有读到规格（SKU）数量', 'the number of SKUs was not read');
  const n = listing.skuCount;
  const detail = { zh: `${n} 个规格可选`, en: `${n} SKU${n === 1 ? '' : 's'} to choose from` };
  const fix = {
    zh: '只有一个规格：如果有其他颜色、尺寸或套装，加为规格，想要别款的买家就不会离开。',
    en: 'One SKU only: if there are other colours, sizes or bundles, add them so buyers who want another option stay.',
  };
  if (n >= THRESHOLDS.skuCount.pass) return pass(detail);
  if (n >= THRESHOLDS.skuCount.warn) return warn(detail, fix);
  return fail(detail, { zh: '页面上没有可选的规格：检查商品是否还能购买。', en: 'No SKU can be chosen on the page: check the listing can still be bought.' });
}

function skuPriceCheck({ listing }: ScorecardInput): Verdict {
  const price = listing.price;
  if (!price) return unchecked('没有读到价格', 'no price was read');
  const low = price.min;
  const high = price.max;
  const common = listing.skuPriceMedian;
  if (common !== undefined && common > 0 && low < THRESHOLDS.skuPrice.baitShare * common) {
    return fail(
      { zh: `起价 ${yuan(low)}，而多数规格在 ${yuan(common)} 左右`, en: `From ${yuan(low)}, while most SKUs cost about ${yuan(common)}` },
      {
        zh: `起价远低于常见规格价，有低价引流风险：买家按 ${yuan(low)} 点进来却发现要 ${yuan(common)}，转化和评价都会受损，平台也会处罚。把低价规格改成真实可买的款，或单独上架。`,
        en: `The from-price is far below the common SKU price, a bait-price risk: buyers who click for ${yuan(low)} find ${yuan(common)}, which hurts conversion and reviews and draws platform penalties. Make the cheap SKU a real option or list it separately.`,
      },
    );
  }
  const range = high === undefined ? yuan(low) : `${yuan(low)}–${yuan(high)}`;
  if (high !== undefined && low > 0 && high / low > THRESHOLDS.skuPrice.spreadWarn) {
    return warn(
      { zh: `价格 ${range}，最高是最低的 ${(high / low).toFixed(1)} 倍`, en: `Prices ${range}, the highest ${(high / low).toFixed(1)} times the lowest` },
      {
        zh: '规格价差很大：搜索结果只显示最低价，买家容易觉得被误导。价差大的款式考虑分开上架。',
        en: 'A wide price spread: search shows only the lowest price and buyers feel misled. Consider listing far-apart options separately.',
      },
    );
  }
  if (common === undefined && listing.skuCount !== 1) {
    return unchecked('不知道常见规格价，无法判断起价是否引流', 'the common SKU price is not known, so a bait price cannot be ruled out');
  }
  const detail =
    common === undefined
      ? { zh: `单一规格，价格 ${range}`, en: `Single SKU at ${range}` }
      : { zh: `价格 ${range}，常见规格价 ${yuan(common)}`, en: `Prices ${range}, common SKU price ${yuan(common)}` };
  return pass(detail);
}

function attributesCheck({ listing }: ScorecardInput): Verdict {
  if (listing.attributesFilled === undefined) return unchecked('没有读到商品参数', 'the product attributes were not read');
  const n = listing.attributesFilled;
  const detail = { zh: `填写了 ${n} 项参数`, en: `${n} attribute${n === 1 ? '' : 's'} filled` };
  const fix = {
    zh: '把类目参数填完整（品牌、材质、尺寸、适用人群等）：搜索筛选和买家都看这些。',
    en: 'Fill the category attributes (brand, material, size, audience …): search filters and buyers rely on them.',
  };
  if (n >= THRESHOLDS.attributes.pass) return pass(detail);
  if (n >= THRESHOLDS.attributes.warn) return warn(detail, fix);
  return fail(detail, fix);
}

/** The longest promise in hours a shipping text states (`承诺48小时内发货`, `3天内发货`), or undefined. */
export function shippingHours(text: string): number | undefined {
  const flat = compact(text);
  let hours: number | undefined;
  for (const match of flat.matchAll(/(\d{1,3})(小时|天|日)/g)) {
    const value = Number(match[1]) * (match[2] === '小时' ? 1 : 24);
    hours = hours === undefined ? value : Math.max(hours, value);
  }
  return hours;
}

function shippingCheck({ listing }: ScorecardInput): Verdict {
  if (listing.shipping === undefined) return unchecked('页面没有读到发货承诺', 'no shipping promise was read');
  const text = listing.shipping;
  const detail = { zh: `发货承诺：${text}`, en: `Shipping promise: ${text}` };
  const hours = shippingHours(text);
  if (hours === undefined) {
    if (SHIPS_SAME_DAY.some((word) => compact(text).includes(word))) return pass(detail);
    return unchecked(`看不懂发货承诺“${text}”`, `the shipping promise “${text}” is not understood`);
  }
  const fix = {
    zh: `发货时间 ${hours} 小时偏长：能做到 ${THRESHOLDS.shippingHours.pass} 小时内发货就改成 48 小时承诺，买家更愿意下单。`,
    en: `Shipping within ${hours} hours is slow: if you can ship within ${THRESHOLDS.shippingHours.pass} hours, promise that; buyers order more readily.`,
  };
  if (hours <= THRESHOLDS.shippingHours.pass) return pass(detail);
  if (hours <= THRESHOLDS.shippingHours.warn) return warn(detail, fix);
  return fail(detail, fix);
}

function returnsCheck({ listing }: ScorecardInput): Verdict {
  if (listing.returns === undefined) return unchecked('页面没有读到退货条款', 'no return terms were read');
  const text = compact(listing.returns);
  const detail = { zh: `退货条款：${listing.returns}`, en: `Return terms: ${listing.returns}` };
  if (RETURNS_REFUSED.some((word) => text.includes(word))) {
    return fail(detail, {
      zh: '不支持无理由退货会明显降低转化：类目允许的话，开通 7 天无理由退货，并考虑退货宝/运费险。',
      en: 'No no-reason returns lowers conversion markedly: if the category allows it, offer 7-day no-reason returns, and consider return-shipping insurance (退货宝/运费险).',
    });
  }
  if (RETURNS_OFFERED.some((word) => text.includes(word))) return pass(detail);
  return unchecked(`看不懂退货条款“${listing.returns}”`, `the return terms “${listing.returns}” are not understood`);
}

function promotionsCheck({ listing }: ScorecardInput): Verdict {
  const promoPrices = [listing.price, ...(listing.otherPrices ?? [])].filter((p) => p && PROMOTION_PRICE_KINDS.includes(p.kind));
  const words = [...(listing.promotions ?? []), ...promoPrices.map((p) => p!.label ?? p!.kind)];
  if (words.length > 0) {
    const shown = [...new Set(words)].slice(0, 4);
    return pass({ zh: `有优惠：${shown.join('、')}`, en: `Promotions shown: ${shown.join(', ')}` });
  }
  if (listing.promotions === undefined) return unchecked('没有读到优惠信息', 'no promotion information was read');
  return warn(
    { zh: '页面上没有优惠', en: 'No promotion on the page' },
    { zh: '设置一个优惠（店铺券、满减或多件折扣）：搜索结果里带优惠的商品更容易被点开。', en: 'Set up a promotion (shop coupon, spend-and-save or multi-buy discount): listings with one get more clicks in search.' },
  );
}

function peerBasis(peers: PeerFigures): Bilingual {
  if (peers.basis.kind === 'keyword') {
    const words = peers.basis.keywords.slice(0, 3);
    return { zh: `搜索“${words.join('”“')}”中见到的商品`, en: `listings seen when searching “${words.join('”, “')}”` };
  }
  return { zh: `同类目“${peers.basis.category}”的商品`, en: `listings in the category “${peers.basis.category}”` };
}

function peerCountCheck(
  own: number | undefined,
  values: readonly number[] | undefined,
  peers: PeerFigures | undefined,
  what: { zh: string; en: string },
  fix: Bilingual,
): Verdict {
  if (own === undefined) return unchecked(`没有读到本商品的${what.zh}`, `this listing's ${what.en} were not read`);
  if (!peers || !values || values.length < THRESHOLDS.peers.minPeers) {
    return unchecked(
      `同关键词或同类目的商品不足 ${THRESHOLDS.peers.minPeers} 个有${what.zh}数据（先去搜索结果页看看）`,
      `fewer than ${THRESHOLDS.peers.minPeers} listings for the same keyword or category have ${what.en} (visit a search results page first)`,
    );
  }
  const typical = median(values)!;
  const basis = peerBasis(peers);
  const detail = {
    zh: `${what.zh} ${count(own)}，${basis.zh}（${values.length} 个）的中位数 ${count(typical)}`,
    en: `${count(own)} ${what.en}; median of ${values.length} ${basis.en}: ${count(typical)}`,
  };
  if (own >= typical) return pass(detail);
  if (own >= THRESHOLDS.peers.warnShare * typical) return warn(detail, fix);
  return fail(detail, fix);
}

function salesCheck({ listing, peers }: ScorecardInput): Verdict {
  return peerCountCheck(listing.sales?.value, peers?.sales, peers, { zh: '销量', en: 'sales' }, {
    zh: '销量低于同行：先用优惠和老客带出基础销量和评价，再加推广；标题和主图对准同行热卖款用的词。',
    en: 'Sales trail the peers: build base sales and reviews with a promotion and repeat buyers before paid traffic; align title and images with the words the best sellers use.',
  });
}

function reviewsCheck({ listing, peers }: ScorecardInput): Verdict {
  return peerCountCheck(listing.reviews?.value, peers?.reviews, peers, { zh: '评价数', en: 'reviews' }, {
    zh: '评价少于同行：引导已购买家评价（晒图返券要符合平台规则），评价少的商品转化更低。',
    en: 'Fewer reviews than the peers: ask past buyers to review (within the platform’s rules on rewards); listings with few reviews convert less.',
  });
}

const LOW_LEVELS = ['低'];
const EVEN_LEVELS = ['平', '中'];

function serviceScoresCheck({ listing, peers }: ScorecardInput): Verdict {
  const scores = listing.scores ?? [];
  if (scores.length === 0) return unchecked('没有读到店铺服务评分', 'no shop service scores were read');
  const shown = scores.map((s) => `${s.label} ${s.value}${s.level ? ` ${s.level}` : ''}`).join('，');
  const fix = {
    zh: '服务评分低于同行：查看差评和售后原因（描述不符、发货慢、回复慢），逐项改进。',
    en: 'Service scores trail the peers: read the poor reviews and after-sales cases (description, shipping, replies) and fix them one by one.',
  };
  // The level (高/平/低) is the platform's own comparison with the shop's peers.
  if (scores.every((s) => s.level !== undefined)) {
    const detail = { zh: `服务评分：${shown}（平台与同行比较）`, en: `Service scores: ${shown} (the platform’s comparison with peers)` };
    if (scores.some((s) => LOW_LEVELS.includes(s.level!))) return fail(detail, fix);
    if (scores.some((s) => EVEN_LEVELS.includes(s.level!))) return warn(detail, fix);
    return pass(detail);
  }
  const compared = scores
    .map((s) => ({ score: s, peers: peers?.scores[s.label] ?? [] }))
    .filter((c) => c.peers.length >= THRESHOLDS.peers.minPeers);
  if (!peers || compared.length === 0) {
    return unchecked(`没有同行评分可比较（${shown}）`, `no peer scores to compare with (${shown})`);
  }
  const gaps = compared.map((c) => c.score.value - median(c.peers)!);
  const detail = {
    zh: `服务评分：${shown}；${compared.map((c, i) => `${c.score.label}比同行中位数${gaps[i]! >= 0 ? '高' : '低'} ${Math.abs(gaps[i]!).toFixed(2)}`).join('，')}`,
    en: `Service scores: ${shown}; ${compared.map((c, i) => `${c.score.label} ${Math.abs(gaps[i]!).toFixed(2)} ${gaps[i]! >= 0 ? 'above' : 'below'} the peers’ median`).join(', ')}`,
  };
  const worst = Math.min(...gaps);
  if (worst >= 0) return pass(detail);
  if (worst >= -THRESHOLDS.serviceScore.warnGap) return warn(detail, fix);
  return fail(detail, fix);
}

const CHECKS: Readonly<Record<CheckId, (input: ScorecardInput) => Verdict>> = {
  title: titleCheck,
  images: imagesCheck,
  video: videoCheck,
  skuCount: skuCountCheck,
  skuPrice: skuPriceCheck,
  attributes: attributesCheck,
  shipping: shippingCheck,
  returns: returnsCheck,
  promotions: promotionsCheck,
  sales: salesCheck,
  reviews: reviewsCheck,
  serviceScores: serviceScoresCheck,
};

function pointsOf(status: CheckStatus, weight: number): number | null {
  if (status === 'unchecked') return null;
  if (status === 'pass') return weight;
  if (status === 'warn') return weight * WARN_SHARE;
  return 0;
}

export function scoreListing(input: ScorecardInput): Scorecard {
  const checks: ScorecardCheck[] = CHECK_IDS.map((id) => {
    const verdict = CHECKS[id](input);
    const weight = CHECK_WEIGHTS[id];
    return { id, weight, points: pointsOf(verdict.status, weight), ...verdict };
  });
  const checked = checks.filter((check) => check.points !== null);
  const checkedWeight = checked.reduce((sum, check) => sum + check.weight, 0);
  const earned = checked.reduce((sum, check) => sum + (check.points ?? 0), 0);
  return {
    platform: input.platform,
    itemId: input.listing.itemId,
    title: input.listing.title,
    score: checkedWeight > 0 ? Math.round((100 * earned) / checkedWeight) : null,
    earned,
    checkedWeight,
    checks,
  };
}
