/**
 * The title audit: length against the platform limit, risky words, and structure (repeats,
 * stuffing, rejected symbols, spaces, all-caps noise).
 *
 * Pure and free of jieba, so the listing-editor content script can run it on every keystroke
 * (debounced). Tokens from a Segmenter are optional: with them the structure checks use real
 * words and the result carries token roles; without them the checks fall back to the
 * e-commerce dictionary.
 */
import { ECOMMERCE_DICT, PRODUCT_HEADS } from './dict/ecommerce';
import { measureTitle, type LengthOptions, type TitleLength } from './length';
import { matchForm } from './match';
import { WELL_KNOWN_BRANDS } from './packs/brands';
import { UNUSED_ROOM_SHARE } from './packs/limits';
import { ACRONYMS } from './packs/latin';
import { RULES } from './packs/rules';
import { EMOJI_JOINERS, EMOJI_PRESENTATION, SYMBOL_CLASSES, type SymbolClass } from './packs/symbols';
import type { WordCategory } from './packs/types';
import { roleOf, tagTokens } from './roles';
import { SEVERITIES, type Bilingual, type Piece, type Platform, type Severity, type TitleToken } from './types';
import { findRiskWords, type UserWord, type WordHit } from './words';

/** What a finding is about; `word.<category>` for the risk pack. */
export type FindingRule =
  | 'title.empty'
  | 'length.over'
  | 'length.unused'
  | `word.${WordCategory}`
  | 'word.user'
  | 'word.brand'
  | 'structure.repeated'
  | 'structure.stuffing'
  | 'structure.root'
  | 'structure.symbol'
  | 'structure.space'
  | 'structure.caps';

export interface TitleFinding {
  rule: FindingRule;
  severity: Severity;
  /** The text concerned, as written in the title. */
  word?: string;
  /** UTF-16 indexes into the title. */
  start?: number;
  end?: number;
  message: Bilingual;
  /** The law or platform rule behind the finding. */
  basis: Bilingual;
}

export interface AuditOptions extends LengthOptions {
  /** The operator's own forbidden words. */
  userWords?: readonly (string | UserWord)[];
  /** Other brands' names (competitors): flagged as infringement risk, tokens get role brand. */
  brands?: readonly string[];
  /** The operator's own brands: role brand, never flagged. */
  ownBrands?: readonly string[];
  /** Pieces from a Segmenter (segment.ts); optional so the audit runs without jieba. */
  tokens?: readonly Piece[];
}

export interface TitleAudit extends TitleLength {
  platform: Platform;
  title: string;
  /** Sorted: errors first, then by position. */
  findings: TitleFinding[];
  /** Content tokens with roles; empty when no tokens were given. */
  tokens: TitleToken[];
  counts: Record<Severity, number>;
  /** No error findings: the title can be published. */
  passes: boolean;
}

// ---------------------------------------------------------------------------------------------
// Risky words

function wordFinding(hit: WordHit): TitleFinding {
  const rule: FindingRule = hit.source === 'brand' ? 'word.brand' : hit.source === 'user' ? 'word.user' : `word.${hit.category as WordCategory}`;
  return {
    rule,
    severity: hit.severity,
    word: hit.word,
    start: hit.start,
    end: hit.end,
    message: { zh: `“${hit.word}”：${hit.reason.zh}`, en: `“${hit.word}”: ${hit.reason.en}` },
    basis: hit.rule,
  };
}

// ---------------------------------------------------------------------------------------------
// Length

function lengthFindings(title: string, length: TitleLength): TitleFinding[] {
  if (length.overLimit) {
    const over = -length.roomLeft;
    const cut = length.cutAt ?? title.length;
    const lost = title.slice(cut);
    return [
      {
        rule: 'length.over',
        severity: 'error',
        word: lost,
        start: cut,
        end: title.length,
        message: {
          zh: `标题长度 ${length.length}/${length.limit}，超出 ${over}：从“${lost}”起放不下，发布页会拒绝或截断。`,
          en: `Title length ${length.length}/${length.limit}, ${over} over: “${lost}” does not fit; the publish page rejects or cuts it.`,
        },
        basis: RULES.platformLength,
      },
    ];
  }
  if (length.roomLeft > length.limit * UNUSED_ROOM_SHARE) {
    return [
      {
        rule: 'length.unused',
        severity: 'info',
        message: {
          zh: `标题只用了 ${length.length}/${length.limit}：还剩 ${length.roomLeft} 个字符，可以加入买家会搜的词。`,
          en: `The title uses ${length.length} of ${length.limit}: ${length.roomLeft} units are left for words buyers search for.`,
        },
        basis: RULES.searchPractice,
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Structure: words, repeats, stuffing, roots

interface WordAt extends Piece {
  product: boolean;
}

/** Dictionary words (two characters or more) by first character, longest first. */
const DICT_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of Object.values(ECOMMERCE_DICT)) {
    for (const word of group.words) {
      const form = matchForm(word);
      if (form.length < 2) continue;
      const list = map.get(form[0]!) ?? [];
      list.push(form);
      map.set(form[0]!, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** Without a segmenter: greedy longest match of dictionary words, left to right. */
function dictionaryWordsIn(title: string): Piece[] {
  const form = matchForm(title);
  const pieces: Piece[] = [];
  let at = 0;
  while (at < form.length) {
    const word = DICT_BY_FIRST.get(form[at]!)?.find((candidate) => form.startsWith(candidate, at));
    if (word) {
      pieces.push({ text: title.slice(at, at + word.length), start: at, end: at + word.length });
      at += word.length;
    } else {
      at++;
    }
  }
  return pieces;
}

const NUMERIC = /^[\d.%\-~]+$/;

/** Words that count for repeats and stuffing: content words of two characters or more, not bare numbers. */
function structureWords(title: string, tokens: readonly TitleToken[] | null, options: AuditOptions): WordAt[] {
  const words: WordAt[] = [];
  for (const piece of tokens ?? dictionaryWordsIn(title)) {
    if ([...piece.text].length < 2 || NUMERIC.test(piece.text)) continue;
    const role = 'role' in piece ? (piece as TitleToken).role : roleOf(piece.text, options);
    if (role === 'other') continue;
    words.push({ text: piece.text, start: piece.start, end: piece.end, product: role === 'product' });
  }
  return words;
}

/** Dictionary words (two characters or more) inside a word, including the word itself when listed. */
function dictionaryRoots(form: string): string[] {
  const roots: string[] = [];
  for (let i = 0; i < form.length; i++) {
    for (const candidate of DICT_BY_FIRST.get(form[i]!) ?? []) {
      if (candidate !== form && form.startsWith(candidate, i)) roots.push(candidate);
    }
  }
  return roots;
}

function repeatFindings(words: readonly WordAt[]): TitleFinding[] {
  const findings: TitleFinding[] = [];
  const byText = new Map<string, WordAt[]>();
  for (const word of words) {
    const key = matchForm(word.text);
    byText.set(key, [...(byText.get(key) ?? []), word]);
  }
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const second = group[1]!;
    const times = group.length;
    if (times === 2) {
      findings.push({
        rule: 'structure.repeated',
        severity: 'info',
        word: second.text,
        start: second.start,
        end: second.end,
        message: {
          zh: `“${second.text}”出现了 2 次：重复的词不会增加搜索权重，只占用字数。`,
          en: `“${second.text}” appears twice: a repeated word adds no search weight, only length.`,
        },
        basis: RULES.searchPractice,
      });
    } else {
      findings.push({
        rule: 'structure.stuffing',
        severity: 'warning',
        word: second.text,
        start: second.start,
        end: second.end,
        message: {
          zh: `“${second.text}”出现了 ${times} 次：平台会按关键词堆砌处理。`,
          en: `“${second.text}” appears ${times} times: platforms treat this as keyword stuffing.`,
        },
        basis: RULES.platformSpam,
      });
    }
  }

  // Shared roots: different words built on the same root (连衣裙 长裙 半身裙 → 裙;
  // 保温杯 保温壶 保温袋 → 保温). Same-word repeats are reported above.
  const rootWords = new Map<string, WordAt[]>();
  for (const word of words) {
    const form = matchForm(word.text);
    const roots = new Set(dictionaryRoots(form));
    const head = form[form.length - 1]!;
    if (word.product && PRODUCT_HEADS.includes(head)) roots.add(head);
    for (const root of roots) rootWords.set(root, [...(rootWords.get(root) ?? []), word]);
  }
  for (const [root, group] of rootWords) {
    const distinct = new Set(group.map((word) => matchForm(word.text)));
    if (group.length <= 2 || distinct.size < 2) continue;
    const third = group[2]!;
    findings.push({
      rule: 'structure.root',
      severity: 'info',
      word: root,
      start: third.start,
      end: third.end,
      message: {
        zh: `“${root}”出现在 ${group.length} 个词里（${[...distinct].join('、')}）：同义词能覆盖更多搜索，但每多一个都占字数，保留买家真正会搜的。`,
        en: `“${root}” is in ${group.length} words (${[...distinct].join(', ')}): synonyms reach more searches, but each one costs room; keep the ones buyers search for.`,
      },
      basis: RULES.platformSpam,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Structure: characters

function symbolClass(char: string): SymbolClass | undefined {
  return SYMBOL_CLASSES.find((symbol) => symbol.pattern.test(char));
}

/** Classes a joiner (variation selector, ZWJ, skin tone) attaches to rather than standing alone. */
const JOINABLE: ReadonlySet<SymbolClass['id']> = new Set(['emoji', 'decorative', 'trademark']);
const EMOJI_CLASS = SYMBOL_CLASSES.find((symbol) => symbol.id === 'emoji')!;

function symbolFindings(title: string): TitleFinding[] {
  const runs: { symbol: SymbolClass; start: number; end: number }[] = [];
  let index = 0;
  for (const char of title) {
    const last = runs[runs.length - 1];
    const adjacent = last !== undefined && last.end === index;
    if (adjacent && JOINABLE.has(last.symbol.id) && EMOJI_JOINERS.test(char)) {
      last.end = index + char.length;
      if (char === EMOJI_PRESENTATION) last.symbol = EMOJI_CLASS;
    } else {
      const symbol = symbolClass(char);
      if (symbol) {
        if (adjacent && last.symbol === symbol) last.end = index + char.length;
        else runs.push({ symbol, start: index, end: index + char.length });
      }
    }
    index += char.length;
  }
  return runs.map(({ symbol, start, end }) => {
    const text = title.slice(start, end);
    const shown = symbol.id === 'invisible' ? `U+${text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : text;
    return {
      rule: 'structure.symbol',
      severity: symbol.severity,
      word: text,
      start,
      end,
      message: { zh: `“${shown}”：${symbol.reason.zh}`, en: `“${shown}”: ${symbol.reason.en}` },
      basis: symbol.rule,
    };
  });
}

function spaceFindings(title: string): TitleFinding[] {
  const findings: TitleFinding[] = [];
  const leading = /^[ \u3000]+/.exec(title);
  const trailing = /[ \u3000]+$/.exec(title);
  const edgeMessage = {
    zh: '标题首尾有空格：它们占用字数，有的编辑器会保留在搜索结果里。',
    en: 'Spaces at the start or end of the title use room, and some editors keep them in search results.',
  };
  if (leading) {
    findings.push({ rule: 'structure.space', severity: 'warning', word: leading[0], start: 0, end: leading[0].length, message: edgeMessage, basis: RULES.searchPractice });
  }
  if (trailing && trailing.index > 0) {
    findings.push({ rule: 'structure.space', severity: 'warning', word: trailing[0], start: trailing.index, end: title.length, message: edgeMessage, basis: RULES.searchPractice });
  }
  const inner = leading ? leading[0].length : 0;
  const innerEnd = trailing && trailing.index > 0 ? trailing.index : title.length;
  for (const match of title.slice(inner, innerEnd).matchAll(/[ \u3000]{2,}/g)) {
    const start = inner + match.index;
    findings.push({
      rule: 'structure.space',
      severity: 'info',
      word: match[0],
      start,
      end: start + match[0].length,
      message: {
        zh: '连续空格：一个空格就能分隔词语，多余的占用字数。',
        en: 'Double space: one space separates words; the rest only uses room.',
      },
      basis: RULES.searchPractice,
    });
  }
  return findings;
}

const ACRONYM_SET: ReadonlySet<string> = new Set(ACRONYMS);
const BRAND_FORMS: ReadonlySet<string> = new Set(WELL_KNOWN_BRANDS.map(matchForm));

function capsFindings(title: string, options: AuditOptions, wordHits: readonly WordHit[]): TitleFinding[] {
  const brands = new Set([...(options.brands ?? []), ...(options.ownBrands ?? [])].map((b) => matchForm(b.trim())));
  const findings: TitleFinding[] = [];
  for (const match of title.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    if (!/^[A-Z]{3,}$/.test(word)) continue; // mixed case, digits (models) or short
    if (ACRONYM_SET.has(word) || BRAND_FORMS.has(matchForm(word)) || brands.has(matchForm(word))) continue;
    if (wordHits.some((hit) => hit.start <= start && end <= hit.end)) continue; // already a risky word
    findings.push({
      rule: 'structure.caps',
      severity: 'info',
      word,
      start,
      end,
      message: {
        zh: `“${word}”：大写英文词在中文搜索中几乎没人搜，只占用字数。`,
        en: `“${word}”: an all-caps English word is almost never searched on a Chinese platform; it only uses room.`,
      },
      basis: RULES.searchPractice,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: TitleFinding[]): TitleFinding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.start ?? -1) - (b.start ?? -1) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

function countBySeverity(findings: readonly TitleFinding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function auditTitle(title: string, options: AuditOptions): TitleAudit {
  const length = measureTitle(title, options);
  const tokens = options.tokens ? tagTokens(options.tokens, options) : [];
  const findings: TitleFinding[] = [];

  if (!title.trim()) {
    findings.push({
      rule: 'title.empty',
      severity: 'error',
      message: { zh: '标题是空的。', en: 'The title is empty.' },
      basis: RULES.platformLength,
    });
  } else {
    const hits = findRiskWords(title, options);
    findings.push(
      ...lengthFindings(title, length),
      ...hits.map(wordFinding),
      ...repeatFindings(structureWords(title, options.tokens ? tokens : null, options)),
      ...symbolFindings(title),
      ...spaceFindings(title),
      ...capsFindings(title, options, hits),
    );
  }

  const sorted = sortFindings(findings);
  const counts = countBySeverity(sorted);
  return { platform: options.platform, title, ...length, findings: sorted, tokens, counts, passes: counts.error === 0 };
}
