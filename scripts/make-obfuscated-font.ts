/**
 * Makes the obfuscated-digit fonts of the PDD 数据中心 fixtures (tests/fixtures/pinduoduo/*-font-*.html):
 * a font like PDD's anti-scraping font, whose digit glyphs sit at private-use code points in a
 * shuffled order, for the decoder (lib/capture/fonts) to read back.
 *
 *   npx tsx scripts/make-obfuscated-font.ts --family spider-font-3a9f --seed 7 --format woff [--cmap 4,12] [--decoy] [--encode "1,234.56"]
 *
 * prints JSON: the `@font-face` rule (font embedded as a base64 data: URL), the HTML entity of
 * each digit's code point, the decoy's, and `--encode`'s text written with them.
 *
 * The glyphs are the reference shapes' own design, 'shoplens-test-digits'
 * (lib/adapters/pinduoduo/font-digit-shapes.ts), drawn the way a real font would differ from the
 * reference: another em (2048 units), each glyph moved by its own side bearing, every point
 * jittered by up to 2 units, implied on-curve points left out. The decoy (`--decoy`) is a 3 with
 * one corner pulled out of place: close to a digit, but no digit, so it must decode to nothing.
 * Everything is deterministic for a seed, so the fixtures can be made again.
 *
 * This is NOT PDD's font: ShopLens has no capture of one (see font-digit-shapes.ts).
 */
import { pathToFileURL } from 'node:url';
import { parseContour } from '../lib/capture/fonts/glyph-match';
import { PDD_DIGIT_SHAPES } from '../lib/adapters/pinduoduo/font-digit-shapes';
import { buildTrueType, toWoff, type BuildGlyph, type BuildPoint } from './lib/font-builder';
import { mulberry32 } from './lib/mulberry32';

export interface ObfuscatedFontSpec {
  family: string;
  seed: number;
  format: 'woff' | 'ttf';
  cmapFormats?: Array<4 | 12>;
  /** Add a glyph that is almost a 3 but not one. */
  decoy?: boolean;
}

export interface ObfuscatedFont {
  bytes: Uint8Array;
  /** The code points drawing each digit (the first is the one `encode` uses; a second one, if any, draws the same glyph). */
  codePoints: Map<number, number[]>;
  decoy?: number;
  /** Text with its ASCII digits replaced by their code points. */
  encode(text: string): string;
}

const UNITS_PER_EM = 2048;
const REFERENCE_EM = 1000;


/** A contour without the on-curve points a TrueType font leaves implied (midway between two control points). */
function withoutImpliedPoints(contour: BuildPoint[]): BuildPoint[] {
  return contour.filter((point, index) => {
    if (!point.on) return true;
    const before = contour[(index + contour.length - 1) % contour.length]!;
    const after = contour[(index + 1) % contour.length]!;
    return before.on || after.on || before.x + after.x !== 2 * point.x || before.y + after.y !== 2 * point.y;
  });
}

function drawGlyph(contours: readonly string[], next: () => number): BuildGlyph {
  const scale = UNITS_PER_EM / REFERENCE_EM;
  const bearing = 30 + Math.floor(next() * 60);
  const jitter = () => Math.floor(next() * 5) - 2;
  return {
    advance: Math.round(680 * scale),
    contours: contours.map((text) =>
      withoutImpliedPoints(parseContour(text)).map((point) => ({
        x: Math.round((point.x + bearing) * scale) + jitter(),
        y: Math.round(point.y * scale) + jitter(),
        on: point.on,
      })),
    ),
  };
}

export function makeObfuscatedFont(spec: ObfuscatedFontSpec): ObfuscatedFont {
  const next = mulberry32(spec.seed);
  const design = PDD_DIGIT_SHAPES.filter((shape) => shape.design.startsWith('shoplens-test-digits'));
  const used = new Set<number>();
  const codePoint = () => {
    for (;;) {
      const candidate = 0xe000 + Math.floor(next() * 0x1900);
      if (candidate !== 0xe000 && !used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  // Glyph order shuffled (Fisher–Yates): glyph n+1 is not digit n.
  const order = design.map((shape) => shape.digit);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const glyphs: BuildGlyph[] = [{ advance: Math.round(UNITS_PER_EM * 0.6) }];
  const cmap = new Map<number, number>();
  const codePoints = new Map<number, number[]>();
  for (const digit of order) {
    const shape = design.find((s) => s.digit === digit)!;
    glyphs.push(drawGlyph(shape.contours, next));
    const point = codePoint();
    cmap.set(point, glyphs.length - 1);
    codePoints.set(digit, [point]);
  }
  // One digit is drawn at a second code point too (same glyph): fonts do that, and it is no ambiguity.
  const twice = order[0]!;
  const second = codePoint();
  cmap.set(second, cmap.get(codePoints.get(twice)![0]!)!);
  codePoints.get(twice)!.push(second);
  let decoy: number | undefined;
  if (spec.decoy) {
    const three = design.find((s) => s.digit === 3)!;
    // The 3's top-right corner pulled 90 thousandths of an em out: no digit's drawing.
    const pulled = three.contours.map((text, index) => (index === 0 ? text.replace('550,700', '640,760') : text));
    glyphs.push(drawGlyph(pulled, next));
    decoy = codePoint();
    cmap.set(decoy, glyphs.length - 1);
  }
  const ttf = buildTrueType({ family: spec.family, unitsPerEm: UNITS_PER_EM, glyphs, cmap, cmapFormats: spec.cmapFormats ?? [4] });
  const bytes = spec.format === 'woff' ? toWoff(ttf) : ttf;
  return {
    bytes,
    codePoints,
    ...(decoy === undefined ? {} : { decoy }),
    encode: (text) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(codePoints.get(Number(digit))![0]!)),
  };
}

function entity(codePoint: number): string {
  return `&#x${codePoint.toString(16).toUpperCase()};`;
}

/** The @font-face rule embedding the font, as the fixtures carry it. */
export function fontFaceRule(family: string, font: ObfuscatedFont, format: 'woff' | 'ttf'): string {
  const mime = format === 'woff' ? 'font/woff' : 'font/ttf';
  const hint = format === 'woff' ? 'woff' : 'truetype';
  return `@font-face{font-family:"${family}";src:url(data:${mime};base64,${Buffer.from(font.bytes).toString('base64')}) format("${hint}")}`;
}

function main(args: string[]): void {
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const family = value('--family') ?? 'spider-font';
  const format = value('--format') === 'ttf' ? 'ttf' : 'woff';
  const cmapFormats = (value('--cmap') ?? '4').split(',').map(Number) as Array<4 | 12>;
  const spec: ObfuscatedFontSpec = { family, seed: Number(value('--seed') ?? 1), format, cmapFormats, decoy: args.includes('--decoy') };
  const font = makeObfuscatedFont(spec);
  const toEntities = (text: string) => [...font.encode(text)].map((char) => (char.charCodeAt(0) >= 0xe000 ? entity(char.charCodeAt(0)) : char)).join('');
  const output = {
    css: fontFaceRule(family, font, format),
    bytes: font.bytes.length,
    digits: Object.fromEntries([...font.codePoints].sort((a, b) => a[0] - b[0]).map(([digit, points]) => [digit, points.map(entity)])),
    decoy: font.decoy === undefined ? null : entity(font.decoy),
    encoded: value('--encode') === undefined ? null : toEntities(value('--encode')!),
  };
  console.log(JSON.stringify(output, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
