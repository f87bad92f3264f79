/**
 * Keyword suggestions from competitor titles, and rewrites of the operator's title.
 *
 * Scoring (weights below, in SCORING):
 * - Each competitor title has a weight from its sales and search rank: more sales and a
 *   better rank weigh more. An unknown figure takes the median of the known ones (unknown is
 *   "typical", not zero); with no figures at all every title weighs the same.
 * - A keyword's base is the weighted share of titles that use it, plus a bonus for its share
 *   among the best sellers (the top quarter by weight).
 * - Bonus when best sellers use it and the operator's title lacks it; penalty when nearly every
 *   title has it (needed, but no differentiation); penalty when no best seller uses it;
 *   marketing words count half (they sell, buyers rarely search them).
 * - Scores are scaled so the strongest keyword is 100.
 * Everything is deterministic: ties break on title count, then code-point order.
 */
import { auditTitle, type AuditOptions, type TitleAudit } from './audit';
import { measureTitle } from './length';
import { matchForm } from './match';
import { tokenizeTitle, type Segmenter } from './segment';
import type { Bilingual, Platform, TitleToken, TokenRole } from './types';
import { hasRiskPhrase } from './words';

export interface CompetitorTitle {
  title: string;
  /** Sales as the page shows them (月销, 已售, 人付款), already parsed to a number. */
  sales?: number;
  /** Position in the search results, 1 = first. */
  rank?: number;
}

export const SCORING = {
  /** Weight of the best-seller share next to the weighted share. */
  bestSellerBonus: 0.5,
  /** Best sellers: this share of titles with the highest weight (at least one). */
  bestSellerShare: 0.25,
  /** Multiplier for keywords best sellers use and the operator's title lacks. */
  missingBonus: 1.25,
  /** A keyword in at least this share of titles is "in nearly every title"… */
  ubiquitousShare: 0.9,
  /** …once there are at least this many titles. */
  ubiquitousMinTitles: 5,
  ubiquitousPenalty: 0.6,
  absentFromBestPenalty: 0.5,
  marketingFactor: 0.5,
  /** A keyword is strong at this score or more and in at least two titles (one when only one is given). */
  strongScore: 35,
  /** Competitor titles listed with a missing keyword. */
  usedByLimit: 3,
  maxRewrites: 3,
} as const;

/** Roles that can be keywords: what buyers search for. Brands never are (another brand's name is an infringement risk). */
const KEYWORD_ROLES: ReadonlySet<TokenRole> = new Set<TokenRole>(['product', 'attribute', 'longtail', 'marketing']);
const BARE_NUMBER = /^[\d.]+$/;

export type KeywordFlag = 'ubiquitous' | 'absentFromBest' | 'missingFromYours';

export interface KeywordScore {
  keyword: string;
  role: TokenRole;
  /** 0–100, the strongest keyword of the corpus is 100. */
  score: number;
  /** Competitor titles that use it. */
  titles: number;
  /** Best sellers that use it (0 when the corpus has no sales or rank figures). */
  bestSellers: number;
  inYourTitle: boolean;
  strong: boolean;
  flags: KeywordFlag[];
  reason: Bilingual;
}

export interface MissingKeyword extends KeywordScore {
  /** Competitor titles using it, highest weight first. */
  usedBy: string[];
}

export interface WeakWord {
  word: string;
  reason: Bilingual;
}

export interface Rewrite {
  title: string;
  length: number;
  limit: number;
  added: string[];
  removed: string[];
  note: Bilingual;
}

export interface SuggestionReport {
  platform: Platform;
  title: string;
  competitorCount: number;
  bestSellerCount: number;
  /** Whether any competitor had sales or rank (otherwise every title weighs the same). */
  weighted: boolean;
  keywords: KeywordScore[];
  covered: KeywordScore[];
  missing: MissingKeyword[];
  weak: WeakWord[];
  rewrites: Rewrite[];
}

export type SuggestOptions = Omit<AuditOptions, 'tokens'>;

// ---------------------------------------------------------------------------------------------
// Weights

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const salesWeight = (sales: number) => 1 + Math.log10(1 + Math.max(0, sales));
const rankWeight = (rank: number) => 1 / (1 + Math.log2(Math.max(1, rank)));

const known = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

export function titleWeights(competitors: readonly CompetitorTitle[]): { weights: number[]; weighted: boolean } {
  const sales = competitors.map((c) => c.sales).filter(known);
  const ranks = competitors.map((c) => c.rank).filter(known);
  const typicalSales = median(sales);
  const typicalRank = median(ranks);
  const weights = competitors.map((c) => {
    const s = known(c.sales) ? c.sales : typicalSales;
    const r = known(c.rank) ? c.rank : typicalRank;
    return (s === undefined ? 1 : salesWeight(s)) * (r === undefined ? 1 : rankWeight(r));
  });
  return { weights, weighted: sales.length + ranks.length > 0 };
}

// ---------------------------------------------------------------------------------------------
// Keyword scores

interface Candidate {
  key: string;
  forms: Map<string, number>;
  role: TokenRole;
  titleIndexes: Set<number>;
}

function isKeyword(token: TitleToken): boolean {
  return KEYWORD_ROLES.has(token.role) && [...token.text].length >= 2 && !BARE_NUMBER.test(token.text) && !hasRiskPhrase(token.text);
}

/** The most used written form of a keyword (ties: code-point order). */
function displayForm(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function keywordReason(k: { titles: number; bestSellers: number; inYourTitle: boolean; flags: KeywordFlag[] }, total: number, best: number): Bilingual {
  const zh = [`出现在 ${k.titles}/${total} 个竞品标题中`];
  const en = [`in ${k.titles} of ${total} competitor titles`];
  if (best > 0) {
    zh.push(`销量靠前的 ${best} 个中有 ${k.bestSellers} 个使用`);
    en.push(`${k.bestSellers} of the ${best} best sellers`);
  }
  if (k.flags.includes('ubiquitous')) {
    zh.push('几乎每个标题都有：必要，但拉不开差距');
    en.push('nearly every title has it: needed, but no edge');
  }
  if (k.flags.includes('absentFromBest')) {
    zh.push('销量靠前的标题都没有用');
    en.push('no best seller uses it');
  }
  zh.push(k.inYourTitle ? '你的标题已包含' : '你的标题没有');
  en.push(k.inYourTitle ? 'your title has it' : 'your title lacks it');
  return { zh: zh.join('；'), en: en.join('; ') };
}

function scoreKeywords(
  operatorTitle: string,
  competitorTokens: readonly TitleToken[][],
  weights: readonly number[],
  weighted: boolean,
): { keywords: KeywordScore[]; candidates: Map<string, Candidate>; bestIndexes: Set<number> } {
  const total = competitorTokens.length;
  const candidates = new Map<string, Candidate>();
  competitorTokens.forEach((tokens, index) => {
    for (const token of tokens) {
      if (!isKeyword(token)) continue;
      const key = matchForm(token.text);
      const candidate = candidates.get(key) ?? { key, forms: new Map(), role: token.role, titleIndexes: new Set() };
      candidate.forms.set(token.text, (candidate.forms.get(token.text) ?? 0) + 1);
      candidate.titleIndexes.add(index);
      candidates.set(key, candidate);
    }
  });

  const order = weights.map((weight, index) => ({ weight, index })).sort((a, b) => b.weight - a.weight || a.index - b.index);
  const bestCount = weighted ? Math.max(1, Math.ceil(total * SCORING.bestSellerShare)) : 0;
  const bestIndexes = new Set(order.slice(0, bestCount).map((entry) => entry.index));
  const weightSum = weights.reduce((sum, w) => sum + w, 0) || 1;
  const operatorForm = matchForm(operatorTitle);

  const raw = [...candidates.values()].map((candidate) => {
    const indexes = [...candidate.titleIndexes];
    const titles = indexes.length;
    const weightedShare = indexes.reduce((sum, i) => sum + weights[i]!, 0) / weightSum;
    const bestSellers = indexes.filter((i) => bestIndexes.has(i)).length;
    const bestShare = bestCount ? bestSellers / bestCount : 0;
    const inYourTitle = operatorForm.includes(candidate.key);
    const flags: KeywordFlag[] = [];
    let value = weightedShare + SCORING.bestSellerBonus * bestShare;
    if (!inYourTitle && bestSellers > 0) {
      value *= SCORING.missingBonus;
      flags.push('missingFromYours');
    }
    if (total >= SCORING.ubiquitousMinTitles && titles / total >= SCORING.ubiquitousShare) {
      value *= SCORING.ubiquitousPenalty;
      flags.push('ubiquitous');
    }
    if (bestCount && bestSellers === 0) {
      value *= SCORING.absentFromBestPenalty;
      flags.push('absentFromBest');
    }
    if (candidate.role === 'marketing') value *= SCORING.marketingFactor;
    return { candidate, titles, bestSellers, inYourTitle, flags, value };
  });

  const top = Math.max(0, ...raw.map((r) => r.value)) || 1;
  const minTitles = Math.min(2, total);
  const keywords = raw
    .map((r): KeywordScore => {
      const score = Math.round((1000 * r.value) / top) / 10;
      const keyword = displayForm(r.candidate.forms);
      return {
        keyword,
        role: r.candidate.role,
        score,
        titles: r.titles,
        bestSellers: r.bestSellers,
        inYourTitle: r.inYourTitle,
        strong: score >= SCORING.strongScore && r.titles >= minTitles,
        flags: r.flags,
        reason: keywordReason(r, total, bestCount),
      };
    })
    .sort((a, b) => b.score - a.score || b.titles - a.titles || compareText(matchForm(a.keyword), matchForm(b.keyword)));
  return { keywords, candidates, bestIndexes };
}

// ---------------------------------------------------------------------------------------------
// The operator's title: weak words

const WEAK_ROLES: ReadonlySet<TokenRole> = new Set<TokenRole>(['attribute', 'longtail', 'marketing']);

function weakWords(audit: TitleAudit, tokens: readonly TitleToken[], keywords: readonly KeywordScore[]): WeakWord[] {
  const byKey = new Map(keywords.map((k) => [matchForm(k.keyword), k]));
  const weak: WeakWord[] = [];
  const seen = new Set<string>();
  const risky = audit.findings.filter((f) => f.rule.startsWith('word.') && f.severity !== 'info' && f.word);
  for (const finding of risky) {
    const key = matchForm(finding.word!);
    if (seen.has(key)) continue;
    seen.add(key);
    weak.push({
      word: finding.word!,
      reason: {
        zh: `风险词（${finding.severity === 'error' ? '禁用' : '需谨慎'}）：${finding.message.zh}`,
        en: `Risky word (${finding.severity === 'error' ? 'forbidden' : 'caution'}): ${finding.message.en}`,
      },
    });
  }
  for (const token of tokens) {
    const key = matchForm(token.text);
    if (seen.has(key) || !WEAK_ROLES.has(token.role) || [...token.text].length < 2 || BARE_NUMBER.test(token.text)) continue;
    if (token.role === 'attribute' && /\d/.test(token.text)) continue; // specs are facts, not keywords
    const keyword = byKey.get(key);
    if (!keyword) {
      seen.add(key);
      weak.push({
        word: token.text,
        reason: { zh: '没有竞品标题使用这个词：买家可能不搜它。', en: 'No competitor title uses it: buyers may not search for it.' },
      });
    } else if (keyword.flags.includes('absentFromBest') && !keyword.strong) {
      seen.add(key);
      weak.push({
        word: token.text,
        reason: {
          zh: `只有销量靠后的竞品使用（${keyword.titles} 个标题）：换成销量靠前标题里的词。`,
          en: `Only weaker sellers use it (${keyword.titles} titles): swap it for a best seller’s word.`,
        },
      });
    }
  }
  return weak;
}

// ---------------------------------------------------------------------------------------------
// Rewrites

const LATIN_EDGE_END = /[A-Za-z0-9]$/;
const LATIN_EDGE_START = /^[A-Za-z0-9]/;

/** Joins words the way the operator's title does: with spaces if it uses them between words. */
function joinWords(words: readonly string[], spaced: boolean): string {
  let out = '';
  for (const word of words) {
    if (!out) out = word;
    else if (spaced || (LATIN_EDGE_END.test(out) && LATIN_EDGE_START.test(word))) out += ` ${word}`;
    else out += word;
  }
  return out;
}

interface RewriteContext {
  title: string;
  tokens: readonly TitleToken[];
  options: SuggestOptions;
  segmenter: Segmenter;
  spaced: boolean;
}

/** Removes the given spans from the title; spaces left behind collapse, Latin words stay apart. */
function removeWords(title: string, spans: readonly { start: number; end: number }[]): string {
  const merged: { start: number; end: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let out = title;
  for (const span of merged.reverse()) {
    const before = out.slice(0, span.start);
    const after = out.slice(span.end);
    out = before + (LATIN_EDGE_END.test(before) && LATIN_EDGE_START.test(after) ? ' ' : '') + after;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

function auditRewrite(candidate: string, ctx: RewriteContext): TitleAudit {
  const protect = [...(ctx.options.brands ?? []), ...(ctx.options.ownBrands ?? [])];
  return auditTitle(candidate, { ...ctx.options, tokens: ctx.segmenter.cut(candidate, { protect }) });
}

const warningKeys = (audit: TitleAudit) =>
  new Set(audit.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}|${matchForm(f.word ?? '')}`));

/**
 * Adds words to a base title one at a time, in order, keeping each only if the title still
 * fits and the audit shows no new error or warning.
 */
function addWhileFits(base: string, words: readonly string[], ctx: RewriteContext, append: (title: string, word: string) => string): { title: string; added: string[] } {
  let title = base;
  const added: string[] = [];
  let baseline = warningKeys(auditRewrite(title, ctx));
  for (const word of words) {
    const next = append(title, word);
    if (measureTitle(next, ctx.options).overLimit) continue;
    const audit = auditRewrite(next, ctx);
    const keys = warningKeys(audit);
    if (!audit.passes || [...keys].some((key) => !baseline.has(key))) continue;
    title = next;
    added.push(word);
    baseline = keys;
  }
  return { title, added };
}

/** Drops the least valuable word (never a product word or brand; the later one among equals) until the title fits. */
function shortenToFit(title: string, ctx: RewriteContext, value: (token: TitleToken) => number): { title: string; removed: string[] } | null {
  let current = title;
  const removed: string[] = [];
  for (let guard = 0; guard < 50 && measureTitle(current, ctx.options).overLimit; guard++) {
    const tokens = tokenizeTitle(ctx.segmenter, current, ctx.options).filter((t) => t.role !== 'product' && t.role !== 'brand');
    if (tokens.length === 0) return null;
    const victim = [...tokens].sort((a, b) => value(a) - value(b) || b.start - a.start)[0]!;
    removed.push(victim.text);
    current = removeWords(current, [victim]);
  }
  return measureTitle(current, ctx.options).overLimit ? null : { title: current, removed };
}

function buildRewrites(ctx: RewriteContext, audit: TitleAudit, missing: readonly MissingKeyword[], weak: readonly WeakWord[], keywords: readonly KeywordScore[]): Rewrite[] {
  const scoreOf = new Map(keywords.map((k) => [matchForm(k.keyword), k.score]));
  const value = (token: TitleToken) => scoreOf.get(matchForm(token.text)) ?? 0;
  const errorSpans = audit.findings.filter((f) => f.severity === 'error' && f.start !== undefined && f.end !== undefined && f.rule !== 'length.over');
  const weakKeys = new Set(weak.map((w) => matchForm(w.word)));
  const weakSpans = ctx.tokens.filter((t) => weakKeys.has(matchForm(t.text)));
  const riskySpans = audit.findings.filter((f) => f.rule.startsWith('word.') && f.severity === 'warning' && f.start !== undefined && f.end !== undefined);
  const additions = missing.map((m) => m.keyword);
  const appendWord = (title: string, word: string) => joinWords([title, word], ctx.spaced);
  const limit = measureTitle(ctx.title, ctx.options).limit;
  const results: Rewrite[] = [];

  const finish = (base: string, removedBefore: string[], note: Bilingual, words: readonly string[]) => {
    let start = base;
    const removed = [...removedBefore];
    if (measureTitle(start, ctx.options).overLimit) {
      const shortened = shortenToFit(start, ctx, value);
      if (!shortened) return;
      start = shortened.title;
      removed.push(...shortened.removed);
    }
    const { title, added } = addWhileFits(start, words, ctx, appendWord);
    if (!title || title === ctx.title) return;
    const check = auditRewrite(title, ctx);
    if (!check.passes || check.overLimit) return;
    if (results.some((r) => r.title === title)) return;
    results.push({ title, length: check.length, limit, added, removed: [...new Set(removed)], note });
  };

  const spanText = (spans: readonly { start?: number; end?: number }[]) => spans.map((s) => ctx.title.slice(s.start, s.end));
  const asSpans = (spans: readonly { start?: number; end?: number }[]) => spans.map((s) => ({ start: s.start!, end: s.end! }));

  // 1. Keep the title, fix what the audit forbids, add missing strong words at the end.
  finish(
    removeWords(ctx.title, asSpans(errorSpans)),
    spanText(errorSpans),
    { zh: '保留原标题，去掉禁用内容，在末尾补上缺少的强词。', en: 'Your title kept, forbidden parts removed, missing strong words added at the end.' },
    additions,
  );

  // 2. Also drop weak and risky words to make room for more strong ones.
  const dropSpans = [...asSpans(errorSpans), ...asSpans(riskySpans), ...weakSpans.map((t) => ({ start: t.start, end: t.end }))];
  finish(
    removeWords(ctx.title, dropSpans),
    [...spanText(errorSpans), ...spanText(riskySpans), ...weakSpans.map((t) => t.text)],
    { zh: '去掉弱词和需谨慎的词，腾出位置放更多强词。', en: 'Weak and risky words dropped to make room for more strong words.' },
    additions,
  );

  // 3. Strong words first: brand, then the strongest words (kept and added), then the rest.
  const dropped = new Set([...weakKeys, ...[...errorSpans, ...riskySpans].map((f) => matchForm(ctx.title.slice(f.start, f.end)))]);
  const kept = ctx.tokens.filter((t) => !dropped.has(matchForm(t.text)) && !errorSpans.some((f) => f.start! <= t.start && t.end <= f.end!));
  const brands = kept.filter((t) => t.role === 'brand').map((t) => t.text);
  const strongKept = kept
    .filter((t) => t.role !== 'brand' && value(t) >= SCORING.strongScore)
    .sort((a, b) => value(b) - value(a) || a.start - b.start)
    .map((t) => t.text);
  const rest = kept.filter((t) => t.role !== 'brand' && value(t) < SCORING.strongScore).map((t) => t.text);
  const uniq = (words: string[]) => words.filter((w, i) => words.findIndex((x) => matchForm(x) === matchForm(w)) === i);
  const leadWords = uniq([...brands, ...strongKept]);
  const restWords = uniq(rest).filter((w) => !leadWords.some((l) => matchForm(l) === matchForm(w)));
  // Added words go right after the strong ones; what no longer fits falls off the end.
  const leadTitle = joinWords(leadWords, ctx.spaced);
  const withAdded = addWhileFits(leadTitle, additions, ctx, appendWord);
  const reordered = addWhileFits(withAdded.title, restWords, ctx, appendWord);
  const droppedRest = restWords.filter((w) => !reordered.added.includes(w));
  if (reordered.title && reordered.title !== ctx.title) {
    const check = auditRewrite(reordered.title, ctx);
    if (check.passes && !check.overLimit && !results.some((r) => r.title === reordered.title)) {
      results.push({
        title: reordered.title,
        length: check.length,
        limit,
        added: withAdded.added,
        removed: uniq([...spanText(errorSpans), ...spanText(riskySpans), ...weakSpans.map((t) => t.text), ...droppedRest]),
        note: { zh: '品牌和最强的词放在前面，其后是补上的词和其余的词。', en: 'Brand and strongest words first, then the added words and the rest.' },
      });
    }
  }
  return results.slice(0, SCORING.maxRewrites);
}

// ---------------------------------------------------------------------------------------------

export function suggestKeywords(
  operatorTitle: string,
  competitors: readonly CompetitorTitle[],
  segmenter: Segmenter,
  options: SuggestOptions,
): SuggestionReport {
  const usable = competitors.filter((c) => c.title.trim());
  const { weights, weighted } = titleWeights(usable);
  const competitorTokens = usable.map((c) => tokenizeTitle(segmenter, c.title, options));
  const { keywords, bestIndexes } = scoreKeywords(operatorTitle, competitorTokens, weights, weighted);

  const protect = [...(options.brands ?? []), ...(options.ownBrands ?? [])];
  const pieces = segmenter.cut(operatorTitle, { protect });
  const audit = auditTitle(operatorTitle, { ...options, tokens: pieces });
  const tokens = audit.tokens;

  const byWeight = usable.map((c, index) => ({ title: c.title, weight: weights[index]!, index })).sort((a, b) => b.weight - a.weight || a.index - b.index);
  const covered = keywords.filter((k) => k.strong && k.inYourTitle);
  const missing: MissingKeyword[] = keywords
    .filter((k) => k.strong && !k.inYourTitle)
    .map((k) => ({
      ...k,
      usedBy: byWeight.filter((c) => matchForm(c.title).includes(matchForm(k.keyword))).slice(0, SCORING.usedByLimit).map((c) => c.title),
    }));
  const weak = weakWords(audit, tokens, keywords);
  const spaced = /[^\sA-Za-z0-9] +[^\sA-Za-z0-9]/.test(operatorTitle.trim());
  const rewrites = operatorTitle.trim()
    ? buildRewrites({ title: operatorTitle, tokens, options, segmenter, spaced }, audit, missing, weak, keywords)
    : [];

  return {
    platform: options.platform,
    title: operatorTitle,
    competitorCount: usable.length,
    bestSellerCount: bestIndexes.size,
    weighted,
    keywords,
    covered,
    missing,
    weak,
    rewrites,
  };
}
