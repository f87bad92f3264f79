/**
 * Budget 5: titles. jieba-wasm dictionary load (≤ 600 ms) and segmenting + scoring 1,000
 * competitor titles (≤ 250 ms), with Intl.Segmenter('zh') beside it as the yardstick: its speed
 * on the same titles and both segmenters' agreement with the labelled domain words.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleProbe } from './bundle';
import { withProbePage } from './probe-page';
import { row, type BenchRow } from './report';

const WASM = resolve(import.meta.dirname, '../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm');

export function measureTitles(): Promise<BenchRow[]> {
  return withProbePage(
    'titles-probe',
    async (tab, origin) => {
      type Result = { load: number; jieba: number[]; intl: number[]; agreement: { jieba: number; intl: number } };
      const probe = await bundleProbe('titles-probe');
      const loads: number[] = [];
      let first: Result | undefined;
      // The dictionary loads once per page: each load is measured on a fresh page.
      for (let run = 0; run < 5; run++) {
        if (run > 0) {
          await tab.reload();
          await tab.addScriptTag({ content: probe });
        }
        const result: Result = await tab.evaluate(([wasm, runs]) => (globalThis as any).__shoplensTitlesProbe.measure(wasm, runs), [`${origin}/jieba.wasm`, run === 0 ? 11 : 1] as const);
        first ??= result;
        loads.push(result.load);
      }
      return [
        row('titles', 'jieba dictionary load (wasm + user dictionary)', 'ms', loads, { budget: { max: 600 } }),
        row('titles', 'segment + score 1,000 competitor titles (jieba)', 'ms', first!.jieba.slice(1), { budget: { max: 250 } }),
        row('titles', 'segment 1,000 titles with Intl.Segmenter (yardstick)', 'ms', first!.intl.slice(1)),
        row('titles', 'labelled domain words kept whole: jieba', '%', [first!.agreement.jieba * 100]),
        row('titles', 'labelled domain words kept whole: Intl.Segmenter', '%', [first!.agreement.intl * 100]),
      ];
    },
    { '/jieba.wasm': { type: 'application/wasm', body: readFileSync(WASM) } },
  );
}
