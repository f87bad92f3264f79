/**
 * PDD 数据中心 (mms.pinduoduo.com/sycm/…) draws its digits with a web font that changes with
 * every load: the text (and the JSON the page fetched) holds private-use code points,
 * U+E000–U+F8FF, which only that font turns into digits. Reading the text gives garbage.
 *
 * What ShopLens does about it:
 * - it decodes the font the page itself carries, when the page embeds it in its CSS as a `data:`
 *   URL: the font's cmap says which glyph draws each code point, and each glyph's outline is
 *   matched against reference digit shapes (./font-digit-shapes.ts, lib/capture/fonts). Glyph
 *   names are never trusted; an outline that is not clearly one digit decodes to nothing;
 * - it fetches nothing. The public decoder known (PxxFontDecrypt, 2025-01) downloads the `.ttf`
 *   named by the page's `<style data-id="spider…">` @font-face rule; ShopLens makes no request of
 *   its own (the bytes of a font loaded by address are not readable from the DOM or the CSS Font
 *   Loading API), so such a font is not decoded;
 * - every figure with a character left undecoded is reported unreadable (lib/capture/finder.ts
 *   turns private-use runs into an issue) and this module says why once, page-wide.
 *
 * The reference shapes are ShopLens' own test design, not PDD's (no real PDD font has been
 * captured): on real pages figures stay unreadable until real shapes are added from a capture.
 *
 * Content-script code.
 */
import { createDigitFontReader, type PageFonts } from '../../capture/fonts/page-fonts';
import type { FontProblemCode } from '../../capture/fonts/font-file';
import { PDD_DIGIT_SHAPES } from './font-digit-shapes';

/** The page-font reader the 数据中心 adapters share (one decode per font per tab). */
export const pddDigitFonts = createDigitFontReader(PDD_DIGIT_SHAPES);

/** True when the page carries PDD's anti-scraping font rule (`<style data-id="spider…">`). */
export function hasAntiScrapingFont(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('style[data-id^="spider"]')).some((style) => /@font-face/i.test(style.textContent ?? ''));
}

/** Why a font was not decoded, as the issue says it (lib/i18n/issue-templates.ts translates each). */
const NOT_DOWNLOADED = 'decoding needs the font file, which ShopLens does not download';
export const FONT_PROBLEM_REASONS: Record<FontProblemCode, string> = {
  remote: NOT_DOWNLOADED,
  local: 'the font is one installed on the computer (local()), which ShopLens does not read',
  'not-loaded': 'the browser could not load the font',
  woff2: 'the font is WOFF2, which ShopLens does not decode',
  cff: 'the font has CFF outlines, which ShopLens does not decode',
  collection: 'the font is a font collection, which ShopLens does not decode',
  'not-a-font': 'the font file is damaged or not a font',
  damaged: 'the font file is damaged or not a font',
  'too-large': 'the font file is too large to decode',
  'too-complex': 'the font has more glyphs or contours than a digit font',
  substitutes: 'the font substitutes or moves glyphs (GSUB, GPOS, kern), which ShopLens does not follow',
  'cmap-unsupported': "the font's character map is of a kind ShopLens does not read",
};
export const GLYPH_NOT_A_DIGIT = 'some of its glyphs match no digit shape ShopLens knows';
export const NOT_IN_A_DECODED_FONT = 'they are not drawn with a font ShopLens decoded';

/** The reasons figures stayed undecoded, from what became of the page's fonts (in a stable order). */
export function undecodedReasons(fonts: PageFonts | undefined): string[] {
  if (!fonts || fonts.families.size === 0) return [NOT_DOWNLOADED];
  const reasons = new Set<string>();
  for (const family of fonts.families.values()) {
    if (family.problem) reasons.add(FONT_PROBLEM_REASONS[family.problem]);
    else if ([...family.digits.values()].includes(null)) reasons.add(GLYPH_NOT_A_DIGIT);
  }
  if (reasons.size === 0) reasons.add(NOT_IN_A_DECODED_FONT);
  return [...reasons];
}

/** The one page-level issue explaining why obfuscated figures were not read. */
export function obfuscatedFontIssue(count: number, doc: Document, field = 'metrics', fonts?: PageFonts): { field: string; problem: string } {
  const source = hasAntiScrapingFont(doc) ? "the page's anti-scraping font (spider @font-face)" : 'an obfuscating web font';
  const sentence = (reasons: string[]) =>
    `${count} figure${count === 1 ? '' : 's'} drawn with ${source} as private-use characters: not read (${reasons.join('; ')})`;
  // Problems are at most 200 characters: whole reasons are left out rather than one cut short.
  const reasons = undecodedReasons(fonts);
  while (reasons.length > 1 && sentence(reasons).length > 200) reasons.pop();
  return { field, problem: sentence(reasons).slice(0, 200) };
}
