/**
 * Which digit a glyph draws, by its outline alone: the glyph is normalised (scaled to thousandths
 * of an em, moved so its box starts at 0,0, implied on-curve points dropped) and compared point
 * by point with reference digit shapes kept as data (an adapter's `*-digit-shapes.ts`).
 *
 * Two outlines compare only when their structure is the same: as many contours, each with as many
 * points, on-curve and control points in the same order (the start point of a contour, its
 * direction and the order of up to four contours may differ). Their distance is then the largest
 * move of any point, in thousandths of an em. A glyph is taken for a digit only when
 * - its nearest reference lies within MATCH_TOLERANCE, and
 * - every reference of another digit lies at least MATCH_MARGIN further away;
 * otherwise it is no digit (null), never the nearest guess.
 *
 * Content-script code: imports from ./truetype and ./font-file only.
 */
import { FontProblem } from './font-file';
import type { GlyphPoint, Outline, TrueTypeFont } from './truetype';

/** A reference digit: its contours in thousandths of an em, points `x,y`, control points `~x,y`. */
export interface DigitShape {
  digit: number;
  /** Where the shape comes from (a font design, a capture), so references can be audited. */
  design: string;
  contours: readonly string[];
}

/** A normalised outline: thousandths of an em, bounding box starting at 0,0. */
export type Shape = GlyphPoint[][];

/** A point may move this far (thousandths of an em) and still be the reference's. */
export const MATCH_TOLERANCE = 20;
/** Every other digit's reference must be at least this much further away than the match. */
export const MATCH_MARGIN = 40;
/** Two glyphs closer than this are the same drawing (rounding only). */
const SAME_DRAWING = 1;
/** Contours longer than this are compared from their stored start point only. */
const MAX_ROTATED_POINTS = 256;
/** Glyphs decoded per font, at most: a digit font has a few dozen. */
export const MAX_DECODED_GLYPHS = 64;

/** Parses a reference contour (`50,700 ~550,700 …`). Throws on a malformed one. */
export function parseContour(text: string): GlyphPoint[] {
  return text
    .trim()
    .split(/\s+/)
    .map((token) => {
      const match = /^(~?)(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(token);
      if (!match) throw new Error(`bad point "${token}"`);
      return { x: Number(match[2]), y: Number(match[3]), on: match[1] === '' };
    });
}

/** A reference shape, normalised like any glyph (references are drawn on a 1000-unit em). */
export function referenceShape(shape: DigitShape): Shape {
  return normaliseOutline(shape.contours.map(parseContour), 1000);
}

/** Drops repeated points and on-curve points a TrueType font may leave implied (midway between two control points). */
function simplify(contour: GlyphPoint[]): GlyphPoint[] {
  const kept = contour.filter((point, index) => {
    const next = contour[(index + 1) % contour.length]!;
    return contour.length === 1 || point.x !== next.x || point.y !== next.y || point.on !== next.on;
  });
  if (kept.length < 3) return kept;
  return kept.filter((point, index) => {
    if (!point.on) return true;
    const before = kept[(index + kept.length - 1) % kept.length]!;
    const after = kept[(index + 1) % kept.length]!;
    return before.on || after.on || Math.abs(before.x + after.x - 2 * point.x) > 1 || Math.abs(before.y + after.y - 2 * point.y) > 1;
  });
}

/** Scales an outline to thousandths of an em and moves its box to start at 0,0. */
export function normaliseOutline(outline: Outline, unitsPerEm: number): Shape {
  const contours = outline.map(simplify).filter((contour) => contour.length > 0);
  let minX = Infinity;
  let minY = Infinity;
  for (const contour of contours) {
    for (const point of contour) {
      minX = Math.min(minX, point.x);
      minY = Math.min(minY, point.y);
    }
  }
  const scale = 1000 / unitsPerEm;
  return contours.map((contour) => contour.map((point) => ({ x: (point.x - minX) * scale, y: (point.y - minY) * scale, on: point.on })));
}

/** Largest point move between two contours, over start points and directions; Infinity when their structure differs. */
function contourDistance(a: GlyphPoint[], b: GlyphPoint[]): number {
  const n = a.length;
  if (n !== b.length) return Infinity;
  let best = Infinity;
  const rotations = n <= MAX_ROTATED_POINTS ? n : 1;
  for (const direction of rotations > 1 ? [1, -1] : [1]) {
    for (let start = 0; start < rotations; start++) {
      let worst = 0;
      for (let i = 0; i < n && worst < best; i++) {
        const p = a[i]!;
        const q = b[(start + direction * i + n * 2) % n]!;
        worst = p.on !== q.on ? Infinity : Math.max(worst, Math.abs(p.x - q.x), Math.abs(p.y - q.y));
      }
      best = Math.min(best, worst);
    }
  }
  return best;
}

/** Every ordering of 0…n-1 (n ≤ 4), or only the identity. */
function orderings(n: number): number[][] {
  if (n > 4) return [Array.from({ length: n }, (_, i) => i)];
  const all: number[][] = [];
  const build = (prefix: number[]) => {
    if (prefix.length === n) all.push(prefix);
    for (let i = 0; i < n; i++) if (!prefix.includes(i)) build([...prefix, i]);
  };
  build([]);
  return all;
}

/** Distance between two shapes (thousandths of an em), Infinity when their structure differs. */
export function shapeDistance(a: Shape, b: Shape): number {
  if (a.length !== b.length) return Infinity;
  if (a.length === 0) return Infinity; // an empty glyph is nothing's drawing
  const pairs = a.map((contour) => b.map((other) => contourDistance(contour, other)));
  let best = Infinity;
  for (const order of orderings(a.length)) {
    best = Math.min(best, Math.max(...order.map((j, i) => pairs[i]![j]!)));
  }
  return best;
}

export interface DigitVerdict {
  /** The digit the glyph draws, or null when no reference is near enough or two digits are. */
  digit: number | null;
  /** Distance to the nearest reference. */
  distance: number;
  /** Distance to the nearest reference of another digit. */
  runnerUp: number;
}

/** The digit a normalised glyph draws, judged against the references (see the module note). */
export function matchDigit(shape: Shape, references: ReadonlyArray<{ digit: number; shape: Shape }>): DigitVerdict {
  const nearest = new Map<number, number>();
  for (const reference of references) {
    const distance = shapeDistance(shape, reference.shape);
    nearest.set(reference.digit, Math.min(nearest.get(reference.digit) ?? Infinity, distance));
  }
  const ranked = [...nearest].sort((a, b) => a[1] - b[1]);
  const [best, second] = ranked;
  const distance = best?.[1] ?? Infinity;
  const runnerUp = second?.[1] ?? Infinity;
  const certain = best !== undefined && distance <= MATCH_TOLERANCE && runnerUp - distance >= MATCH_MARGIN;
  return { digit: certain ? best[0] : null, distance, runnerUp };
}

/**
 * A glyph drawn inside its own advance (a little overhang allowed). One drawn beyond it lands on
 * its neighbours: `12` could show as `21`, so such a glyph is no digit.
 */
function withinAdvance(outline: Outline, advance: number, unitsPerEm: number): boolean {
  const overhang = unitsPerEm * 0.1;
  return outline.every((contour) => contour.every((point) => point.x >= -overhang && point.x <= advance + overhang));
}

/**
 * The digit each decoded code point of a font draws (null: no certain digit). A glyph that is
 * composite, damaged, too complex or drawn outside its advance is no digit. Two different
 * drawings taken for the same digit are both distrusted: one of them is not what the references
 * say it is.
 */
export function digitsOfFont(font: TrueTypeFont, references: ReadonlyArray<{ digit: number; shape: Shape }>): Map<number, number | null> {
  const glyphs = [...new Set(font.cmap.values())];
  if (glyphs.length > MAX_DECODED_GLYPHS) throw new FontProblem('too-complex', `${glyphs.length} glyphs`);
  const shapes = new Map<number, Shape>();
  const digitOf = new Map<number, number | null>();
  for (const glyph of glyphs) {
    let shape: Shape;
    try {
      const outline = font.outline(glyph);
      if (!withinAdvance(outline, font.advance(glyph), font.unitsPerEm)) throw new FontProblem('too-complex', 'drawn outside its advance');
      shape = normaliseOutline(outline, font.unitsPerEm);
    } catch {
      digitOf.set(glyph, null);
      continue;
    }
    shapes.set(glyph, shape);
    digitOf.set(glyph, matchDigit(shape, references).digit);
  }
  const drawings = new Map<number, number[]>();
  for (const [glyph, digit] of digitOf) if (digit !== null) drawings.set(digit, [...(drawings.get(digit) ?? []), glyph]);
  for (const same of drawings.values()) {
    const first = shapes.get(same[0]!)!;
    if (same.some((glyph) => shapeDistance(shapes.get(glyph)!, first) >= SAME_DRAWING)) for (const glyph of same) digitOf.set(glyph, null);
  }
  const digits = new Map<number, number | null>();
  for (const [codePoint, glyph] of font.cmap) digits.set(codePoint, digitOf.get(glyph) ?? null);
  return digits;
}
