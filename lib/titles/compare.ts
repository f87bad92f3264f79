/**
 * Segmenter comparison for the benchmark: how many of the labelled domain words
 * (./labelled-titles.ts) a segmentation returns as whole tokens, and how often two
 * segmentations place word boundaries in the same places. Measures quality only; timing is
 * the benchmark command's job, never a test's.
 */
import { LABELLED_TITLES, type LabelledTitle, type TitleCategory } from './labelled-titles';
import { matchForm } from './match';
import type { Segmenter } from './segment';

/** Any segmentation: the words of a text, in order, covering it. */
export type SegmentFn = (text: string) => string[];

/** The browser's built-in word segmentation (ICU), the baseline jieba is compared with. */
export function intlSegment(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((part) => part.segment);
}

export function jiebaSegment(segmenter: Segmenter): SegmentFn {
  return (text) => segmenter.cut(text).map((piece) => piece.text);
}

export interface WordAgreement {
  /** found / total, 0–1. */
  score: number;
  found: number;
  total: number;
  byCategory: Partial<Record<TitleCategory, { found: number; total: number }>>;
  /** Labelled words the segmentation split, with the tokens it gave. */
  missed: { title: string; word: string; tokens: string[] }[];
}

/** Share of labelled words that come out as whole tokens (Latin compared case-insensitively). */
export function wordAgreement(segment: SegmentFn, set: readonly LabelledTitle[] = LABELLED_TITLES): WordAgreement {
  let found = 0;
  let total = 0;
  const byCategory: WordAgreement['byCategory'] = {};
  const missed: WordAgreement['missed'] = [];
  for (const labelled of set) {
    const tokens = segment(labelled.title);
    const forms = new Set(tokens.map(matchForm));
    const tally = (byCategory[labelled.category] ??= { found: 0, total: 0 });
    for (const word of labelled.words) {
      total++;
      tally.total++;
      if (forms.has(matchForm(word))) {
        found++;
        tally.found++;
      } else {
        missed.push({ title: labelled.title, word, tokens });
      }
    }
  }
  return { score: total ? found / total : 0, found, total, byCategory, missed };
}

/** Inner word-boundary offsets of a segmentation (UTF-16 indexes). */
function boundaries(words: readonly string[]): Set<number> {
  const set = new Set<number>();
  let at = 0;
  for (const word of words.slice(0, -1)) {
    at += word.length;
    set.add(at);
  }
  return set;
}

/**
 * How alike two segmentations are over some texts: F1 of their inner word boundaries
 * (1 = the same cuts everywhere).
 */
export function boundaryAgreement(a: SegmentFn, b: SegmentFn, texts: readonly string[] = LABELLED_TITLES.map((t) => t.title)): number {
  let shared = 0;
  let inA = 0;
  let inB = 0;
  for (const text of texts) {
    const cutsA = boundaries(a(text));
    const cutsB = boundaries(b(text));
    inA += cutsA.size;
    inB += cutsB.size;
    for (const cut of cutsA) if (cutsB.has(cut)) shared++;
  }
  if (inA + inB === 0) return 1;
  return (2 * shared) / (inA + inB);
}
