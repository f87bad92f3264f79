import { describe, expect, it } from 'vitest';
import { decimateKeepingGaps, lttb, type XY } from '../../../lib/trends/decimate';

const wave = (n: number, start = 0): XY[] => Array.from({ length: n }, (_, i) => ({ x: start + i, y: Math.sin(i / 7) * 100 + i }));

describe('lttb', () => {
  it('keeps the requested number of points, the first and the last, in x order', () => {
    const points = wave(1000);
    const out = lttb(points, 100);
    expect(out).toHaveLength(100);
    expect(out[0]).toBe(points[0]);
    expect(out[99]).toBe(points[999]);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('keeps a spike (the point that makes the largest triangle)', () => {
    const points = Array.from({ length: 500 }, (_, i) => ({ x: i, y: i === 250 ? 10000 : 1 }));
    expect(lttb(points, 50).some((p) => p.y === 10000)).toBe(true);
  });

  it('returns short input unchanged', () => {
    const points = wave(10);
    expect(lttb(points, 50)).toEqual(points);
  });
});

describe('decimateKeepingGaps', () => {
  it('keeps every gap marker, in place, and the run ends around it', () => {
    const points: XY[] = [...wave(600, 0), { x: 600, y: null }, ...wave(600, 601), { x: 1201, y: null }, ...wave(3, 1202)];
    const out = decimateKeepingGaps(points, 200);
    expect(out.length).toBeLessThan(260);
    const markers = out.filter((p) => p.y === null);
    expect(markers.map((p) => p.x)).toEqual([600, 1201]);
    // The points either side of each marker are the last and first of their runs.
    const at = (x: number) => out.findIndex((p) => p.x === x);
    expect(out[at(600) - 1]!.x).toBe(599);
    expect(out[at(600) + 1]!.x).toBe(601);
    expect(out[at(1201) - 1]!.x).toBe(1200);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('never joins two runs: between two observed points of different runs there is a marker', () => {
    const points: XY[] = [];
    for (let run = 0; run < 20; run++) {
      points.push(...wave(100, run * 101));
      points.push({ x: run * 101 + 100, y: null });
    }
    const out = decimateKeepingGaps(points, 300);
    const runOf = (x: number) => Math.floor(x / 101);
    for (let i = 1; i < out.length; i++) {
      const [a, b] = [out[i - 1]!, out[i]!];
      if (a.y !== null && b.y !== null) expect(runOf(a.x)).toBe(runOf(b.x));
    }
  });

  it('returns the input when it is short enough', () => {
    const points: XY[] = [{ x: 0, y: 1 }, { x: 1, y: null }, { x: 2, y: 3 }];
    expect(decimateKeepingGaps(points, 10)).toEqual(points);
  });
});
