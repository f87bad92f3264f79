/**
 * Finds risky words in a title: the pack (./packs/risk-words.ts), the operator's own
 * forbidden words, and other brands' names. An occurrence inside an allow-listed word
 * (./packs/allow-words.ts) never flags, whichever list the phrase came from.
 */
import { ALLOWED_WORDS } from './packs/allow-words';
import { COMPATIBILITY_PREFIXES } from './packs/brands';
import { RISK_WORDS } from './packs/risk-words';
import { RULES } from './packs/rules';
import type { WordCategory } from './packs/types';
import { dropContained, findAll, insideAny, matchForm, type Span } from './match';
import type { Bilingual, Severity } from './types';

/** A word the operator forbids for their own reasons; a bare string is an error. */
export interface UserWord {
  phrase: string;
  severity?: Severity;
  reason?: Bilingual;
}

export interface WordOptions {
  /** The operator's own forbidden words. */
  userWords?: readonly (string | UserWord)[];
  /** Other brands' names (competitors): using them is an infringement risk. */
  brands?: readonly string[];
}

export type WordSource = 'pack' | 'user' | 'brand';

export interface WordHit extends Span {
  /** The text as written in the title. */
  word: string;
  source: WordSource;
  severity: Severity;
  category: WordCategory | 'user';
  reason: Bilingual;
  rule: Bilingual;
}

const USER_REASON: Bilingual = {
  zh: '在你的自定义禁用词表中。',
  en: 'On your own list of forbidden words.',
};

function brandReason(brand: string): Bilingual {
  return {
    zh: `“${brand}”是其他品牌：未经授权在标题中使用他人品牌属于侵权，平台会删除商品或处罚。`,
    en: `“${brand}” is another brand: using it in a title without authorisation is infringement, and platforms delist or penalise it.`,
  };
}

function compatibilityReason(brand: string): Bilingual {
  return {
    zh: `以“适用”等说明兼容“${brand}”：配件可以这样写，但要保留这类说明，不能让人以为是该品牌的商品。`,
    en: `Names “${brand}” as a compatibility statement (适用 …): fine for accessories, as long as the wording stays and it never reads as that brand’s own product.`,
  };
}

const PREFIX_FORMS = COMPATIBILITY_PREFIXES.map(matchForm);

/** True when a compatibility word (适用, for …) stands right before `start`, allowing one space. */
function followsCompatibilityWord(form: string, start: number): boolean {
  const before = form.slice(Math.max(0, start - 5), start).replace(/ $/, '');
  return PREFIX_FORMS.some((prefix) => before.endsWith(prefix));
}

/** Spans of allow-listed words: risky phrases inside them never flag. */
export function allowedSpans(form: string): Span[] {
  return ALLOWED_WORDS.flatMap((allowed) => findAll(form, allowed.phrase));
}

/**
 * Risky-word hits, left to right. Where hits nest, the longest wins (最高级 over 最高); on the
 * same span the pack entry wins over the user list, as it carries the reason and rule.
 */
export function findRiskWords(title: string, options: WordOptions = {}): WordHit[] {
  const form = matchForm(title);
  const allowed = allowedSpans(form);
  const hits: WordHit[] = [];
  const push = (span: Span, hit: Omit<WordHit, 'start' | 'end' | 'word'>) => {
    if (insideAny(span, allowed)) return;
    hits.push({ ...span, word: title.slice(span.start, span.end), ...hit });
  };

  for (const entry of RISK_WORDS) {
    for (const span of findAll(form, entry.phrase)) {
      push(span, { source: 'pack', severity: entry.severity, category: entry.category, reason: entry.reason, rule: entry.rule });
    }
  }
  for (const brand of options.brands ?? []) {
    if (!brand.trim()) continue;
    for (const span of findAll(form, brand.trim())) {
      const compatible = followsCompatibilityWord(form, span.start);
      push(span, {
        source: 'brand',
        severity: compatible ? 'info' : 'error',
        category: 'infringement',
        reason: compatible ? compatibilityReason(brand.trim()) : brandReason(brand.trim()),
        rule: RULES.trademark57,
      });
    }
  }
  for (const raw of options.userWords ?? []) {
    const user = typeof raw === 'string' ? { phrase: raw } : raw;
    if (!user.phrase.trim()) continue;
    for (const span of findAll(form, user.phrase.trim())) {
      push(span, {
        source: 'user',
        severity: user.severity ?? 'error',
        category: 'user',
        reason: user.reason ?? USER_REASON,
        rule: RULES.userList,
      });
    }
  }
  return dropContained(hits);
}

const riskCache = new Map<string, boolean>();
const RISK_CACHE_LIMIT = 20_000;

/** True when `text` holds a risky pack phrase outside any allow-listed word. Memoised: tokens repeat. */
export function hasRiskPhrase(text: string): boolean {
  const form = matchForm(text);
  const cached = riskCache.get(form);
  if (cached !== undefined) return cached;
  const allowed = allowedSpans(form);
  const risky = RISK_WORDS.some((entry) => findAll(form, entry.phrase).some((span) => !insideAny(span, allowed)));
  if (riskCache.size >= RISK_CACHE_LIMIT) riskCache.clear();
  riskCache.set(form, risky);
  return risky;
}
