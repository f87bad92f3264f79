/**
 * Largest-triangle-three-buckets decimation that keeps gaps.
 *
 * Chart.js's own decimation plugin runs LTTB over the whole dataset and reads a gap marker
 * (`y: null`) as 0, so it can drop the marker (joining the line across days never observed)
 * or pull the line towards zero. Here LTTB runs on each observed run separately and every gap
 * marker is kept, so a decimated line still breaks exactly where the data does. Each run keeps
 * its first and last point, so gap edges stay where they are.
 */

export interface XY {
  x: number;
  y: number | null;
}

/** LTTB over points that all have a y, keeping `samples` of them (first and last included). */
export function lttb<T extends XY>(points: readonly T[], samples: number): T[] {
  const count = points.length;
  if (samples >= count || samples < 3) return samples < 3 && count > 2 ? [points[0]!, points[count - 1]!] : [...points];
  const out: T[] = [points[0]!];
  const bucketWidth = (count - 2) / (samples - 2);
  let a = 0;
  for (let i = 0; i < samples - 2; i++) {
    const rangeStart = Math.floor(i * bucketWidth) + 1;
    const rangeEnd = Math.min(Math.floor((i + 1) * bucketWidth) + 1, count - 1);
    const nextStart = rangeEnd;
    const nextEnd = Math.min(Math.floor((i + 2) * bucketWidth) + 1, count);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += points[j]!.x;
      avgY += points[j]!.y!;
    }
    const n = Math.max(1, nextEnd - nextStart);
    avgX /= n;
    avgY /= n;
    const pa = points[a]!;
    let best = rangeStart;
    let bestArea = -1;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const p = points[j]!;
      const area = Math.abs((pa.x - avgX) * (p.y! - pa.y!) - (pa.x - p.x) * (avgY - pa.y!));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(points[best]!);
    a = best;
  }
  out.push(points[count - 1]!);
  return out;
}

/**
 * Decimates to about `samples` points in all, shared between observed runs by their length;
 * gap markers (`y === null`) are all kept. Returns the input when it is short enough.
 */
export function decimateKeepingGaps<T extends XY>(points: readonly T[], samples: number): T[] {
  if (points.length <= samples) return [...points];
  // The input in order as pieces: a gap marker, or a run of observed points.
  const pieces: ({ marker: T } | { run: T[] })[] = [];
  let markers = 0;
  for (const point of points) {
    const last = pieces[pieces.length - 1];
    if (point.y === null) {
      pieces.push({ marker: point });
      markers++;
    } else if (last && 'run' in last) last.run.push(point);
    else pieces.push({ run: [point] });
  }
  const observed = points.length - markers;
  const budget = Math.max(0, samples - markers);
  const out: T[] = [];
  for (const piece of pieces) {
    if ('marker' in piece) out.push(piece.marker);
    else out.push(...lttb(piece.run, Math.max(2, Math.round((budget * piece.run.length) / Math.max(1, observed)))));
  }
  return out;
}
