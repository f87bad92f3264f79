/**
 * The characters of a text node as the page draws them: digits drawn with an obfuscating web
 * font (private-use code points, and any ASCII digit the font redraws) replaced by the digit the
 * font's glyph shows, decoded by ./page-fonts.ts. The finder reads text through this
 * (FindOptions.decodeText), so a decoded figure is read like any other.
 *
 * Which font draws a character follows the browser: the element's computed font-family list, in
 * order; a family falls through to the next only for characters its font does not map. A family
 * that is not a decoded @font-face (a system font, a font ShopLens could not decode) ends the
 * search: its characters are left as they are, so private-use characters stay unreadable.
 *
 * All or nothing per text node: if any character in it cannot be decoded, none is. Private-use
 * characters stay, and ASCII digits the font redraws become UNDECODED_DIGIT, so the finder
 * reports the figure unreadable instead of reading the digits the DOM holds but nobody sees.
 *
 * Content-script code: imports from ./page-fonts only.
 */
import { familyName, splitCssList, type PageFonts } from './page-fonts';

/** Stands for a digit the page's font redraws but ShopLens could not decode: private-use, so never read. */
export const UNDECODED_DIGIT = '\uE000';

const DECODABLE = /[0-9\uE000-\uF8FF]/;
const DECODABLE_ALL = /[0-9\uE000-\uF8FF]/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/;

export type DecodeText = (text: string, parent: Element | null) => string;

/** The families an element is drawn with, first first (walking up where a DOM without inheritance, jsdom, leaves it empty). */
function familiesOf(el: Element, cache: Map<Element, string[]>): string[] {
  const cached = cache.get(el);
  if (cached) return cached;
  const view = el.ownerDocument.defaultView;
  const walked: Element[] = [];
  let families: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const known = cache.get(node);
    if (known) {
      families = known;
      break;
    }
    walked.push(node);
    const value = view?.getComputedStyle(node).fontFamily ?? '';
    if (value && !/^(?:inherit|unset|revert|revert-layer)$/i.test(value.trim())) {
      families = splitCssList(value).map(familyName);
      break;
    }
  }
  for (const node of walked) cache.set(node, families);
  return families;
}

/** A decoder of text nodes for one reading of the page (it caches each element's fonts). */
export function fontTextDecoder(fonts: PageFonts): DecodeText {
  const usable = [...fonts.families.values()].some((family) => !family.problem && family.digits.size > 0);
  const cache = new Map<Element, string[]>();

  /** The digit drawn for a code point; null: a decoded font draws no certain digit; undefined: no decoded font draws it. */
  const digitFor = (codePoint: number, families: readonly string[]): number | null | undefined => {
    for (const name of families) {
      const family = fonts.families.get(name);
      if (!family || family.problem) return undefined;
      const digit = family.digits.get(codePoint);
      if (digit !== undefined) return digit;
    }
    return undefined;
  };

  return (text, parent) => {
    if (!usable || !parent || !DECODABLE.test(text)) return text;
    const families = familiesOf(parent, cache);
    if (!families.some((name) => fonts.families.has(name))) return text;
    let failed = false;
    const decoded = text.replace(DECODABLE_ALL, (char) => {
      const digit = digitFor(char.charCodeAt(0), families);
      if (digit === undefined) {
        if (PRIVATE_USE.test(char)) failed = true;
        return char;
      }
      if (digit === null) failed = true;
      return digit === null ? char : String(digit);
    });
    if (!failed) return decoded;
    return text.replace(/[0-9]/g, (char) => (digitFor(char.charCodeAt(0), families) === undefined ? char : UNDECODED_DIGIT));
  };
}
