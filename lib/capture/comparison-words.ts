/**
 * The words a backend prints beside a figure: comparison bases and peer benchmark labels.
 * Site knowledge kept as data; linted by tests/unit/capture/comparison-words.test.ts
 * (sorted, no duplicates, no word listed in both lists).
 *
 * Matching is longest-first (see `matchWordAt`), so 同行同层平均 wins over 同行.
 */

/** Comparison bases: the figure after one of these is a change (`较前一日 +12.3%`), never the value. */
export const BASIS_WORDS: readonly string[] = [
  '同比',
  '周环比',
  '日环比',
  '月环比',
  '环比',
  '较上一周期',
  '较上周',
  '较上周同期',
  '较上周期',
  '较上月',
  '较上月同期',
  '较上期',
  '较前1日',
  '较前30日',
  '较前7日',
  '较前一周',
  '较前一周期',
  '较前一日',
  '较前日',
  '较去年同期',
  '较昨日',
  '较昨日同时段',
];

/** Peer benchmarks: the figure after one of these belongs to peers, never to the shop. */
export const PEER_LABELS: readonly string[] = [
  '同层优秀',
  '同层平均',
  '同行上级均值',
  '同行优秀',
  '同行同层优秀',
  '同行同层均值',
  '同行同层平均',
  '同行同级均值',
  '同行均值',
  '同行平均',
  '同行标杆',
  '同行标杆值',
  '同行顶尖',
  '行业优秀',
  '行业均值',
  '行业平均',
];

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const BASIS_LONGEST_FIRST = [...BASIS_WORDS].sort(byLengthDesc);
const PEERS_LONGEST_FIRST = [...PEER_LABELS].sort(byLengthDesc);

export type ComparisonWord = { kind: 'basis' | 'peer'; word: string };

/** The basis or peer word that starts `text` at `index`, longest first, or null. */
export function matchWordAt(text: string, index = 0): ComparisonWord | null {
  for (const word of BASIS_LONGEST_FIRST) if (text.startsWith(word, index)) return { kind: 'basis', word };
  for (const word of PEERS_LONGEST_FIRST) if (text.startsWith(word, index)) return { kind: 'peer', word };
  return null;
}
