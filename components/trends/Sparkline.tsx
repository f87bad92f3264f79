/**
 * A tiny line for a table row, in SVG (a table of a hundred listings would be a hundred
 * canvases with chart.js). Gaps break the line; a lone day is a dot.
 */
import { dayToEpochMs } from '../../lib/trends/chart-points';
import type { TrendSeries } from '../../lib/trends/series';

const WIDTH = 80;
const HEIGHT = 20;
const PAD = 2;

/** SVG path data for a series, `M` at each run start, so gaps stay gaps. Empty for no points. */
export function sparklinePath(series: TrendSeries, width = WIDTH, height = HEIGHT): { path: string; dots: { x: number; y: number }[] } {
  const points = series.points;
  if (points.length === 0) return { path: '', dots: [] };
  const xs = points.map((p) => dayToEpochMs(p.day));
  const ys = points.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => (x1 === x0 ? width / 2 : PAD + ((x - x0) / (x1 - x0)) * (width - 2 * PAD));
  const sy = (y: number) => (y1 === y0 ? height / 2 : height - PAD - ((y - y0) / (y1 - y0)) * (height - 2 * PAD));
  const runStarts = points.map((p, i) => i === 0 || series.gaps.some((gap) => gap.from > points[i - 1]!.day && gap.to < p.day));
  let path = '';
  const dots: { x: number; y: number }[] = [];
  points.forEach((p, i) => {
    const x = Number(sx(xs[i]!).toFixed(1));
    const y = Number(sy(ys[i]!).toFixed(1));
    path += `${runStarts[i] ? 'M' : 'L'}${x} ${y}`;
    const alone = runStarts[i] && (i === points.length - 1 || runStarts[i + 1]);
    if (alone) dots.push({ x, y });
  });
  return { path, dots };
}

export function Sparkline({ series, label }: { series: TrendSeries; label: string }) {
  const { path, dots } = sparklinePath(series);
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="sparkline">
      {path ? <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} /> : null}
      {dots.map((dot) => (
        <circle key={`${dot.x}-${dot.y}`} cx={dot.x} cy={dot.y} r={1.8} fill="currentColor" />
      ))}
    </svg>
  );
}
