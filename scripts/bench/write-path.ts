/**
 * Budget 3: the write path. Storing one capture with 30 metrics, and 10,000 captures in
 * sequence, against Dexie bulkPut of the same rows (≤ 1.5× baseline).
 */
import { withProbePage } from './probe-page';
import { row, type BenchRow } from './report';

const SEQUENCE_LENGTH = Number(process.env.SHOPLENS_BENCH_SEQUENCE ?? 10_000);

export function measureWritePath(): Promise<BenchRow[]> {
  return withProbePage('write-probe', async (tab) => {
    const single = await tab.evaluate(async () => (globalThis as any).__shoplensWriteProbe.single(25) as Promise<{ store: number[]; baseline: number[] }>);
    const sequences: { store: number; baseline: number; stored: number }[] = [];
    for (let run = 0; run < 3; run++) {
      sequences.push(await tab.evaluate(async (n) => (globalThis as any).__shoplensWriteProbe.sequence(n), SEQUENCE_LENGTH));
    }
    return [
      row('write path', 'store 1 capture, 30 metrics', 'ms', single.store.slice(1), { baseline: single.baseline.slice(1), budget: { maxRatio: 1.5 } }),
      row('write path', `store ${SEQUENCE_LENGTH.toLocaleString('en-US')} captures in sequence`, 'ms', sequences.map((s) => s.store), {
        baseline: sequences.map((s) => s.baseline),
        budget: { maxRatio: 1.5 },
        note: `${sequences[0]!.stored} observations stored`,
      }),
    ];
  });
}
