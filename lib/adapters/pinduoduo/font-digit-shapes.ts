/**
 * Reference digit shapes for PDD 数据中心's obfuscating font: what each digit's glyph outline
 * looks like, so a glyph is read as a digit by its drawing and never by its name or code point
 * (lib/capture/fonts/glyph-match.ts). Thousandths of an em; `x,y` a point on the outline, `~x,y`
 * a quadratic control point; outer contours clockwise, holes counter-clockwise.
 *
 * Where these shapes come from, plainly: ShopLens has NO capture of a real PDD font. The only
 * design here, 'shoplens-test-digits', is a seven-segment style drawn for ShopLens' own tests; the
 * fixture font generator (scripts/make-obfuscated-font.ts) draws its glyphs from these very
 * shapes (scaled to another em, moved, points jittered, code points shuffled), so the fixtures
 * test the decoder, not knowledge of PDD's font. A real PDD font's glyphs match none of them, so
 * on real pages its figures stay unreadable, which is the safe outcome. To decode real pages, add
 * the real font's digit outlines from a real capture as a design of their own (named after the
 * capture), keeping the lint (tests/unit/adapters/pinduoduo/font-digit-shapes.test.ts) green.
 *
 * Content-script code: type imports only.
 */
import type { DigitShape } from '../../capture/fonts/glyph-match';

const TEST_DESIGN = 'shoplens-test-digits (seven-segment, drawn for ShopLens tests; not PDD)';

export const PDD_DIGIT_SHAPES: readonly DigitShape[] = [
  {
    digit: 0,
    design: TEST_DESIGN,
    contours: [
      '300,700 ~550,700 550,350 ~550,0 300,0 ~50,0 50,350 ~50,700',
      '300,600 ~150,600 150,350 ~150,100 300,100 ~450,100 450,350 ~450,600',
    ],
  },
  { digit: 1, design: TEST_DESIGN, contours: ['250,0 250,550 150,500 150,600 300,700 350,700 350,0'] },
  { digit: 2, design: TEST_DESIGN, contours: ['50,700 550,700 550,300 150,300 150,100 550,100 550,0 50,0 50,400 450,400 450,600 50,600'] },
  { digit: 3, design: TEST_DESIGN, contours: ['50,700 550,700 550,0 50,0 50,100 450,100 450,300 150,300 150,400 450,400 450,600 50,600'] },
  { digit: 4, design: TEST_DESIGN, contours: ['50,700 150,700 150,400 450,400 450,700 550,700 550,0 450,0 450,300 50,300'] },
  { digit: 5, design: TEST_DESIGN, contours: ['50,700 550,700 550,600 150,600 150,400 550,400 550,0 50,0 50,100 450,100 450,300 50,300'] },
  {
    digit: 6,
    design: TEST_DESIGN,
    contours: ['50,700 550,700 550,600 150,600 150,400 550,400 550,0 50,0', '150,100 450,100 450,300 150,300'],
  },
  { digit: 7, design: TEST_DESIGN, contours: ['50,700 550,700 550,0 450,0 450,600 50,600'] },
  {
    digit: 8,
    design: TEST_DESIGN,
    contours: ['50,0 50,700 550,700 550,0', '150,100 450,100 450,300 150,300', '150,400 450,400 450,600 150,600'],
  },
  {
    digit: 9,
    design: TEST_DESIGN,
    contours: ['50,700 550,700 550,0 50,0 50,100 450,100 450,300 50,300', '150,400 450,400 450,600 150,600'],
  },
];
