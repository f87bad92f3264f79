/**
 * The little of a TrueType font the digit decoder reads: `head` (unitsPerEm, loca format),
 * `maxp` (glyph count), `hhea`/`hmtx` (advance widths), `cmap` (formats 4 and 12, only for
 * private-use code points and ASCII digits) and `glyf`/`loca` simple glyph outlines. Composite glyphs are not resolved: such a
 * glyph is reported, never guessed at. Glyph names (`post`) are never read: a hostile font can
 * name its glyphs anything, the outline is what the operator sees.
 *
 * Hostile input: every read is bounds-checked (DataView throws past the end, slices are checked)
 * and every loop is bounded by the table's size or a fixed budget.
 *
 * Content-script code: imports from ./font-file only.
 */
import { FontProblem, sliceOf, viewOf, type FontTables } from './font-file';

export interface GlyphPoint {
  x: number;
  y: number;
  /** On the outline; false for a quadratic control point. */
  on: boolean;
}

/** A glyph's closed contours, in font units. */
export type Outline = GlyphPoint[][];

export interface TrueTypeFont {
  unitsPerEm: number;
  /** Code point → glyph index, for the code points the decoder reads (see isDecodedCodePoint). */
  cmap: Map<number, number>;
  /** The outline of a glyph; throws FontProblem ('too-complex' for a composite glyph, 'damaged'). */
  outline(glyph: number): Outline;
  /** How far the pen moves after the glyph (font units). */
  advance(glyph: number): number;
}

const PRIVATE_USE_FIRST = 0xe000;
const PRIVATE_USE_LAST = 0xf8ff;
/** The code point ranges the decoder reads: ASCII digits and the Basic Multilingual Plane's private-use area. */
const DECODED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39],
  [PRIVATE_USE_FIRST, PRIVATE_USE_LAST],
];

export function isDecodedCodePoint(codePoint: number): boolean {
  return DECODED_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** Code points visited while reading a cmap, at most (overlapping segments cannot make it loop long). */
const CMAP_BUDGET = 65_536;
/** Beyond these a glyph is no digit (digits have a handful of contours and some dozens of points). */
export const MAX_CONTOURS = 16;
export const MAX_POINTS = 1_000;

/**
 * The subtable a browser uses (HarfBuzz's order): Unicode full repertoire first, then BMP.
 * Symbol (3,0) subtables are not in the list: a font with only that is not decoded.
 */
const CMAP_PREFERENCE: ReadonlyArray<readonly [number, number]> = [
  [3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0],
];

function table(tables: FontTables, tag: string): Uint8Array {
  const found = tables.get(tag);
  if (!found) throw new FontProblem('damaged', `no ${tag} table`);
  return found;
}

function readCmap(bytes: Uint8Array): Map<number, number> {
  const view = viewOf(bytes);
  const count = view.getUint16(2);
  const offsets = new Map<string, number>();
  for (let i = 0; i < Math.min(count, 64); i++) {
    const record = 4 + i * 8;
    const key = `${view.getUint16(record)},${view.getUint16(record + 2)}`;
    if (!offsets.has(key)) offsets.set(key, view.getUint32(record + 4));
  }
  const chosen = CMAP_PREFERENCE.map(([platform, encoding]) => offsets.get(`${platform},${encoding}`)).find((offset) => offset !== undefined);
  if (chosen === undefined) throw new FontProblem('cmap-unsupported', 'no Unicode subtable');
  const format = view.getUint16(chosen);
  const map = new Map<number, number>();
  let budget = CMAP_BUDGET;
  /** Calls `each` for the decoded code points in [first, last]. */
  const visit = (first: number, last: number, each: (codePoint: number) => void) => {
    for (const [low, high] of DECODED_RANGES) {
      for (let codePoint = Math.max(first, low); codePoint <= Math.min(last, high); codePoint++) {
        if (--budget < 0) throw new FontProblem('too-complex', 'cmap');
        if (!map.has(codePoint)) each(codePoint);
      }
    }
  };
  if (format === 4) {
    const length = view.getUint16(chosen + 2);
    const sub = sliceOf(bytes, chosen, length);
    const subView = viewOf(sub);
    const segments = subView.getUint16(6) >> 1;
    sliceOf(sub, 14, segments * 8 + 2);
    for (let s = 0; s < segments; s++) {
      const end = subView.getUint16(14 + s * 2);
      const start = subView.getUint16(16 + segments * 2 + s * 2);
      const delta = subView.getUint16(16 + segments * 4 + s * 2);
      const rangeAt = 16 + segments * 6 + s * 2;
      const rangeOffset = subView.getUint16(rangeAt);
      visit(start, end, (codePoint) => {
        let glyph = rangeOffset === 0 ? codePoint : subView.getUint16(rangeAt + rangeOffset + (codePoint - start) * 2);
        if (rangeOffset !== 0 && glyph === 0) return;
        glyph = (glyph + delta) & 0xffff;
        if (glyph !== 0) map.set(codePoint, glyph);
      });
    }
  } else if (format === 12) {
    const length = view.getUint32(chosen + 4);
    const sub = sliceOf(bytes, chosen, length);
    const subView = viewOf(sub);
    const groups = subView.getUint32(12);
    sliceOf(sub, 16, groups * 12);
    for (let g = 0; g < groups; g++) {
      const start = subView.getUint32(16 + g * 12);
      const end = subView.getUint32(20 + g * 12);
      const startGlyph = subView.getUint32(24 + g * 12);
      visit(start, end, (codePoint) => {
        const glyph = startGlyph + (codePoint - start);
        if (glyph !== 0) map.set(codePoint, glyph);
      });
    }
  } else {
    throw new FontProblem('cmap-unsupported', `format ${format}`);
  }
  return map;
}

/** Reads the outline of one simple glyph from its `glyf` record. */
function readSimpleGlyph(data: Uint8Array): Outline {
  const view = viewOf(data);
  const contourCount = view.getInt16(0);
  if (contourCount < 0) throw new FontProblem('too-complex', 'composite glyph');
  if (contourCount > MAX_CONTOURS) throw new FontProblem('too-complex', `${contourCount} contours`);
  const ends: number[] = [];
  for (let c = 0; c < contourCount; c++) {
    const end = view.getUint16(10 + c * 2);
    if (c > 0 && end <= ends[c - 1]!) throw new FontProblem('damaged', 'contour ends out of order');
    ends.push(end);
  }
  const pointCount = contourCount === 0 ? 0 : ends[contourCount - 1]! + 1;
  if (pointCount > MAX_POINTS) throw new FontProblem('too-complex', `${pointCount} points`);
  let at = 10 + contourCount * 2;
  at += 2 + view.getUint16(at); // instructions are skipped
  const flags = new Uint8Array(pointCount);
  for (let p = 0; p < pointCount; ) {
    const flag = view.getUint8(at++);
    flags[p++] = flag;
    if (flag & 8) {
      for (let repeat = view.getUint8(at++); repeat > 0; repeat--) {
        if (p >= pointCount) throw new FontProblem('damaged', 'flag repeat past the last point');
        flags[p++] = flag;
      }
    }
  }
  const coordinates = (short: number, same: number): number[] => {
    const values: number[] = [];
    let value = 0;
    for (let p = 0; p < pointCount; p++) {
      const flag = flags[p]!;
      if (flag & short) {
        const step = view.getUint8(at++);
        value += flag & same ? step : -step;
      } else if (!(flag & same)) {
        value += view.getInt16(at);
        at += 2;
      }
      values.push(value);
    }
    return values;
  };
  const xs = coordinates(2, 16);
  const ys = coordinates(4, 32);
  const outline: Outline = [];
  let first = 0;
  for (const end of ends) {
    const contour: GlyphPoint[] = [];
    for (let p = first; p <= end; p++) contour.push({ x: xs[p]!, y: ys[p]!, on: (flags[p]! & 1) === 1 });
    outline.push(contour);
    first = end + 1;
  }
  return outline;
}

/** Reads what the digit decoder needs from a TrueType font's tables (./font-file.ts). */
export function readTrueType(tables: FontTables): TrueTypeFont {
  const head = viewOf(table(tables, 'head'));
  const unitsPerEm = head.getUint16(18);
  if (unitsPerEm < 16 || unitsPerEm > 16_384) throw new FontProblem('damaged', `unitsPerEm ${unitsPerEm}`);
  const longLoca = head.getInt16(50) === 1;
  const glyphCount = viewOf(table(tables, 'maxp')).getUint16(4);
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const locaView = viewOf(loca);
  sliceOf(loca, 0, (glyphCount + 1) * (longLoca ? 4 : 2));
  const offsetOf = (glyph: number) => (longLoca ? locaView.getUint32(glyph * 4) : locaView.getUint16(glyph * 2) * 2);
  const metricCount = viewOf(table(tables, 'hhea')).getUint16(34);
  const hmtx = viewOf(table(tables, 'hmtx'));
  if (metricCount === 0) throw new FontProblem('damaged', 'no horizontal metrics');
  return {
    unitsPerEm,
    cmap: readCmap(table(tables, 'cmap')),
    // Glyphs past the last metric share its advance.
    advance: (glyph) => hmtx.getUint16(Math.min(glyph, metricCount - 1) * 4),
    outline(glyph) {
      if (glyph < 0 || glyph >= glyphCount) throw new FontProblem('damaged', `glyph ${glyph} of ${glyphCount}`);
      const start = offsetOf(glyph);
      const end = offsetOf(glyph + 1);
      if (end < start) throw new FontProblem('damaged', 'loca out of order');
      // An empty glyph (a space) has no outline: no digit.
      return end === start ? [] : readSimpleGlyph(sliceOf(glyf, start, end - start));
    },
  };
}
