/**
 * Budgets 4b and 6: a one-year daily series query on 100,000 observations (≤ 20 ms) and a
 * 10,000-point series drawn with decimation (≤ 100 ms).
 */
import { withProbePage } from './probe-page';
import { row, type BenchRow } from './report';

export function measureSeriesQuery(): Promise<BenchRow[]> {
  return withProbePage('series-probe', async (tab) => {
    const result = await tab.evaluate(async () => (globalThis as any).__shoplensSeriesProbe.measure(100_000, 21) as Promise<{ samples: number[]; count: number; points: number }>);
    return [
      row('panel', `one-year daily series query (${result.count.toLocaleString('en-US')} observations, ${result.points} points)`, 'ms', result.samples.slice(1), {
        budget: { max: 20 },
      }),
    ];
  });
}

export function measureChartDraw(): Promise<BenchRow[]> {
  return withProbePage('chart-probe', async (tab) => {
    const result = await tab.evaluate(() => (globalThis as any).__shoplensChartProbe.measure(10_000, 11) as { samples: number[] });
    return [row('charts', '10,000-point series drawn (decimation on)', 'ms', result.samples.slice(1), { budget: { max: 100 } })];
  });
}
