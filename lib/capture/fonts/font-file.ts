/**
 * The container of a web font a page declared: the table directory of a TrueType file (sfnt),
 * or of a WOFF 1.0 file, whose tables are zlib-compressed (inflated with the platform's
 * DecompressionStream, hence async). Only the tables the digit decoder reads are returned.
 *
 * Fonts come from the page: hostile input. Every offset is checked against the bytes, sizes are
 * capped (file, tables, decompressed output) and every loop is bounded. A file this module does
 * not read is a FontProblem with a reason, never a guess:
 * - WOFF2 (Brotli plus transformed glyf tables): not decoded, said so;
 * - OpenType with CFF outlines (`OTTO`) and font collections (`ttcf`): not decoded, said so;
 * - a font with glyph substitution or positioning tables (GSUB, GPOS, kern, AAT morx/mort/kerx):
 *   not decoded. Such a font can draw a run of characters as other glyphs, or move glyphs out of
 *   order, so the digits shown need not be the digits of each character read one by one.
 *
 * Content-script code: no imports.
 */

/** Why a font (or one of its glyphs) gave no digits. Phrased for people in ../../adapters/pinduoduo/obfuscated-font.ts. */
export type FontProblemCode =
  | 'remote' // given only by an address: ShopLens fetches nothing
  | 'local' // a local() font of the operator's system
  | 'not-loaded' // the browser itself could not load it
  | 'woff2'
  | 'cff'
  | 'collection'
  | 'not-a-font'
  | 'damaged'
  | 'too-large'
  | 'too-complex'
  | 'substitutes' // glyph substitution or positioning tables
  | 'cmap-unsupported';

export class FontProblem extends Error {
  constructor(readonly code: FontProblemCode, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** A font file larger than this is refused (PDD's digit fonts are a few KB). */
export const MAX_FONT_BYTES = 512 * 1024;
/** The inflated tables of one WOFF file together may not exceed this. */
const MAX_INFLATED_BYTES = 2 * 1024 * 1024;
const MAX_TABLES = 64;

/** The tables the digit decoder reads. */
export const NEEDED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf'] as const;
/** Tables that make what is drawn differ from the characters one by one: the font is refused. */
const REFUSED_TABLES = ['GSUB', 'GPOS', 'kern', 'morx', 'mort', 'kerx'];
export type FontTables = Map<string, Uint8Array>;

const TRUETYPE = 0x00010000;
const TAG_TRUE = 0x74727565; // 'true' (old Apple TrueType)
const TAG_OTTO = 0x4f54544f;
const TAG_TTCF = 0x74746366;
const TAG_WOFF = 0x774f4646;
const TAG_WOF2 = 0x774f4632;

function damaged(detail: string): FontProblem {
  return new FontProblem('damaged', detail);
}

function tagAt(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** `length` bytes at `offset`, which must lie inside `bytes` (subarray would silently clamp). */
export function sliceOf(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  if (offset < 0 || length < 0 || offset + length > bytes.length) throw damaged(`range ${offset}+${length} outside ${bytes.length} bytes`);
  return bytes.subarray(offset, offset + length);
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Inflates one zlib stream to exactly `expected` bytes; more or fewer is damage. */
async function inflate(data: Uint8Array, expected: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  // Errors surface through the reader; these promises must not go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const out = new Uint8Array(expected);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > expected) throw damaged('table inflates past its stated size');
      out.set(value, at);
      at += value.length;
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error instanceof FontProblem ? error : damaged('table does not inflate');
  }
  if (at !== expected) throw damaged('table inflates short of its stated size');
  return out;
}

function readSfntTables(bytes: Uint8Array, view: DataView): FontTables {
  const count = view.getUint16(4);
  if (count > MAX_TABLES) throw damaged(`${count} tables`);
  sliceOf(bytes, 12, count * 16);
  const tables: FontTables = new Map();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = tagAt(bytes, record);
    if (REFUSED_TABLES.includes(tag)) throw new FontProblem('substitutes', tag);
    if ((NEEDED_TABLES as readonly string[]).includes(tag) && !tables.has(tag)) {
      tables.set(tag, sliceOf(bytes, view.getUint32(record + 8), view.getUint32(record + 12)));
    }
  }
  return tables;
}

async function readWoffTables(bytes: Uint8Array, view: DataView): Promise<FontTables> {
  if (bytes.length < 44) throw damaged('WOFF header cut short');
  const flavor = view.getUint32(4);
  if (flavor === TAG_OTTO) throw new FontProblem('cff');
  if (flavor !== TRUETYPE && flavor !== TAG_TRUE) throw new FontProblem('not-a-font', 'WOFF flavor');
  if (view.getUint32(8) !== bytes.length) throw damaged('WOFF length field does not match the file');
  const count = view.getUint16(12);
  if (count > MAX_TABLES) throw damaged(`${count} tables`);
  sliceOf(bytes, 44, count * 20);
  const tables: FontTables = new Map();
  let inflated = 0;
  for (let i = 0; i < count; i++) {
    const record = 44 + i * 20;
    const tag = tagAt(bytes, record);
    if (REFUSED_TABLES.includes(tag)) throw new FontProblem('substitutes', tag);
    if (!(NEEDED_TABLES as readonly string[]).includes(tag) || tables.has(tag)) continue;
    const data = sliceOf(bytes, view.getUint32(record + 4), view.getUint32(record + 8));
    const size = view.getUint32(record + 12);
    if (data.length > size) throw damaged(`table ${tag} compressed larger than its size`);
    inflated += size;
    if (inflated > MAX_INFLATED_BYTES) throw new FontProblem('too-large', 'inflated tables');
    tables.set(tag, data.length === size ? data : await inflate(data, size));
  }
  return tables;
}

/**
 * The tables of a TrueType or WOFF 1.0 font (only those in NEEDED_TABLES, as present).
 * Throws FontProblem for anything else, damaged or too large.
 */
export async function readFontTables(bytes: Uint8Array): Promise<FontTables> {
  if (bytes.length > MAX_FONT_BYTES) throw new FontProblem('too-large');
  if (bytes.length < 12) throw new FontProblem('not-a-font', 'too short');
  const view = viewOf(bytes);
  const signature = view.getUint32(0);
  if (signature === TRUETYPE || signature === TAG_TRUE) return readSfntTables(bytes, view);
  if (signature === TAG_WOFF) return readWoffTables(bytes, view);
  if (signature === TAG_WOF2) throw new FontProblem('woff2');
  if (signature === TAG_OTTO) throw new FontProblem('cff');
  if (signature === TAG_TTCF) throw new FontProblem('collection');
  throw new FontProblem('not-a-font');
}
