/**
 * Title segmentation: one `Segmenter` interface over jieba-wasm (jieba-rs), whichever build
 * loaded it. This module never imports jieba itself:
 * - ./segment-node.ts loads the Node build (tests, command line), synchronously;
 * - ./segment-web.ts loads the web build in the side panel, asynchronously, on first use.
 * Never import either from a content script: jieba is 4 MB of WebAssembly.
 *
 * Before jieba runs, protected spans are cut out and kept whole: brand names (the caller's
 * and the well-known pack), dictionary words with Latin letters (T恤, Type-C) and specs with
 * units (500ml, 1.5米, 100%). jieba sees only the text
 * between them, with the e-commerce dictionary (./dict/ecommerce.ts) added once per jieba
 * instance.
 */
import { ECOMMERCE_DICT, SPEC_PATTERN } from './dict/ecommerce';
import { ALLOWED_WORDS } from './packs/allow-words';
import { WELL_KNOWN_BRANDS } from './packs/brands';
import { RISK_WORDS } from './packs/risk-words';
import { dropContained, matchForm, phraseRegExp, spansOf, type Span } from './match';
import { tagTokens, type RoleOptions } from './roles';
import type { Piece, TitleToken } from './types';

/** The part of jieba-wasm's API ShopLens uses; the Node and web builds both provide it. */
export interface JiebaApi {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

export interface CutOptions {
  /** Extra phrases to keep whole (the caller's brand names). */
  protect?: readonly string[];
}

export interface Segmenter {
  /** Pieces covering the whole text in order, separators included; offsets are UTF-16 indexes. */
  cut(text: string, options?: CutOptions): Piece[];
}

export type SegmenterLoader = () => Promise<Segmenter>;

export interface SegmenterOptions {
  /**
   * jieba's HMM guesses words it does not know. Off by default: on titles it glues product
   * words to their neighbours (阔腿裤女 → 裤女) more often than it finds a real word, and an
   * unknown run left as single characters never becomes a bogus keyword.
   */
  hmm?: boolean;
}

const HAS_LATIN = /[A-Za-z]/;

/**
 * Words added to jieba: dictionary words, risky phrases and allow-listed words (so a flagged
 * phrase is one token the panel can highlight), when longer than one character and free of
 * Latin letters.
 */
export function dictionaryWords(): string[] {
  const words = [
    ...Object.values(ECOMMERCE_DICT).flatMap((group) => group.words),
    ...RISK_WORDS.map((entry) => entry.phrase),
    ...ALLOWED_WORDS.map((entry) => entry.phrase),
  ];
  return [...new Set(words.filter((word) => [...word].length > 1 && !HAS_LATIN.test(word)))];
}

/** Dictionary words with Latin letters (T恤, Type-C): kept whole before jieba, any case. */
export const LATIN_DICTIONARY_WORDS: readonly string[] = Object.values(ECOMMERCE_DICT).flatMap((group) =>
  group.words.filter((word) => HAS_LATIN.test(word)),
);

/**
 * jieba's `add_word` without a frequency picks one just high enough for the word to come out
 * whole on its own, which is often not enough next to other words (静音速干 → 静/音速/干,
 * 曲奇饼干 → 曲奇饼/干). Our words get at least this frequency. Chosen on the labelled titles
 * (./labelled-titles.ts): 1000–5000 keep every labelled word whole; from 10000 on, our words
 * start to beat the general dictionary where they should not (阔腿/裤子 instead of 阔腿裤).
 */
export const MIN_WORD_FREQUENCY = 2000;

// jieba keeps one global dictionary per loaded module: add ours once per module.
const prepared = new WeakSet<object>();

function prepare(jieba: JiebaApi): void {
  if (prepared.has(jieba)) return;
  for (const word of dictionaryWords()) {
    const suggested = jieba.add_word(word);
    if (suggested < MIN_WORD_FREQUENCY) jieba.add_word(word, MIN_WORD_FREQUENCY);
  }
  prepared.add(jieba);
}

const PACK_PROTECTED = phraseRegExp([...WELL_KNOWN_BRANDS, ...LATIN_DICTIONARY_WORDS]);
let extraCache: { key: string; pattern: RegExp | null } = { key: '', pattern: null };

function extraPattern(extra: readonly string[]): RegExp | null {
  const usable = extra.filter((phrase) => [...phrase.trim()].length >= 2);
  const key = usable.join('\u0000');
  if (key !== extraCache.key) extraCache = { key, pattern: phraseRegExp(usable) };
  return extraCache.pattern;
}

/** Spans jieba must not split: brand names, Latin dictionary words and specs with units. */
export function protectedSpans(text: string, extra: readonly string[] = []): Span[] {
  const form = matchForm(text);
  const spans: Span[] = [...spansOf(form, extraPattern(extra)), ...spansOf(form, PACK_PROTECTED)];
  for (const match of text.matchAll(SPEC_PATTERN)) {
    if (match[0]) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  // Nested spans keep the longest; partial overlaps keep the one that starts first.
  const kept: Span[] = [];
  for (const span of dropContained(spans)) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}

export function createSegmenter(jieba: JiebaApi, options: SegmenterOptions = {}): Segmenter {
  prepare(jieba);
  const hmm = options.hmm ?? false;

  const cutGap = (text: string, offset: number, out: Piece[]) => {
    if (!text) return;
    let at = offset;
    for (const word of jieba.cut(text, hmm)) {
      // jieba returns the words of the text in order; offsets are counted in UTF-16 units here
      // because jieba's own are in code points.
      out.push({ text: word, start: at, end: at + word.length });
      at += word.length;
    }
  };

  return {
    cut(text, cutOptions = {}) {
      const pieces: Piece[] = [];
      let at = 0;
      for (const span of protectedSpans(text, cutOptions.protect)) {
        cutGap(text.slice(at, span.start), at, pieces);
        pieces.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end });
        at = span.end;
      }
      cutGap(text.slice(at), at, pieces);
      return pieces;
    },
  };
}

/** Segments a title and gives every token its role; the caller's brands stay whole. */
export function tokenizeTitle(segmenter: Segmenter, title: string, options: RoleOptions = {}): TitleToken[] {
  const protect = [...(options.brands ?? []), ...(options.ownBrands ?? [])];
  return tagTokens(segmenter.cut(title, { protect }), options);
}
