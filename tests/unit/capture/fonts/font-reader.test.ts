/**
 * The minimal font reader (lib/capture/fonts/font-file.ts, truetype.ts): TrueType and WOFF 1.0
 * containers, cmap formats 4 and 12, simple glyph outlines; everything else, and every damaged
 * or oversized file, a FontProblem with its reason. Fonts are built by scripts/lib/font-builder.ts.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FontProblem, MAX_FONT_BYTES, readFontTables, type FontProblemCode } from '../../../../lib/capture/fonts/font-file';
import { readTrueType, type Outline } from '../../../../lib/capture/fonts/truetype';
import { assembleSfnt, buildTrueType, sfntTables, toWoff, type BuildFontOptions, type BuildGlyph } from '../../../../scripts/lib/font-builder';

const SQUARE: BuildGlyph = {
  contours: [[{ x: 100, y: 0, on: true }, { x: 100, y: 700, on: true }, { x: 600, y: 700, on: true }, { x: 600, y: 0, on: true }]],
};
/** Curves, long and short coordinates, negative moves and repeated flags. */
const CURVED: BuildGlyph = {
  advance: 1400,
  contours: [
    [
      { x: 300, y: 700, on: false },
      { x: 1500, y: 700, on: false },
      { x: 1500, y: -200, on: false },
      { x: 300, y: -200, on: false },
    ],
    [{ x: 400, y: 0, on: true }, { x: 400, y: 0, on: true }, { x: 410, y: 500, on: true }, { x: 1200, y: 500, on: true }, { x: 1200, y: 0, on: true }],
  ],
};

function font(overrides: Partial<BuildFontOptions> = {}): BuildFontOptions {
  return {
    family: 'test',
    unitsPerEm: 1000,
    glyphs: [{}, SQUARE, CURVED],
    cmap: new Map([
      [0x31, 1],
      [0xe001, 1],
      [0xe002, 2],
      [0xf8ff, 2],
      [0x41, 2], // a letter: not read
      [0x1f600, 2], // outside the BMP private-use area: not read
    ]),
    ...overrides,
  };
}

async function problemOf(bytes: Uint8Array): Promise<FontProblemCode | 'none'> {
  try {
    readTrueType(await readFontTables(bytes));
    return 'none';
  } catch (error) {
    // The caller (page-fonts.ts) takes any other error for damage; here it must be a FontProblem or a RangeError.
    if (error instanceof FontProblem) return error.code;
    if (error instanceof RangeError) return 'damaged';
    throw error;
  }
}

function withBytes(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const copy = bytes.slice();
  values.forEach((value, i) => (copy[at + i] = value));
  return copy;
}

function outlineOf(options: BuildFontOptions, glyph: number): Outline {
  return readTrueType(sfntMap(buildTrueType(options))).outline(glyph);
}

function sfntMap(ttf: Uint8Array): Map<string, Uint8Array> {
  return new Map(sfntTables(ttf));
}

describe('readFontTables: containers', () => {
  it.each([
    ['TrueType', (ttf: Uint8Array) => ttf],
    ['WOFF, tables compressed', (ttf: Uint8Array) => toWoff(ttf)],
    ['WOFF, tables stored', (ttf: Uint8Array) => toWoff(ttf, { compress: false })],
  ])('%s: reads cmap and outlines', async (_name, wrap) => {
    const tables = await readFontTables(wrap(buildTrueType(font())));
    expect([...tables.keys()].sort()).toEqual(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
    const read = readTrueType(tables);
    expect(read.unitsPerEm).toBe(1000);
    expect([0, 1, 2].map((glyph) => read.advance(glyph))).toEqual([600, 600, 1400]);
    expect(read.cmap).toEqual(new Map([[0x31, 1], [0xe001, 1], [0xe002, 2], [0xf8ff, 2]]));
    expect(read.outline(1)).toEqual(SQUARE.contours);
  });

  it.each<[string, (ttf: Uint8Array) => Uint8Array, FontProblemCode]>([
    ['WOFF2', (ttf) => withBytes(ttf, 0, [0x77, 0x4f, 0x46, 0x32]), 'woff2'],
    ['OpenType with CFF outlines', (ttf) => withBytes(ttf, 0, [0x4f, 0x54, 0x54, 0x4f]), 'cff'],
    ['WOFF wrapping CFF outlines', (ttf) => withBytes(toWoff(ttf), 4, [0x4f, 0x54, 0x54, 0x4f]), 'cff'],
    ['a font collection', (ttf) => withBytes(ttf, 0, [0x74, 0x74, 0x63, 0x66]), 'collection'],
    ['a PNG', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'not-a-font'],
    ['eleven bytes', (ttf) => ttf.slice(0, 11), 'not-a-font'],
    ['larger than the cap', () => new Uint8Array(MAX_FONT_BYTES + 1), 'too-large'],
    ['a table directory cut short', (ttf) => ttf.slice(0, 40), 'damaged'],
    ['a table past the end of the file', (ttf) => ttf.slice(0, ttf.length - 200), 'damaged'],
    ['a table directory claiming 9000 tables', (ttf) => withBytes(ttf, 4, [0x23, 0x28]), 'damaged'],
    ['WOFF whose length field is wrong', (ttf) => withBytes(toWoff(ttf), 8, [0, 0, 0, 1]), 'damaged'],
    ['WOFF cut short', (ttf) => toWoff(ttf).slice(0, 60), 'damaged'],
  ])('%s → %s', async (_name, make, code) => {
    expect(await problemOf(make(buildTrueType(font())))).toBe(code);
  });

  it.each(['GSUB', 'GPOS', 'kern', 'morx'])('refuses a font with a %s table (what is drawn may not be the characters one by one)', async (tag) => {
    const tables = [...sfntTables(buildTrueType(font())), [tag, new Uint8Array(16)] as [string, Uint8Array]].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(await problemOf(assembleSfnt(tables))).toBe('substitutes');
    expect(await problemOf(toWoff(assembleSfnt(tables)))).toBe('substitutes');
  });

  it('refuses a WOFF table whose zlib data is corrupt, or inflates to another size than stated', async () => {
    // Enough glyphs for the glyf table to compress.
    const woff = toWoff(buildTrueType(font({ glyphs: [{}, SQUARE, CURVED, ...Array.from({ length: 20 }, () => CURVED)] })));
    const view = new DataView(woff.buffer);
    const count = view.getUint16(12);
    const records = Array.from({ length: count }, (_, i) => 44 + i * 20);
    const glyf = records.find((at) => String.fromCharCode(...woff.subarray(at, at + 4)) === 'glyf')!;
    const offset = view.getUint32(glyf + 4);
    const compressed = view.getUint32(glyf + 8);
    expect(compressed).toBeLessThan(view.getUint32(glyf + 12));
    // Garbage in the middle of the stream.
    const corrupt = withBytes(woff, offset + 2, Array.from({ length: Math.min(20, compressed - 4) }, () => 0xff));
    expect(await problemOf(corrupt)).toBe('damaged');
    // A stated size one byte larger than what inflates (and one smaller).
    for (const delta of [1, -1]) {
      const wrong = woff.slice();
      new DataView(wrong.buffer).setUint32(glyf + 12, view.getUint32(glyf + 12) + delta);
      expect(await problemOf(wrong)).toBe('damaged');
    }
  });

  it('refuses a WOFF whose tables inflate past the cap (a zlib bomb)', async () => {
    const ttf = buildTrueType(font());
    const tables = sfntTables(ttf).map(([tag, data]): [string, Uint8Array] => (tag === 'glyf' ? [tag, new Uint8Array(3 * 1024 * 1024)] : [tag, data]));
    const bomb = toWoff(assembleSfnt(tables));
    expect(bomb.length).toBeLessThan(MAX_FONT_BYTES);
    expect(deflateSync(new Uint8Array(3 * 1024 * 1024)).length).toBeLessThan(10_000);
    expect(await problemOf(bomb)).toBe('too-large');
  });
});

describe('readTrueType: cmap', () => {
  it.each<[string, Partial<BuildFontOptions>]>([
    ['format 4, idDelta', { cmapFormats: [4] }],
    ['format 4, glyph index array', { cmapFormats: [4], format4GlyphArray: true }],
    ['format 12', { cmapFormats: [12] }],
    ['formats 4 and 12', { cmapFormats: [4, 12] }],
  ])('%s: private-use code points and ASCII digits only', (_name, options) => {
    const cmap = new Map([[0x30, 2], [0x39, 1], [0xe000, 1], [0xe001, 2], [0xe002, 1], [0xe7c3, 2], [0xf8ff, 1], [0x4e00, 2], [0x20, 1]]);
    const read = readTrueType(sfntMap(buildTrueType(font({ ...options, cmap }))));
    expect(read.cmap).toEqual(new Map([[0x30, 2], [0x39, 1], [0xe000, 1], [0xe001, 2], [0xe002, 1], [0xe7c3, 2], [0xf8ff, 1]]));
  });

  it('uses the subtable the browser uses: (3,10) before (3,1), whatever else they say', () => {
    const ttf = buildTrueType(font({ cmapFormats: [4, 12] }));
    const tables = sfntMap(ttf);
    const cmap = tables.get('cmap')!.slice();
    const view = new DataView(cmap.buffer);
    // Point the format 12 group for U+F8FF at glyph 1 instead of 2.
    const records = view.getUint16(2);
    const offsets = Array.from({ length: records }, (_, i) => [view.getUint16(4 + i * 8), view.getUint16(6 + i * 8), view.getUint32(8 + i * 8)]);
    const format12 = offsets.find(([p, e]) => p === 3 && e === 10)![2]!;
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      if (view.getUint32(format12 + 16 + g * 12) === 0xf8ff) view.setUint32(format12 + 24 + g * 12, 1);
    }
    tables.set('cmap', cmap);
    expect(readTrueType(sfntMap(ttf)).cmap.get(0xf8ff)).toBe(2);
    expect(readTrueType(tables).cmap.get(0xf8ff)).toBe(1);
  });

  it.each<[string, (cmap: Uint8Array) => void]>([
    ['an unsupported format (6)', (cmap) => new DataView(cmap.buffer).setUint16(new DataView(cmap.buffer).getUint32(8), 6)],
    [
      'only a symbol (3,0) subtable',
      (cmap) => {
        const view = new DataView(cmap.buffer);
        for (let i = 0; i < view.getUint16(2); i++) {
          view.setUint16(4 + i * 8, 3);
          view.setUint16(6 + i * 8, 0);
        }
      },
    ],
  ])('refuses %s', (_name, spoil) => {
    const tables = sfntMap(buildTrueType(font()));
    const cmap = tables.get('cmap')!.slice();
    spoil(cmap);
    tables.set('cmap', cmap);
    expect(() => readTrueType(tables)).toThrow(expect.objectContaining({ code: 'cmap-unsupported' }));
  });

  it('stops on a cmap whose segments would visit the private-use area many times', () => {
    // 40 format 4 segments, each spanning the whole private-use area with a glyph array.
    const segments = 41;
    const words = [4, 16 + segments * 8, 0, segments * 2, 0, 0, 0];
    const ends = [...Array(40).fill(0xf8ff), 0xffff];
    const starts = [...Array(40).fill(0xe000), 0xffff];
    const cmap = new Uint8Array(4 + 8 + (words.length + 1 + segments * 4) * 2);
    const view = new DataView(cmap.buffer);
    view.setUint16(2, 1);
    view.setUint16(4, 3);
    view.setUint16(6, 1);
    view.setUint32(8, 12);
    let at = 12;
    const put = (value: number) => {
      view.setUint16(at, value);
      at += 2;
    };
    words.forEach(put);
    ends.forEach(put);
    put(0);
    starts.forEach(put);
    for (let s = 0; s < segments; s++) put(s === segments - 1 ? 1 : 5); // idDelta
    for (let s = 0; s < segments; s++) put(0); // idRangeOffset
    const tables = sfntMap(buildTrueType(font()));
    tables.set('cmap', cmap);
    expect(() => readTrueType(tables)).toThrow(expect.objectContaining({ code: 'too-complex' }));
  });
});

describe('readTrueType: glyph outlines', () => {
  it('reads curves, long and short coordinates, negative moves and repeated points as drawn', () => {
    expect(outlineOf(font(), 2)).toEqual(CURVED.contours);
  });

  it('reads a long loca the same', () => {
    expect(outlineOf(font({ longLoca: true }), 2)).toEqual(CURVED.contours);
  });

  it('gives an empty glyph no outline', () => {
    expect(outlineOf(font(), 0)).toEqual([]);
  });

  it('refuses a composite glyph (its components are not resolved)', () => {
    const tables = sfntMap(buildTrueType(font({ glyphs: [{}, SQUARE, { components: [{ glyph: 1, dx: 0, dy: 0 }, { glyph: 1, dx: 600, dy: 0 }] }] })));
    expect(() => readTrueType(tables).outline(2)).toThrow(expect.objectContaining({ code: 'too-complex' }));
  });

  it('refuses a glyph index past the font, and a glyph cut short', () => {
    const tables = sfntMap(buildTrueType(font()));
    expect(() => readTrueType(tables).outline(3)).toThrow(expect.objectContaining({ code: 'damaged' }));
    const glyf = tables.get('glyf')!;
    const loca = new DataView(tables.get('loca')!.buffer, tables.get('loca')!.byteOffset);
    // Cut the glyf table inside glyph 2.
    tables.set('glyf', glyf.subarray(0, loca.getUint16(4) * 2 + 14));
    expect(() => readTrueType(tables).outline(2)).toThrow();
  });

  it('refuses glyphs with too many contours or points', () => {
    const many = Array.from({ length: 17 }, (_, i) => [{ x: i, y: 0, on: true }, { x: i, y: 10, on: true }, { x: i + 1, y: 0, on: true }]);
    expect(() => outlineOf(font({ glyphs: [{}, { contours: many }] }), 1)).toThrow(expect.objectContaining({ code: 'too-complex' }));
    const long = [Array.from({ length: 1001 }, (_, i) => ({ x: i % 2, y: i, on: true }))];
    expect(() => outlineOf(font({ glyphs: [{}, { contours: long }] }), 1)).toThrow(expect.objectContaining({ code: 'too-complex' }));
  });

  it('refuses a font without its head, or with an absurd em', () => {
    const tables = sfntMap(buildTrueType(font()));
    const without = new Map(tables);
    without.delete('head');
    expect(() => readTrueType(without)).toThrow(expect.objectContaining({ code: 'damaged' }));
    const head = tables.get('head')!.slice();
    new DataView(head.buffer).setUint16(18, 3);
    tables.set('head', head);
    expect(() => readTrueType(tables)).toThrow(expect.objectContaining({ code: 'damaged' }));
  });
});
