/**
 * Draws a 10,000-point daily series with the panel's own chart configuration (decimation on,
 * animation off) and times it until Chart.js has rendered.
 */
import { buildTrendChartConfig } from '../../../components/trends/chartConfig';
import { Chart } from '../../../components/trends/chartRuntime';
import type { TrendSeries } from '../../../lib/trends/series';

function longSeries(count: number): TrendSeries {
  const start = Date.UTC(1999, 0, 1);
  const points = Array.from({ length: count }, (_, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const capturedAt = `${day}T04:00:00.000Z`;
    return { day, value: 100 + 20 * Math.sin(i / 50) + (i % 13), bound: 'exact' as const, estimated: false, capturedAt, captureId: `bench@${capturedAt}` };
  });
  return { entityKey: 'bench', metric: 'price', unit: 'yuan', group: 'day', points, gaps: [], leftOut: [] };
}

function measure(count: number, runs: number) {
  const samples: number[] = [];
  const series = longSeries(count);
  for (let run = 0; run < runs; run++) {
    const canvas = document.createElement('canvas');
    canvas.width = 720;
    canvas.height = 300;
    const holder = document.createElement('div');
    holder.style.width = '720px';
    holder.style.height = '300px';
    holder.append(canvas);
    document.body.append(holder);
    const start = performance.now();
    let drawnAt = 0;
    const config = buildTrendChartConfig({ lines: [{ id: 'bench', label: 'bench', series }], unit: 'yuan', lang: 'zh' });
    config.plugins = [...(config.plugins ?? []), { id: 'benchDrawn', afterRender: () => void (drawnAt ||= performance.now()) }];
    const chart = new Chart(canvas, config);
    samples.push((drawnAt || performance.now()) - start);
    chart.destroy();
    holder.remove();
  }
  return { samples };
}

(globalThis as unknown as { __shoplensChartProbe: unknown }).__shoplensChartProbe = { measure };
