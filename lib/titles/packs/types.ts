/**
 * Shapes of the title word packs. The packs are data written for this project (not copied
 * from circulated lists); tests/unit/titles/packs.test.ts lints them.
 */
import type { Bilingual, Severity } from '../types';

/**
 * Why a phrase is risky in a title.
 * - absolute: absolute terms (最佳, 第一, 顶级), Advertising Law art. 9(3).
 * - authority: state-organ names and abolished or protected designations (特供, 免检, 驰名商标).
 * - ranking: sales or ranking claims that need data and a source (冠军, 领先).
 * - price: price superlatives and unverifiable price claims (全网最低, 出厂价).
 * - medical: disease and treatment claims outside medicine (根治, 消炎), art. 17.
 * - efficacy: effects that need registration or proof (美白, 防脱, 抗菌, 减肥).
 * - guarantee: promises and certainty (100%, 永久, 无副作用).
 * - scarcity: fake urgency or scarcity (仅此一次, 最后一波).
 * - infringement: counterfeit or others' rights (高仿, A货, 同款, 专柜).
 */
export const WORD_CATEGORIES = [
  'absolute',
  'authority',
  'ranking',
  'price',
  'medical',
  'efficacy',
  'guarantee',
  'scarcity',
  'infringement',
] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];

export interface WordRule {
  /** Matched as a phrase (substring); Latin letters case-insensitively and only at word edges. */
  phrase: string;
  severity: Severity;
  category: WordCategory;
  /** Why it is risky, said to the operator. */
  reason: Bilingual;
  /** The law or platform rule behind it. */
  rule: Bilingual;
}

/** An ordinary word that contains a risky phrase; an occurrence of it never flags. */
export interface AllowedWord {
  phrase: string;
  reason: Bilingual;
}
