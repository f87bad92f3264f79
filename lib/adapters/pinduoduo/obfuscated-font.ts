/**
 * PDD 数据中心 (mms.pinduoduo.com/sycm/…) draws its digits with a per-response web font: the text
 * (and the JSON the page fetched) holds private-use code points, U+E000–U+F8FF, which only that
 * font turns into digits. Reading the text gives garbage.
 *
 * ShopLens does not decode it, on purpose. The one public decoder known (PxxFontDecrypt, 2025-01)
 * downloads the `.ttf` named in the page's `<style data-id="spider…">` @font-face rule and maps each
 * glyph to a digit by the coordinates of its first outline point. Doing that here would mean
 * (1) a network request of ShopLens' own for the font (ShopLens makes none; the font's bytes are
 * not readable from the DOM or the CSS Font Loading API), (2) a TrueType parser in the content
 * script, and (3) trusting a coordinate table no real font file of ours could confirm. A wrong
 * digit is the worst defect this product can have, so each such figure is reported unreadable
 * (lib/capture/finder.ts turns private-use runs into an issue) and this module says why once.
 *
 * Content-script code: no imports.
 */

/** True when the page carries PDD's anti-scraping font rule (`<style data-id="spider…">`). */
export function hasAntiScrapingFont(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('style[data-id^="spider"]')).some((style) => /@font-face/i.test(style.textContent ?? ''));
}

/** The one page-level issue explaining why obfuscated figures were not read. */
export function obfuscatedFontIssue(count: number, doc: Document, field = 'metrics'): { field: string; problem: string } {
  const source = hasAntiScrapingFont(doc) ? "the page's anti-scraping font (spider @font-face)" : 'an obfuscating web font';
  return {
    field,
    problem: `${count} figure${count === 1 ? '' : 's'} drawn with ${source} as private-use characters: not read (decoding needs the font file, which ShopLens does not download)`.slice(0, 200),
  };
}
