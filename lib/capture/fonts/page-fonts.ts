/**
 * The digit fonts a page declares, decoded: for each @font-face family, which digit each of its
 * private-use code points (and ASCII digits) draws, judged by glyph outline (./glyph-match.ts).
 *
 * Where the fonts come from: the page's own style sheets, read through the CSSOM from the
 * isolated world (`document.styleSheets`; cross-origin sheets cannot be read and are skipped).
 * Only a font embedded in the rule as a `data:` URL is decoded. ShopLens fetches nothing
 * (no-egress rule), so a font given only by an address, a local() font, or one the browser
 * itself failed to load is not decoded, and says so (FontProblemCode).
 *
 * Decoding is async (WOFF tables are zlib-compressed) while extraction is sync, so the capture
 * loop, the CLI and the fixture runner ask a DigitFontReader first: `read(doc)` answers at once
 * from what is decoded, with `pending` set while a newly declared font is still being decoded
 * (read again when it settles). Decoded fonts are cached by their data URL.
 *
 * Content-script code: imports from ./ only.
 */
import { FontProblem, MAX_FONT_BYTES, readFontTables, type FontProblemCode } from './font-file';
import { digitsOfFont, referenceShape, type DigitShape, type Shape } from './glyph-match';
import { readTrueType } from './truetype';

export interface FontFamilyDigits {
  /** Why (one of) the family's fonts gave no digits; the family is then not decoded at all. */
  problem?: FontProblemCode;
  /** Code point → the digit its glyph draws, null when no certain digit. Only code points the font maps. */
  digits: ReadonlyMap<number, number | null>;
}

export interface PageFonts {
  /** Families declared with @font-face on the page, by lower-case name. */
  families: ReadonlyMap<string, FontFamilyDigits>;
}

export interface PageFontReading {
  fonts: PageFonts;
  /** Set while a declared font is still being decoded: `fonts` is not final, read again when it settles. */
  pending: Promise<void> | null;
}

export interface DigitFontReader {
  read(doc: Document): PageFontReading;
}

/** A declared @font-face, as the CSSOM states it. */
interface DeclaredFace {
  family: string;
  src: string;
  unicodeRange: string;
}

const MAX_SHEETS = 128;
const MAX_RULES = 20_000;
const MAX_FACES = 32;
/** Data-URL fonts decoded per page, at most. */
const MAX_DATA_FACES = 8;
/**
 * Decoded fonts kept, by data URL (the URLs are kept too: a few KB for a digit font, 700 KB at
 * the very most). As many as one page may use, so a page's fonts all stay decoded.
 */
const CACHE_SIZE = MAX_DATA_FACES;
const FONT_FACE_RULE = 5;
const IMPORT_RULE = 3;

/** `"spider-x"` → `spider-x`, lower-case (CSS family names compare case-insensitively). */
export function familyName(text: string): string {
  const trimmed = text.trim();
  const unquoted = /^(["'])(.*)\1$/s.exec(trimmed)?.[2] ?? trimmed;
  return unquoted.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').toLowerCase();
}

/** Splits a CSS list at commas outside quotes and parentheses. */
export function splitCssList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

export type FontSource = { kind: 'data'; url: string } | { kind: 'remote' } | { kind: 'local' };

/**
 * The source the browser loads: the first `src` entry in a format it reads (EOT and SVG fonts
 * are skipped by Chromium, as here). A `data:` URL is decoded; anything else is not.
 */
export function fontSourceOf(src: string): FontSource {
  for (const entry of splitCssList(src)) {
    if (/^local\(/i.test(entry)) return { kind: 'local' };
    const format = /format\(\s*["']?([\w-]+)/i.exec(entry)?.[1]?.toLowerCase();
    if (format === 'embedded-opentype' || format === 'svg') continue;
    const url = /^url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)'"\s]*))\s*\)/i.exec(entry);
    if (!url) continue;
    const address = (url[1] ?? url[2] ?? url[3] ?? '').replace(/\\\r?\n/g, '').trim();
    return /^data:/i.test(address) ? { kind: 'data', url: address } : { kind: 'remote' };
  }
  return { kind: 'remote' };
}

/** The bytes of a base64 `data:` URL. Throws FontProblem when it is not one or is too large. */
export function bytesOfDataUrl(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (comma < 0 || !/;base64\s*$/i.test(url.slice(0, comma))) throw new FontProblem('damaged', 'not a base64 data URL');
  const base64 = url.slice(comma + 1).replace(/\s+/g, '');
  if (base64.length > ((MAX_FONT_BYTES + 2) / 3) * 4 + 4) throw new FontProblem('too-large');
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw new FontProblem('damaged', 'bad base64');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `U+E000-F8FF, U+3?` → ranges; null when the face states none (it covers everything). */
export function parseUnicodeRange(text: string): Array<[number, number]> | null {
  if (!text.trim()) return null;
  const ranges: Array<[number, number]> = [];
  for (const part of text.split(',').slice(0, 256)) {
    const match = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match) continue;
    const first = match[1]!;
    if (first.includes('?')) ranges.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'f'), 16)]);
    else ranges.push([parseInt(first, 16), parseInt(match[2] ?? first, 16)]);
  }
  return ranges;
}

type FaceRule = CSSRule & { style: CSSStyleDeclaration };

/** The @font-face rules of a style sheet and the sheets it imports, depth and count bounded. */
function collectFaces(rules: CSSRuleList, faces: FaceRule[], budget: { rules: number }, depth: number): void {
  for (let i = 0; i < rules.length && budget.rules-- > 0 && faces.length < MAX_FACES; i++) {
    const rule = rules[i] as CSSRule & { style?: CSSStyleDeclaration; cssRules?: CSSRuleList; styleSheet?: CSSStyleSheet | null };
    if (rule.type === FONT_FACE_RULE && rule.style) {
      faces.push(rule as FaceRule);
    } else if (depth < 4) {
      let nested: CSSRuleList | undefined;
      try {
        nested = rule.type === IMPORT_RULE ? rule.styleSheet?.cssRules : rule.cssRules;
      } catch {
        nested = undefined; // a cross-origin import
      }
      if (nested) collectFaces(nested, faces, budget, depth + 1);
    }
  }
}

function rulesOf(sheet: CSSStyleSheet): CSSRuleList | null {
  try {
    return sheet.cssRules;
  } catch {
    return null; // cross-origin: its fonts stay unknown, so text drawn with them is not decoded
  }
}

/**
 * The page's @font-face rules as they are now. Walked afresh on every read (a few thousand rules
 * take well under a millisecond): a cache keyed on sheets and rule counts would miss a rule
 * deleted and another inserted, and a font swapped unseen is a font decoded stale.
 */
function declaredFaces(doc: Document): DeclaredFace[] {
  const faces: FaceRule[] = [];
  const budget = { rules: MAX_RULES };
  for (const sheet of Array.from(doc.styleSheets ?? []).slice(0, MAX_SHEETS) as CSSStyleSheet[]) {
    const rules = rulesOf(sheet);
    if (rules) collectFaces(rules, faces, budget, 0);
  }
  return faces.map((rule) => ({
    family: familyName(rule.style.getPropertyValue('font-family')),
    src: rule.style.getPropertyValue('src'),
    unicodeRange: rule.style.getPropertyValue('unicode-range'),
  }));
}

/** Families the browser itself failed to load (FontFaceSet status), when the document says. */
function failedFamilies(doc: Document): Set<string> {
  const failed = new Set<string>();
  const set = (doc as Document & { fonts?: Iterable<FontFace> }).fonts;
  if (!set || typeof (set as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') return failed;
  let count = 0;
  for (const face of set) {
    if (++count > 256) break;
    if (face.status === 'error') failed.add(familyName(face.family));
  }
  return failed;
}

type FaceDigits = { problem: FontProblemCode } | { digits: Map<number, number | null> };

async function decodeFace(url: string, references: ReadonlyArray<{ digit: number; shape: Shape }>): Promise<FaceDigits> {
  try {
    const font = readTrueType(await readFontTables(bytesOfDataUrl(url)));
    return { digits: digitsOfFont(font, references) };
  } catch (error) {
    // A read past the end of a table (DataView's RangeError) is damage like any other.
    return { problem: error instanceof FontProblem ? error.code : 'damaged' };
  }
}

function inRanges(codePoint: number, ranges: Array<[number, number]> | null): boolean {
  return ranges === null || ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** A reader of the page's digit fonts against these reference shapes (see the module note). */
export function createDigitFontReader(shapes: readonly DigitShape[]): DigitFontReader {
  let references: Array<{ digit: number; shape: Shape }> | undefined;
  const decoded = new Map<string, FaceDigits>();
  const decoding = new Map<string, Promise<void>>();

  const start = (url: string): Promise<void> => {
    references ??= shapes.map((shape) => ({ digit: shape.digit, shape: referenceShape(shape) }));
    const job = decodeFace(url, references).then((result) => {
      decoded.set(url, result);
      decoding.delete(url);
      while (decoded.size > CACHE_SIZE) decoded.delete(decoded.keys().next().value!);
    });
    decoding.set(url, job);
    return job;
  };

  return {
    read(doc) {
      type Family = { problem?: FontProblemCode; digits: Map<number, number | null> };
      const families = new Map<string, Family>();
      const waits: Promise<void>[] = [];
      const failed = failedFamilies(doc);
      let dataFaces = 0;
      for (const face of declaredFaces(doc)) {
        const family: Family = families.get(face.family) ?? { digits: new Map() };
        families.set(face.family, family);
        const source = fontSourceOf(face.src);
        let result: FaceDigits | undefined;
        if (source.kind !== 'data') result = { problem: source.kind };
        else if (failed.has(face.family)) result = { problem: 'not-loaded' };
        else if (++dataFaces > MAX_DATA_FACES) result = { problem: 'too-complex' };
        else {
          result = decoded.get(source.url);
          if (result) {
            // Most recently used last, so the current page's fonts are the last evicted.
            decoded.delete(source.url);
            decoded.set(source.url, result);
          } else {
            waits.push(decoding.get(source.url) ?? start(source.url));
            result = { problem: 'not-loaded' }; // not decoded yet: not used until it is
          }
        }
        if ('problem' in result) {
          family.problem ??= result.problem;
          continue;
        }
        const ranges = parseUnicodeRange(face.unicodeRange);
        for (const [codePoint, digit] of result.digits) {
          if (!inRanges(codePoint, ranges)) continue;
          // Two faces of one family (weights, styles) must agree, or the code point is undecided.
          const known = family.digits.get(codePoint);
          family.digits.set(codePoint, known === undefined || known === digit ? digit : null);
        }
      }
      return { fonts: { families }, pending: waits.length > 0 ? Promise.all(waits).then(() => undefined) : null };
    },
  };
}

/**
 * Reads until no font is pending (the CLI and fixture runner; the capture loop waits its own
 * way). Undefined without a reader (an adapter that reads no fonts).
 */
export async function readPageFontsSettled(reader: DigitFontReader | undefined, doc: Document): Promise<PageFonts | undefined> {
  if (!reader) return undefined;
  // Each round decodes and caches at least one font; the bound is a safety net.
  for (let round = 0; round < MAX_DATA_FACES + 2; round++) {
    const reading = reader.read(doc);
    if (!reading.pending) return reading.fonts;
    await reading.pending;
  }
  return reader.read(doc).fonts;
}
