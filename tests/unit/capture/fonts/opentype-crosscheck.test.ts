/**
 * Cross-check: ShopLens' minimal font reader (lib/capture/fonts) and opentype.js (a full parser,
 * a dev dependency used only here and by no shipped code) read the generated fixture fonts the
 * same: units per em, every decoded code point's glyph, and every glyph's outline point by point.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readFontTables } from '../../../../lib/capture/fonts/font-file';
import { readTrueType, type Outline } from '../../../../lib/capture/fonts/truetype';
import { makeObfuscatedFont, type ObfuscatedFontSpec } from '../../../../scripts/make-obfuscated-font';
import { buildTrueType } from '../../../../scripts/lib/font-builder';

// opentype.js ships no type declarations: the little used here.
interface OpentypePoint {
  x: number;
  y: number;
  onCurve: boolean;
  lastPointOfContour: boolean;
}
interface OpentypeFont {
  unitsPerEm: number;
  outlinesFormat: string;
  tables: { cmap: { glyphIndexMap: Record<string, number> } };
  glyphs: { get(index: number): { points?: OpentypePoint[]; path: unknown } };
}
const opentype = createRequire(import.meta.url)('opentype.js') as { parse(buffer: ArrayBuffer): OpentypeFont };

function opentypeOutline(font: OpentypeFont, glyph: number): Outline {
  const record = font.glyphs.get(glyph);
  void record.path; // opentype.js reads TrueType points lazily, with the path
  const outline: Outline = [];
  let contour: Outline[number] = [];
  for (const point of record.points ?? []) {
    contour.push({ x: point.x, y: point.y, on: point.onCurve });
    if (point.lastPointOfContour) {
      outline.push(contour);
      contour = [];
    }
  }
  return outline;
}

const SPECS: Array<[string, ObfuscatedFontSpec]> = [
  ['WOFF, cmap format 4', { family: 'a', seed: 11, format: 'woff' }],
  ['TrueType, cmap formats 4 and 12, with a decoy', { family: 'b', seed: 23, format: 'ttf', cmapFormats: [4, 12], decoy: true }],
  ['WOFF, cmap format 12 only', { family: 'c', seed: 5, format: 'woff', cmapFormats: [12] }],
];

describe('minimal reader vs opentype.js', () => {
  it.each(SPECS)('%s', async (_name, spec) => {
    const { bytes } = makeObfuscatedFont(spec);
    const ours = readTrueType(await readFontTables(bytes));
    const theirs = opentype.parse(bytes.slice().buffer);
    expect(theirs.outlinesFormat).toBe('truetype');
    expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
    const theirCmap = Object.entries(theirs.tables.cmap.glyphIndexMap)
      .map(([cp, glyph]) => [Number(cp), glyph] as [number, number])
      .filter(([cp]) => (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0x30 && cp <= 0x39));
    expect([...ours.cmap].sort((a, b) => a[0] - b[0])).toEqual(theirCmap.sort((a, b) => a[0] - b[0]));
    expect(ours.cmap.size).toBeGreaterThanOrEqual(11);
    for (const glyph of new Set(ours.cmap.values())) {
      expect(ours.outline(glyph), `glyph ${glyph}`).toEqual(opentypeOutline(theirs, glyph));
    }
  });

  it('agrees on a format 4 cmap with a glyph index array', async () => {
    const glyph = { contours: [[{ x: 0, y: 0, on: true }, { x: 0, y: 500, on: false }, { x: 400, y: 0, on: true }]] };
    const cmap = new Map([[0xe010, 2], [0xe011, 1], [0xe012, 3], [0x35, 2]]);
    const bytes = buildTrueType({ family: 'd', unitsPerEm: 2048, glyphs: [{}, glyph, glyph, glyph], cmap, format4GlyphArray: true });
    const ours = readTrueType(await readFontTables(bytes));
    const theirs = opentype.parse(bytes.slice().buffer);
    expect([...ours.cmap]).toEqual([...cmap].map(([cp, g]) => [cp, theirs.tables.cmap.glyphIndexMap[cp]]).sort((a, b) => a[0]! - b[0]!));
    expect(ours.cmap).toEqual(new Map([[0x35, 2], [0xe010, 2], [0xe011, 1], [0xe012, 3]]));
  });
});
