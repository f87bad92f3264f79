/**
 * Peer values the backends show beside a figure, and what each one is. Linted by
 * tests/unit/diagnostics/data-lint.test.ts.
 *
 * - `average`: what a typical peer achieves. Being below it is a finding; the most specific
 *   one wins (lowest `rank`): same-tier peers (shops of a similar size) before all peers.
 * - `top`: what the best peers achieve. Aspirational: being below it is normal and never a
 *   warning; reaching it is worth a `good` finding.
 * Labels the list does not know are kept on the figure but not used to judge it.
 */
import type { Localized } from '../types';

export interface PeerLabel {
  label: string;
  role: 'average' | 'top';
  rank: number;
  name: Localized;
}

export const PEER_LABELS: readonly PeerLabel[] = [
  { label: '同行同层平均', role: 'average', rank: 0, name: { zh: '同行同层平均', en: 'same-tier peer average' } },
  { label: '同层平均', role: 'average', rank: 0, name: { zh: '同层平均', en: 'same-tier peer average' } },
  { label: '同行同层均值', role: 'average', rank: 0, name: { zh: '同行同层均值', en: 'same-tier peer average' } },
  // 京东商智: 同级 is JD's word for 同层 (shops of the same tier); 上级 is the tier above, a target.
  { label: '同行同级均值', role: 'average', rank: 0, name: { zh: '同行同级均值', en: 'same-tier peer average' } },
  { label: '同行上级均值', role: 'top', rank: 0, name: { zh: '同行上级均值', en: 'next-tier peer average' } },
  { label: '同行均值', role: 'average', rank: 1, name: { zh: '同行均值', en: 'peer average' } },
  { label: '同行平均', role: 'average', rank: 1, name: { zh: '同行平均', en: 'peer average' } },
  { label: '同行平均值', role: 'average', rank: 1, name: { zh: '同行平均值', en: 'peer average' } },
  { label: '同行同层优秀', role: 'top', rank: 0, name: { zh: '同行同层优秀', en: 'same-tier top peers' } },
  { label: '同行优秀', role: 'top', rank: 1, name: { zh: '同行优秀', en: 'top peers' } },
  { label: '同行优秀值', role: 'top', rank: 1, name: { zh: '同行优秀值', en: 'top peers' } },
  { label: '同行标杆值', role: 'top', rank: 1, name: { zh: '同行标杆值', en: 'peer benchmark (top)' } },
  { label: '同行标杆', role: 'top', rank: 1, name: { zh: '同行标杆', en: 'peer benchmark (top)' } },
];
