/**
 * Characters platforms reject or filter in titles, by class. Each code point of a title is
 * tested against the classes in this order and takes the first that matches, so a star (★,
 * in the GBK set editors accept) is "decorative", not "emoji".
 *
 * Why the split: the editors store titles in GBK-like encodings; emoji and pictographs outside
 * that set (❤, ☀, ✈, 😀) are rejected or silently stripped (error), decorative symbols inside
 * it (★, →, ①, ■) are accepted by some editors and filtered by others and never bring a search
 * (warning), and brackets or exclamation marks are allowed but spend room (info). A symbol
 * followed by the emoji variation selector (▶️) is drawn as an emoji and counts as one.
 */
import type { Bilingual, Severity } from '../types';
import { RULES } from './rules';

export const SYMBOL_CLASS_IDS = [
  'invisible',
  'private-use',
  'trademark',
  'markup',
  'decorative',
  'emoji',
  'ideographic-space',
  'bracket',
  'exclamation',
] as const;
export type SymbolClassId = (typeof SYMBOL_CLASS_IDS)[number];

export interface SymbolClass {
  id: SymbolClassId;
  /** Tested against one code point. */
  pattern: RegExp;
  severity: Severity;
  reason: Bilingual;
  rule: Bilingual;
}

export const SYMBOL_CLASSES: readonly SymbolClass[] = [
  {
    id: 'invisible',
    pattern: /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]/u,
    severity: 'warning',
    reason: {
      zh: '不可见字符（多来自复制粘贴）：占用字数，还可能让搜索匹配失败。',
      en: 'An invisible character (usually from copy-paste): it uses room and can break search matching.',
    },
    rule: RULES.platformChars,
  },
  {
    id: 'private-use',
    pattern: /[\ue000-\uf8ff\u{f0000}-\u{10ffff}]/u,
    severity: 'warning',
    reason: {
      zh: '私用区字符（常见于图标字体），在买家设备上显示为乱码。',
      en: 'A private-use character (icon fonts): it shows as garbage on buyers’ devices.',
    },
    rule: RULES.platformChars,
  },
  {
    id: 'trademark',
    pattern: /[©®™℠]/u,
    severity: 'warning',
    reason: {
      zh: '商标符号在标题中常被平台过滤，也不带来搜索。',
      en: 'Trademark symbols are often filtered from titles and bring no searches.',
    },
    rule: RULES.platformChars,
  },
  {
    id: 'markup',
    pattern: /[<>{}\\^`]/u,
    severity: 'warning',
    reason: {
      zh: '编辑器会转义或拒绝这类符号。',
      en: 'Editors escape or reject characters like this.',
    },
    rule: RULES.platformChars,
  },
  {
    id: 'decorative',
    // Arrows, enclosed numbers (①), geometric shapes (■◆▲○), stars, ♀♂, ※, 〒: the symbols GBK has.
    pattern: /[\u203b\u2190-\u2199\u2460-\u24ff\u25a0-\u25ff\u2605\u2606\u2640\u2642\u3012\u3013\u3020]/u,
    severity: 'warning',
    reason: {
      zh: '装饰符号（★、→、①等）部分平台会过滤，也不带来搜索。',
      en: 'Decorative symbols (★, →, ①) are filtered by some platforms and bring no searches.',
    },
    rule: RULES.platformChars,
  },
  {
    id: 'emoji',
    pattern: /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1f3fb}-\u{1f3ff}]/u,
    severity: 'error',
    reason: {
      zh: '表情符号：发布页会拒绝或直接删掉。',
      en: 'An emoji: publish pages reject it or strip it.',
    },
    rule: RULES.platformChars,
  },
  {
    id: 'ideographic-space',
    pattern: /\u3000/u,
    severity: 'info',
    reason: {
      zh: '全角空格算2个字符；用半角空格即可。',
      en: 'A full-width space counts 2 units; a half-width space does the same job.',
    },
    rule: RULES.searchPractice,
  },
  {
    id: 'bracket',
    pattern: /[【】〖〗『』「」]/u,
    severity: 'info',
    reason: {
      zh: '装饰括号每个占2个字符，不带来搜索。',
      en: 'Decorative brackets take 2 units each and bring no searches.',
    },
    rule: RULES.searchPractice,
  },
  {
    id: 'exclamation',
    pattern: /[!！]/u,
    severity: 'info',
    reason: {
      zh: '感叹号占用字数，不带来搜索。',
      en: 'Exclamation marks use room and bring no searches.',
    },
    rule: RULES.searchPractice,
  },
];

/**
 * Code points that belong to the symbol before them (zero-width joiner, variation selectors,
 * keycap, skin tones, tag characters): they join that symbol's finding instead of raising one
 * of their own.
 */
export const EMOJI_JOINERS = /[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

/** The emoji variation selector: turns the symbol before it into an emoji. */
export const EMOJI_PRESENTATION = '\ufe0f';
