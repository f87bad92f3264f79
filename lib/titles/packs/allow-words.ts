/**
 * Ordinary words that contain a risky phrase. Inside an occurrence of one of these, the
 * risky phrase never flags (第一次 holds 第一 but states no ranking).
 *
 * An entry is here only when it contains a phrase of ./risk-words.ts (the pack lint checks
 * this): words that contain no risky phrase need no entry. Decisions, so they are not
 * re-argued:
 * - 最近, 最后一件 are not here because no pack phrase matches inside them: the pack has no
 *   bare 最 or 最后. 最后一件 states stock, which is checkable; generic urgency (最后一波,
 *   仅此一次) is flagged as fake scarcity instead.
 * - 最新款 is not here: 最新 stays an info finding, because platform filters still block it
 *   even though the SAMR guide treats self-comparison about time as lawful.
 * - 第一名, 第一品牌, 全国唯一 are rankings, not ordinary words, and keep flagging.
 * - 男女同款, 情侣同款, 亲子同款 name a style for a group of people, not someone else's
 *   product; 明星同款, 抖音同款, 大牌同款 keep flagging.
 * - Grades from national standards (特级初榨) and product names that contain a risky word
 *   (万能胶) are allowed, following the SAMR guide on absolute terms (2023).
 * Sorted by phrase in code-point order.
 */
import type { AllowedWord } from './types';

export const ALLOWED_WORDS: readonly AllowedWord[] = [
  {
    phrase: '万能胶',
    reason: { zh: '商品名称（通用胶粘剂），不是功效宣传。', en: 'A product name (contact adhesive), not a claim.' },
  },
  {
    phrase: '万能表',
    reason: { zh: '商品名称（万用表的别称）。', en: 'A product name (another word for a multimeter).' },
  },
  {
    phrase: '万能轮',
    reason: { zh: '商品名称（万向轮），不是功效宣传。', en: 'A product name (swivel caster), not a claim.' },
  },
  {
    phrase: '亲子同款',
    reason: { zh: '“亲子同款”指亲子搭配款式，不借用他人品牌。', en: 'Matching parent-and-child outfits; no one else’s brand is named.' },
  },
  {
    phrase: '唯一性',
    reason: { zh: '名词“唯一性”（如唯一性编码），不是“唯一”宣传。', en: 'The noun “uniqueness” (a unique serial code), not an only-one claim.' },
  },
  {
    phrase: '情侣同款',
    reason: { zh: '“情侣同款”指情侣搭配款式，不借用他人品牌。', en: 'Matching outfits for couples; no one else’s brand is named.' },
  },
  {
    phrase: '最佳赏味期',
    reason: { zh: '食用时间提示，指南明确不属绝对化用语。', en: 'A best-before hint about consumption time, which the SAMR guide exempts.' },
  },
  {
    phrase: '最佳食用期',
    reason: { zh: '食用时间提示，指南明确不属绝对化用语。', en: 'A best-before hint about consumption time, which the SAMR guide exempts.' },
  },
  {
    phrase: '特级初榨',
    reason: { zh: '国家标准规定的橄榄油等级。', en: 'An olive oil grade defined by the national standard.' },
  },
  {
    phrase: '男女同款',
    reason: { zh: '“男女同款”指男女通用款式，不借用他人品牌。', en: 'Unisex: one style for men and women; no one else’s brand is named.' },
  },
  {
    phrase: '第一代',
    reason: { zh: '产品代次（自身产品的型号区分），不是排名。', en: 'A product generation (your own model line), not a ranking.' },
  },
  {
    phrase: '第一件',
    reason: { zh: '“第一件半价”之类的促销规则，不是排名。', en: 'A promotion rule such as “second item half price”, not a ranking.' },
  },
  {
    phrase: '第一双',
    reason: { zh: '“宝宝第一双鞋”：时间先后，不是排名。', en: '“Baby’s first shoes”: an order in time, not a ranking.' },
  },
  {
    phrase: '第一口',
    reason: { zh: '“宝宝第一口辅食”：时间先后，不是排名。', en: '“Baby’s first bite”: an order in time, not a ranking.' },
  },
  {
    phrase: '第一次',
    reason: { zh: '“第一次”表示时间先后，不是排名。', en: '“The first time”: an order in time, not a ranking.' },
  },
  {
    phrase: '第一步',
    reason: { zh: '“第一步”表示步骤，不是排名。', en: '“The first step”: a step, not a ranking.' },
  },
];
