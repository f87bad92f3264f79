/**
 * Writes small TrueType fonts (and WOFF 1.0 wrappers) for ShopLens' fixtures and unit tests:
 * the obfuscated-digit fixture font (scripts/make-obfuscated-font.ts) and the reader's test
 * tables (cmap formats 4 and 12, composite glyphs, damaged files). opentype.js only writes CFF
 * outlines, and the decoder reads TrueType (`glyf`) ones, hence this writer.
 *
 * Complete enough for Chromium to load the font (OpenType Sanitizer): head, hhea, maxp, OS/2,
 * hmtx, cmap, loca, glyf, name, post (format 3: no glyph names). Dev tool, Node only.
 */
import { deflateSync } from 'node:zlib';

export interface BuildPoint {
  x: number;
  y: number;
  on: boolean;
}

export interface BuildGlyph {
  /** Simple glyph contours (font units); empty or absent: an empty glyph. */
  contours?: BuildPoint[][];
  /** Composite glyph: components placed at offsets. */
  components?: Array<{ glyph: number; dx: number; dy: number }>;
  advance?: number;
}

export interface BuildFontOptions {
  family: string;
  unitsPerEm: number;
  /** Glyph 0 is .notdef. */
  glyphs: BuildGlyph[];
  /** Code point → glyph index. */
  cmap: ReadonlyMap<number, number>;
  /** Subtables to write: format 4 as (3,1) and (0,3), format 12 as (3,10) and (0,4). Default [4]. */
  cmapFormats?: Array<4 | 12>;
  /** Format 4 segments with idRangeOffset into a glyph array instead of idDelta. */
  format4GlyphArray?: boolean;
  longLoca?: boolean;
}

class Writer {
  private bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  u8(value: number): this {
    this.bytes.push(value & 0xff);
    return this;
  }
  u16(value: number): this {
    return this.u8(value >> 8).u8(value);
  }
  i16(value: number): this {
    return this.u16(value < 0 ? value + 0x10000 : value);
  }
  u32(value: number): this {
    return this.u16(Math.floor(value / 0x10000) & 0xffff).u16(value & 0xffff);
  }
  tag(text: string): this {
    for (let i = 0; i < 4; i++) this.u8(text.charCodeAt(i));
    return this;
  }
  raw(data: Uint8Array | number[]): this {
    for (const byte of data) this.u8(byte);
    return this;
  }
  pad4(): this {
    while (this.bytes.length % 4 !== 0) this.u8(0);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum = (sum + (((data[i] ?? 0) << 24) >>> 0) + ((data[i + 1] ?? 0) << 16) + ((data[i + 2] ?? 0) << 8) + (data[i + 3] ?? 0)) >>> 0;
  }
  return sum;
}

interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function boxOf(points: BuildPoint[]): Box {
  if (points.length === 0) return { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
  return {
    xMin: Math.min(...points.map((p) => p.x)),
    yMin: Math.min(...points.map((p) => p.y)),
    xMax: Math.max(...points.map((p) => p.x)),
    yMax: Math.max(...points.map((p) => p.y)),
  };
}

function glyphBox(glyphs: BuildGlyph[], index: number, depth = 0): Box {
  const glyph = glyphs[index]!;
  if (glyph.components && depth < 4) {
    const boxes = glyph.components.map((c) => {
      const b = glyphBox(glyphs, c.glyph, depth + 1);
      return { xMin: b.xMin + c.dx, yMin: b.yMin + c.dy, xMax: b.xMax + c.dx, yMax: b.yMax + c.dy };
    });
    return boxOf(boxes.flatMap((b) => [{ x: b.xMin, y: b.yMin, on: true }, { x: b.xMax, y: b.yMax, on: true }]));
  }
  return boxOf((glyph.contours ?? []).flat());
}

/** One glyf record: flags run-length encoded, coordinates short or long as they fit. */
function encodeGlyph(glyphs: BuildGlyph[], index: number): Uint8Array {
  const glyph = glyphs[index]!;
  const box = glyphBox(glyphs, index);
  const w = new Writer();
  if (glyph.components) {
    w.i16(-1).i16(box.xMin).i16(box.yMin).i16(box.xMax).i16(box.yMax);
    glyph.components.forEach((component, i) => {
      const more = i < glyph.components!.length - 1 ? 0x20 : 0;
      w.u16(0x0001 | 0x0002 | more).u16(component.glyph).i16(component.dx).i16(component.dy);
    });
    return w.pad4().done();
  }
  const contours = glyph.contours ?? [];
  if (contours.length === 0) return new Uint8Array(0);
  w.i16(contours.length).i16(box.xMin).i16(box.yMin).i16(box.xMax).i16(box.yMax);
  let end = -1;
  for (const contour of contours) w.u16((end += contour.length));
  w.u16(0); // no instructions
  const points = contours.flat();
  const flags: number[] = [];
  const xs = new Writer();
  const ys = new Writer();
  let x = 0;
  let y = 0;
  for (const point of points) {
    let flag = point.on ? 1 : 0;
    const dx = point.x - x;
    const dy = point.y - y;
    if (dx === 0) flag |= 0x10;
    else if (Math.abs(dx) <= 255) {
      flag |= 0x02 | (dx > 0 ? 0x10 : 0);
      xs.u8(Math.abs(dx));
    } else xs.i16(dx);
    if (dy === 0) flag |= 0x20;
    else if (Math.abs(dy) <= 255) {
      flag |= 0x04 | (dy > 0 ? 0x20 : 0);
      ys.u8(Math.abs(dy));
    } else ys.i16(dy);
    flags.push(flag);
    x = point.x;
    y = point.y;
  }
  for (let i = 0; i < flags.length; ) {
    let run = 1;
    while (i + run < flags.length && flags[i + run] === flags[i] && run < 256) run++;
    if (run > 1) {
      w.u8(flags[i]! | 0x08).u8(run - 1);
    } else {
      w.u8(flags[i]!);
    }
    i += run;
  }
  w.raw(xs.done()).raw(ys.done());
  return w.pad4().done();
}

function cmapFormat4(cmap: ReadonlyMap<number, number>, glyphArray: boolean): Uint8Array {
  const entries = [...cmap].filter(([cp]) => cp <= 0xffff).sort((a, b) => a[0] - b[0]);
  // Runs of consecutive code points with consecutive glyphs (or any glyphs, with a glyph array).
  const segments: Array<{ start: number; end: number; glyphs: number[] }> = [];
  for (const [cp, glyph] of entries) {
    const last = segments.at(-1);
    if (last && cp === last.end + 1 && (glyphArray || glyph === last.glyphs.at(-1)! + 1)) {
      last.end = cp;
      last.glyphs.push(glyph);
    } else segments.push({ start: cp, end: cp, glyphs: [glyph] });
  }
  segments.push({ start: 0xffff, end: 0xffff, glyphs: [0] });
  const n = segments.length;
  const search = 2 ** Math.floor(Math.log2(n));
  const w = new Writer();
  const arrayWords = glyphArray ? segments.slice(0, -1).reduce((sum, s) => sum + s.glyphs.length, 0) : 0;
  w.u16(4).u16(16 + n * 8 + arrayWords * 2).u16(0);
  w.u16(n * 2).u16(search * 2).u16(Math.log2(search)).u16(n * 2 - search * 2);
  for (const s of segments) w.u16(s.end);
  w.u16(0);
  for (const s of segments) w.u16(s.start);
  for (const s of segments) w.u16(glyphArray || s.start === 0xffff ? (s.start === 0xffff ? 1 : 0) : (s.glyphs[0]! - s.start) & 0xffff);
  let arrayAt = 0;
  segments.forEach((s, i) => {
    if (!glyphArray || s.start === 0xffff) {
      w.u16(0);
      return;
    }
    // Offset from this idRangeOffset word to its glyphs in the array after the last one.
    w.u16((n - i) * 2 + arrayAt * 2);
    arrayAt += s.glyphs.length;
  });
  if (glyphArray) for (const s of segments.slice(0, -1)) for (const glyph of s.glyphs) w.u16(glyph);
  return w.done();
}

function cmapFormat12(cmap: ReadonlyMap<number, number>): Uint8Array {
  const entries = [...cmap].sort((a, b) => a[0] - b[0]);
  const groups: Array<{ start: number; end: number; glyph: number }> = [];
  for (const [cp, glyph] of entries) {
    const last = groups.at(-1);
    if (last && cp === last.end + 1 && glyph === last.glyph + (cp - last.start)) last.end = cp;
    else groups.push({ start: cp, end: cp, glyph });
  }
  const w = new Writer();
  w.u16(12).u16(0).u32(16 + groups.length * 12).u32(0).u32(groups.length);
  for (const g of groups) w.u32(g.start).u32(g.end).u32(g.glyph);
  return w.done();
}

function cmapTable(options: BuildFontOptions): Uint8Array {
  const formats = options.cmapFormats ?? [4];
  const subtables: Array<{ platform: number; encoding: number; data: Uint8Array }> = [];
  if (formats.includes(4)) {
    const data = cmapFormat4(options.cmap, options.format4GlyphArray ?? false);
    subtables.push({ platform: 0, encoding: 3, data }, { platform: 3, encoding: 1, data });
  }
  if (formats.includes(12)) {
    const data = cmapFormat12(options.cmap);
    subtables.push({ platform: 0, encoding: 4, data }, { platform: 3, encoding: 10, data });
  }
  subtables.sort((a, b) => a.platform - b.platform || a.encoding - b.encoding);
  const w = new Writer();
  w.u16(0).u16(subtables.length);
  let offset = 4 + subtables.length * 8;
  const offsets = new Map<Uint8Array, number>();
  for (const s of subtables) {
    if (!offsets.has(s.data)) {
      offsets.set(s.data, offset);
      offset += s.data.length;
    }
    w.u16(s.platform).u16(s.encoding).u32(offsets.get(s.data)!);
  }
  for (const [data] of offsets) w.raw(data);
  return w.done();
}

function nameTable(family: string): Uint8Array {
  const names: Array<[number, string]> = [
    [1, family],
    [2, 'Regular'],
    [3, `${family}-Regular`],
    [4, family],
    [6, family.replace(/[^A-Za-z0-9-]/g, '')],
  ];
  const strings = names.map(([, text]) => {
    const w = new Writer();
    for (const char of text) w.u16(char.charCodeAt(0));
    return w.done();
  });
  const w = new Writer();
  w.u16(0).u16(names.length).u16(6 + names.length * 12);
  let offset = 0;
  names.forEach(([id], i) => {
    w.u16(3).u16(1).u16(0x409).u16(id).u16(strings[i]!.length).u16(offset);
    offset += strings[i]!.length;
  });
  for (const s of strings) w.raw(s);
  return w.done();
}

/** A TrueType font file. */
export function buildTrueType(options: BuildFontOptions): Uint8Array {
  const { glyphs, unitsPerEm } = options;
  const records = glyphs.map((_, index) => encodeGlyph(glyphs, index));
  const longLoca = options.longLoca ?? false;
  const glyf = new Writer();
  const loca = new Writer();
  for (const record of records) {
    if (longLoca) loca.u32(glyf.length);
    else loca.u16(glyf.length / 2);
    glyf.raw(record);
  }
  if (longLoca) loca.u32(glyf.length);
  else loca.u16(glyf.length / 2);

  const boxes = glyphs.map((_, index) => glyphBox(glyphs, index));
  const all = boxOf(boxes.filter((b) => b.xMax > b.xMin).flatMap((b) => [{ x: b.xMin, y: b.yMin, on: true }, { x: b.xMax, y: b.yMax, on: true }]));
  const advances = glyphs.map((g) => g.advance ?? Math.round(unitsPerEm * 0.6));
  const simplePoints = glyphs.map((g) => (g.contours ?? []).flat().length);
  const simpleContours = glyphs.map((g) => (g.contours ?? []).length);
  const ascender = Math.round(unitsPerEm * 0.8);
  const descender = -Math.round(unitsPerEm * 0.2);

  const head = new Writer()
    .u32(0x00010000).u32(0x00010000).u32(0).u32(0x5f0f3cf5)
    .u16(0x000b).u16(unitsPerEm)
    .u32(0).u32(0).u32(0).u32(0)
    .i16(all.xMin).i16(all.yMin).i16(all.xMax).i16(all.yMax)
    .u16(0).u16(8).i16(2).i16(longLoca ? 1 : 0).i16(0)
    .done();
  const hhea = new Writer()
    .u32(0x00010000).i16(ascender).i16(descender).i16(0)
    .u16(Math.max(...advances)).i16(Math.min(0, ...boxes.map((b) => b.xMin)))
    .i16(Math.min(0, ...boxes.map((b, i) => advances[i]! - b.xMax))).i16(Math.max(...boxes.map((b) => b.xMax)))
    .i16(1).i16(0).i16(0).i16(0).i16(0).i16(0).i16(0).i16(0)
    .u16(glyphs.length)
    .done();
  const maxp = new Writer()
    .u32(0x00010000).u16(glyphs.length)
    .u16(Math.max(0, ...simplePoints)).u16(Math.max(0, ...simpleContours))
    .u16(Math.max(0, ...simplePoints) * 2).u16(Math.max(0, ...simpleContours) * 2)
    .u16(2).u16(0).u16(0).u16(0).u16(0).u16(0).u16(0)
    .u16(Math.max(0, ...glyphs.map((g) => g.components?.length ?? 0))).u16(glyphs.some((g) => g.components) ? 1 : 0)
    .done();
  const hmtx = new Writer();
  glyphs.forEach((_, i) => hmtx.u16(advances[i]!).i16(boxes[i]!.xMin));
  const codePoints = [...options.cmap.keys()].filter((cp) => cp <= 0xffff);
  const os2 = new Writer()
    .u16(4).i16(Math.round(unitsPerEm * 0.6)).u16(400).u16(5).u16(0)
    .i16(Math.round(unitsPerEm * 0.65)).i16(Math.round(unitsPerEm * 0.6)).i16(0).i16(Math.round(unitsPerEm * 0.075))
    .i16(Math.round(unitsPerEm * 0.65)).i16(Math.round(unitsPerEm * 0.6)).i16(0).i16(Math.round(unitsPerEm * 0.35))
    .i16(Math.round(unitsPerEm * 0.05)).i16(Math.round(unitsPerEm * 0.26)).i16(0)
    .raw([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    .u32(1).u32(0x10000000).u32(0).u32(0) // Basic Latin, Private Use Area
    .tag('SLNS').u16(0x0040)
    .u16(Math.min(...codePoints, 0xffff)).u16(Math.max(...codePoints, 0))
    .i16(ascender).i16(descender).i16(0)
    .u16(ascender).u16(-descender)
    .u32(1).u32(0)
    .i16(Math.round(unitsPerEm * 0.5)).i16(Math.round(unitsPerEm * 0.7)).u16(0).u16(32).u16(1)
    .done();
  const post = new Writer().u32(0x00030000).u32(0).i16(-Math.round(unitsPerEm * 0.1)).i16(Math.round(unitsPerEm * 0.05)).u32(0).u32(0).u32(0).u32(0).u32(0).done();

  const tables: Array<[string, Uint8Array]> = [
    ['OS/2', os2],
    ['cmap', cmapTable(options)],
    ['glyf', glyf.done()],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx.done()],
    ['loca', loca.done()],
    ['maxp', maxp],
    ['name', nameTable(options.family)],
    ['post', post],
  ];
  tables.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return assembleSfnt(tables);
}

/** An sfnt file from its tables (sorted by tag), with checksums and head.checkSumAdjustment. */
export function assembleSfnt(tables: Array<[string, Uint8Array]>): Uint8Array {
  const n = tables.length;
  const search = 2 ** Math.floor(Math.log2(n));
  const w = new Writer();
  w.u32(0x00010000).u16(n).u16(search * 16).u16(Math.log2(search)).u16(n * 16 - search * 16);
  let offset = 12 + n * 16;
  for (const [tag, data] of tables) {
    w.tag(tag).u32(checksum(data)).u32(offset).u32(data.length);
    offset += Math.ceil(data.length / 4) * 4;
  }
  for (const [, data] of tables) w.raw(data).pad4();
  const file = w.done();
  const headAt = tables.findIndex(([tag]) => tag === 'head');
  if (headAt >= 0) {
    const view = new DataView(file.buffer);
    const headOffset = view.getUint32(12 + headAt * 16 + 8);
    view.setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
  }
  return file;
}

/** The tables of an sfnt file, in file order. */
export function sfntTables(ttf: Uint8Array): Array<[string, Uint8Array]> {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const n = view.getUint16(4);
  const tables: Array<[string, Uint8Array]> = [];
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...ttf.subarray(at, at + 4));
    tables.push([tag, ttf.subarray(view.getUint32(at + 8), view.getUint32(at + 8) + view.getUint32(at + 12))]);
  }
  return tables;
}

/** A WOFF 1.0 file wrapping a TrueType font; each table zlib-compressed when that makes it smaller. */
export function toWoff(ttf: Uint8Array, options: { compress?: boolean } = {}): Uint8Array {
  const tables = sfntTables(ttf);
  const compress = options.compress ?? true;
  const entries = tables.map(([tag, data]) => {
    const packed = compress ? new Uint8Array(deflateSync(data, { level: 9 })) : data;
    return { tag, data, stored: packed.length < data.length ? packed : data };
  });
  const n = entries.length;
  let offset = 44 + n * 20;
  const offsets = entries.map((entry) => {
    const at = offset;
    offset += Math.ceil(entry.stored.length / 4) * 4;
    return at;
  });
  const total = offset;
  const w = new Writer();
  w.tag('wOFF').u32(0x00010000).u32(total).u16(n).u16(0);
  w.u32(12 + n * 16 + entries.reduce((sum, e) => sum + Math.ceil(e.data.length / 4) * 4, 0));
  w.u16(1).u16(0).u32(0).u32(0).u32(0).u32(0).u32(0);
  entries.forEach((entry, i) => w.tag(entry.tag).u32(offsets[i]!).u32(entry.stored.length).u32(entry.data.length).u32(checksum(entry.data)));
  for (const entry of entries) w.raw(entry.stored).pad4();
  const file = w.done();
  // The last table's padding is part of the file, so `length` is the file's size.
  return file;
}
