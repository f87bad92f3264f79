/**
 * Budget 3: the write path. Storing one capture with 30 metrics, and 10,000 captures in
 * sequence, against Dexie bulkPut of the same rows (≤ 1.5× baseline).
 */
import { launchWithExtension } from '../lib/chromium';
import { startSampleSite } from '../lib/sample-site';
import { bundleProbe } from './bundle';
import { row, type BenchRow } from './report';

const SEQUENCE_LENGTH = Number(process.env.SHOPLENS_BENCH_SEQUENCE ?? 10_000);

export async function measureWritePath(): Promise<BenchRow[]> {
  const probe = await bundleProbe('write-probe');
  const site = await startSampleSite([], {
    'bench.shoplens.localhost/': () => ({ type: 'text/html; charset=utf-8', body: '<!doctype html><title>bench</title>' }),
  });
  const browser = await launchWithExtension({ hosts: ['bench.shoplens.localhost'], withExtension: false });
  try {
    const tab = await browser.context.newPage();
    await tab.goto(`http://bench.shoplens.localhost:${site.port}/`);
    await tab.addScriptTag({ content: probe });
    const single = await tab.evaluate(async () => (globalThis as any).__shoplensWriteProbe.single(25) as Promise<{ store: number[]; baseline: number[] }>);
    const sequences: { store: number; baseline: number; stored: number }[] = [];
    for (let run = 0; run < 3; run++) {
      sequences.push(await tab.evaluate(async (n) => (globalThis as any).__shoplensWriteProbe.sequence(n), SEQUENCE_LENGTH));
    }
    return [
      row('write path', 'store 1 capture, 30 metrics', 'ms', single.store.slice(1), { baseline: single.baseline.slice(1), budget: { maxRatio: 1.5 } }),
      row('write path', 'store 10,000 captures in sequence', 'ms', sequences.map((s) => s.store), {
        baseline: sequences.map((s) => s.baseline),
        budget: { maxRatio: 1.5 },
        note: `${sequences[0]!.stored} observations stored`,
      }),
    ];
  } finally {
    await browser.close();
    await site.close();
  }
}
