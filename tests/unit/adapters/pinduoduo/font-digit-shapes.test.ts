/**
 * Lint of the reference digit shapes (lib/adapters/pinduoduo/font-digit-shapes.ts) and of the
 * fixture fonts made from them: every design has each digit once, well formed and inside the
 * em, and no two digits are so alike that a glyph near one could be within the margin of
 * another. The fixtures' embedded fonts are what scripts/make-obfuscated-font.ts makes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDD_DIGIT_SHAPES } from '../../../../lib/adapters/pinduoduo/font-digit-shapes';
import { readFontTables } from '../../../../lib/capture/fonts/font-file';
import { MATCH_MARGIN, MATCH_TOLERANCE, matchDigit, parseContour, referenceShape, shapeDistance } from '../../../../lib/capture/fonts/glyph-match';
import { bytesOfDataUrl, fontSourceOf } from '../../../../lib/capture/fonts/page-fonts';
import { readTrueType } from '../../../../lib/capture/fonts/truetype';
import { makeObfuscatedFont, type ObfuscatedFontSpec } from '../../../../scripts/make-obfuscated-font';

const designs = [...new Set(PDD_DIGIT_SHAPES.map((shape) => shape.design))];
const references = PDD_DIGIT_SHAPES.map((shape) => ({ digit: shape.digit, shape: referenceShape(shape) }));

describe('PDD reference digit shapes', () => {
  it('names where each design comes from, and says plainly the test design is not PDD\'s', () => {
    expect(designs.length).toBeGreaterThan(0);
    for (const design of designs) expect(design.length).toBeGreaterThan(10);
    expect(designs.filter((design) => design.startsWith('shoplens-test-digits')).every((design) => design.includes('not PDD'))).toBe(true);
  });

  it.each(designs)('%s: has each digit 0–9 exactly once', (design) => {
    const digits = PDD_DIGIT_SHAPES.filter((shape) => shape.design === design).map((shape) => shape.digit);
    expect(digits.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each(PDD_DIGIT_SHAPES.map((shape) => [shape.digit, shape] as const))('%s: well-formed contours inside the em', (_digit, shape) => {
    expect(shape.contours.length).toBeGreaterThan(0);
    for (const contour of shape.contours) {
      const points = parseContour(contour);
      expect(points.length).toBeGreaterThanOrEqual(3);
      for (const point of points) {
        expect(point.x).toBeGreaterThanOrEqual(0);
        expect(point.x).toBeLessThanOrEqual(1000);
        expect(point.y).toBeGreaterThanOrEqual(-300);
        expect(point.y).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('keeps every two digits far enough apart that a match is never ambiguous', () => {
    const tooClose: string[] = [];
    for (const a of references) {
      for (const b of references) {
        if (a.digit < b.digit && shapeDistance(a.shape, b.shape) < 2 * MATCH_TOLERANCE + MATCH_MARGIN) tooClose.push(`${a.digit}~${b.digit}`);
      }
    }
    expect(tooClose).toEqual([]);
  });

  it('reads each reference as its own digit', () => {
    for (const reference of references) expect(matchDigit(reference.shape, references).digit).toBe(reference.digit);
  });
});

const FIXTURES = join(__dirname, '../../../fixtures/pinduoduo');

/** The fixture fonts and the command each comment names. */
const FIXTURE_FONTS: Array<[string, ObfuscatedFontSpec]> = [
  ['mms-trade-operation-font.html', { family: 'spider-3a9f5c', seed: 11, format: 'woff' }],
  ['mms-traffic-plate-font-decoy.html', { family: 'spider-8c21e7', seed: 23, format: 'ttf', cmapFormats: [4, 12], decoy: true }],
  ['goods-effect-font.html', { family: 'spider-6d04b1', seed: 31, format: 'woff', cmapFormats: [12] }],
];

describe('fixture fonts', () => {
  it.each(FIXTURE_FONTS)('%s embeds the font the generator makes', async (file, spec) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const command = `--family ${spec.family} --seed ${spec.seed} --format ${spec.format}`;
    expect(html).toContain(command);
    const src = new RegExp(`@font-face\\{font-family:"${spec.family}";src:([^}]+)\\}`).exec(html)?.[1];
    const source = fontSourceOf(src ?? '');
    expect(source.kind).toBe('data');
    const embedded = await readFontTables(bytesOfDataUrl((source as { url: string }).url));
    const made = await readFontTables(makeObfuscatedFont(spec).bytes);
    // Tables compared after inflating: zlib's bytes may differ between Node versions, the font does not.
    expect([...embedded.keys()].sort()).toEqual([...made.keys()].sort());
    for (const [tag, data] of made) expect([...embedded.get(tag)!], tag).toEqual([...data]);
    const digits = readTrueType(embedded).cmap.size;
    expect(digits).toBeGreaterThanOrEqual(11);
  });
});
