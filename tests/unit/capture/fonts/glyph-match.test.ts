/**
 * Glyph → digit matching (lib/capture/fonts/glyph-match.ts): a glyph is a digit only when its
 * outline is clearly one reference and no other; a unique, near, clearly-better match or nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  MATCH_MARGIN,
  MATCH_TOLERANCE,
  digitsOfFont,
  matchDigit,
  normaliseOutline,
  parseContour,
  referenceShape,
  shapeDistance,
  type DigitShape,
  type Shape,
} from '../../../../lib/capture/fonts/glyph-match';
import type { Outline, TrueTypeFont } from '../../../../lib/capture/fonts/truetype';
import { FontProblem } from '../../../../lib/capture/fonts/font-file';

const SEVEN: DigitShape = { digit: 7, design: 'test', contours: ['50,700 550,700 550,0 450,0 450,600 50,600'] };
const ONE: DigitShape = { digit: 1, design: 'test', contours: ['250,0 250,700 350,700 350,0'] };
const ZERO: DigitShape = {
  digit: 0,
  design: 'test',
  contours: ['300,700 ~550,700 550,350 ~550,0 300,0 ~50,0 50,350 ~50,700', '300,600 ~150,600 150,350 ~150,100 300,100 ~450,100 450,350 ~450,600'],
};
const EIGHT: DigitShape = {
  digit: 8,
  design: 'test',
  contours: ['50,0 50,700 550,700 550,0', '150,100 450,100 450,300 150,300', '150,400 450,400 450,600 150,600'],
};
const REFERENCES = [SEVEN, ONE, ZERO, EIGHT].map((shape) => ({ digit: shape.digit, shape: referenceShape(shape) }));

/** A glyph drawn from a reference: scaled to `em`, moved, each point shifted by `jitter(i)`. */
function drawn(shape: DigitShape, options: { em?: number; dx?: number; dy?: number; jitter?: (i: number) => number } = {}): Outline {
  const scale = (options.em ?? 1000) / 1000;
  let i = 0;
  return shape.contours.map((text) =>
    parseContour(text).map((point) => {
      const shift = options.jitter?.(i++) ?? 0;
      return { x: Math.round((point.x + (options.dx ?? 0)) * scale) + shift, y: Math.round((point.y + (options.dy ?? 0)) * scale), on: point.on };
    }),
  );
}

function verdict(outline: Outline, em = 1000, references = REFERENCES) {
  return matchDigit(normaliseOutline(outline, em), references);
}

describe('matchDigit', () => {
  it.each<[string, Outline, number, number | null]>([
    ['the reference itself', drawn(SEVEN), 1000, 7],
    ['another em (2048), moved by a side bearing', drawn(SEVEN, { em: 2048, dx: 70, dy: -12 }), 2048, 7],
    ['points jittered a little', drawn(SEVEN, { em: 2048, jitter: (i) => (i % 2 ? 3 : -3) }), 2048, 7],
    ['a curved outline (0), implied on-curve points written out', drawn(ZERO, { em: 2048 }), 2048, 0],
    ['three contours (8)', drawn(EIGHT), 1000, 8],
    ['one point moved past the tolerance', drawn(SEVEN, { jitter: (i) => (i === 3 ? MATCH_TOLERANCE + 6 : 0) }), 1000, null],
    ['a shape no reference has (a triangle)', [[{ x: 0, y: 0, on: true }, { x: 300, y: 700, on: true }, { x: 600, y: 0, on: true }]], 1000, null],
    ['an empty glyph', [], 1000, null],
    ['the 8 with one hole missing', drawn(EIGHT).slice(0, 2), 1000, null],
    ['the 7 drawn twice as large', drawn(SEVEN, { em: 2000 }), 1000, null],
  ])('%s → %s', (_name, outline, em, digit) => {
    expect(verdict(outline, em).digit).toBe(digit);
  });

  it('matches whatever the start point, direction and contour order', () => {
    const [outer, inner] = drawn(ZERO);
    const rotated = [...outer!.slice(3), ...outer!.slice(0, 3)];
    expect(verdict([inner!.slice().reverse(), rotated]).digit).toBe(0);
    const [a, b, c] = drawn(EIGHT);
    expect(verdict([c!, a!.slice().reverse(), b!]).digit).toBe(8);
  });

  it('never matches control points to points on the outline', () => {
    const [outer, inner] = drawn(ZERO);
    const flipped = outer!.map((point) => ({ ...point, on: !point.on }));
    // Written out, the 0 has on-curve points between its control points: flipping them breaks the structure.
    expect(verdict([flipped, inner!]).digit).toBe(null);
  });

  it('is not fooled by a mirror image (a 7 drawn left to right)', () => {
    const mirrored = drawn(SEVEN).map((contour) => contour.map((point) => ({ ...point, x: 600 - point.x })));
    expect(verdict(mirrored).digit).toBe(null);
  });

  it('refuses a glyph two digits are equally near (ambiguous references)', () => {
    const twin = { digit: 4, shape: referenceShape({ ...SEVEN, digit: 4 }) };
    const result = verdict(drawn(SEVEN), 1000, [...REFERENCES, twin]);
    expect(result).toMatchObject({ digit: null, distance: 0, runnerUp: 0 });
  });

  it('refuses a match not clearly better than the runner-up (within the margin)', () => {
    // A "4" that differs from the 7 by less than the margin in one point.
    const near = referenceShape({ ...SEVEN, contours: ['50,700 550,700 550,0 450,0 450,600 50,630'] });
    const references = [...REFERENCES, { digit: 4, shape: near }];
    expect(shapeDistance(near, referenceShape(SEVEN))).toBeLessThan(MATCH_TOLERANCE + MATCH_MARGIN);
    expect(verdict(drawn(SEVEN), 1000, references).digit).toBe(null);
  });

  it('accepts several references of one digit (two designs) as that digit', () => {
    const otherSeven = { digit: 7, shape: referenceShape({ ...SEVEN, contours: ['50,700 550,700 550,0 450,0 450,600 50,610'] }) };
    expect(verdict(drawn(SEVEN), 1000, [...REFERENCES, otherSeven]).digit).toBe(7);
  });

  it('has no digit without references', () => {
    expect(verdict(drawn(SEVEN), 1000, []).digit).toBe(null);
  });
});

describe('normaliseOutline', () => {
  it('drops repeated points and implied on-curve points, and moves the box to 0,0', () => {
    const shape: Shape = normaliseOutline(
      [[{ x: 100, y: 100, on: true }, { x: 100, y: 100, on: true }, { x: 300, y: 500, on: false }, { x: 400, y: 500, on: true }, { x: 500, y: 500, on: false }, { x: 500, y: 100, on: true }]],
      2000,
    );
    expect(shape).toEqual([[{ x: 0, y: 0, on: true }, { x: 100, y: 200, on: false }, { x: 200, y: 200, on: false }, { x: 200, y: 0, on: true }]]);
  });

  it('rejects malformed reference points', () => {
    expect(() => parseContour('50,700 5O,0')).toThrow(/bad point/);
  });
});

/** A font stand-in: cmap and outlines given directly. */
function fakeFont(outlines: Array<Outline | 'composite'>, cmap: Array<[number, number]>, unitsPerEm = 1000, advance = 650): TrueTypeFont {
  return {
    unitsPerEm,
    cmap: new Map(cmap),
    advance: () => advance,
    outline(glyph) {
      const outline = outlines[glyph];
      if (outline === 'composite') throw new FontProblem('too-complex', 'composite glyph');
      if (!outline) throw new FontProblem('damaged');
      return outline;
    },
  };
}

describe('digitsOfFont', () => {
  it('reads each code point by its glyph, two code points drawing one glyph included', () => {
    const font = fakeFont([[], drawn(SEVEN, { dx: 40 }), drawn(ONE), drawn(ZERO)], [[0xe001, 1], [0xe002, 2], [0xe003, 3], [0xe004, 1]]);
    expect(digitsOfFont(font, REFERENCES)).toEqual(new Map([[0xe001, 7], [0xe002, 1], [0xe003, 0], [0xe004, 7]]));
  });

  it('accepts two glyphs with the same drawing for one digit', () => {
    const font = fakeFont([[], drawn(SEVEN, { dx: 40 }), drawn(SEVEN, { dx: 40 })], [[0xe001, 1], [0xe002, 2]]);
    expect(digitsOfFont(font, REFERENCES)).toEqual(new Map([[0xe001, 7], [0xe002, 7]]));
  });

  it('distrusts two different drawings taken for the same digit: neither is read', () => {
    const font = fakeFont(
      [[], drawn(SEVEN), drawn(SEVEN, { jitter: (i) => (i === 2 ? 8 : 0) }), drawn(ONE)],
      [[0xe001, 1], [0xe002, 2], [0xe003, 3]],
    );
    expect(digitsOfFont(font, REFERENCES)).toEqual(new Map([[0xe001, null], [0xe002, null], [0xe003, 1]]));
  });

  it('gives a composite, damaged or unmatched glyph no digit, and reads the others', () => {
    const triangle: Outline = [[{ x: 0, y: 0, on: true }, { x: 300, y: 700, on: true }, { x: 600, y: 0, on: true }]];
    const font = fakeFont([[], 'composite', drawn(EIGHT), triangle], [[0xe001, 1], [0xe002, 2], [0xe003, 3], [0xe004, 9]]);
    expect(digitsOfFont(font, REFERENCES)).toEqual(new Map([[0xe001, null], [0xe002, 8], [0xe003, null], [0xe004, null]]));
  });

  it('gives a glyph drawn beyond its advance no digit (it would land on its neighbour)', () => {
    const font = (advance: number, dx: number) => fakeFont([[], drawn(SEVEN, { dx })], [[0xe001, 1]], 1000, advance);
    expect(digitsOfFont(font(650, 40), REFERENCES).get(0xe001)).toBe(7);
    expect(digitsOfFont(font(650, 700), REFERENCES).get(0xe001)).toBe(null);
    expect(digitsOfFont(font(650, -700), REFERENCES).get(0xe001)).toBe(null);
    expect(digitsOfFont(font(300, 0), REFERENCES).get(0xe001)).toBe(null);
  });

  it('refuses a font with more glyphs than a digit font has', () => {
    const cmap = Array.from({ length: 65 }, (_, i): [number, number] => [0xe000 + i, i + 1]);
    expect(() => digitsOfFont(fakeFont([[]], cmap), REFERENCES)).toThrow(expect.objectContaining({ code: 'too-complex' }));
  });
});
