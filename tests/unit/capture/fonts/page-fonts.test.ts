/**
 * The page's digit fonts (lib/capture/fonts/page-fonts.ts) and text read through them
 * (font-text.ts): only fonts embedded as data: URLs are decoded, nothing is fetched, a family is
 * decoded whole or not at all, and text is decoded only where the browser would draw it with a
 * decoded font, all or nothing per text node.
 */
import { describe, expect, it } from 'vitest';
import { PDD_DIGIT_SHAPES } from '../../../../lib/adapters/pinduoduo/font-digit-shapes';
import { findMetrics } from '../../../../lib/capture/finder';
import { UNDECODED_DIGIT, fontTextDecoder } from '../../../../lib/capture/fonts/font-text';
import {
  bytesOfDataUrl,
  createDigitFontReader,
  familyName,
  fontSourceOf,
  parseUnicodeRange,
  readPageFontsSettled,
  splitCssList,
  type PageFonts,
} from '../../../../lib/capture/fonts/page-fonts';
import { parseContour } from '../../../../lib/capture/fonts/glyph-match';
import { documentFromHtml } from '../../../../lib/cli/load-document';
import { buildTrueType, type BuildGlyph } from '../../../../scripts/lib/font-builder';
import { fontFaceRule, makeObfuscatedFont, type ObfuscatedFont } from '../../../../scripts/make-obfuscated-font';

const URL_ = new URL('https://mms.pinduoduo.com/sycm/stores_data/operation');
const WOFF = makeObfuscatedFont({ family: 'spider-a', seed: 3, format: 'woff' });
const TTF = makeObfuscatedFont({ family: 'spider-b', seed: 5, format: 'ttf', cmapFormats: [12], decoy: true });

function page(css: string, body = ''): Document {
  return documentFromHtml(`<!doctype html><html><head><style>${css}</style></head><body>${body}</body></html>`, URL_);
}

function face(family: string, font: ObfuscatedFont, format: 'woff' | 'ttf' = 'woff'): string {
  return fontFaceRule(family, font, format);
}

async function fontsOf(doc: Document): Promise<PageFonts> {
  return (await readPageFontsSettled(createDigitFontReader(PDD_DIGIT_SHAPES), doc))!;
}

function summary(fonts: PageFonts): Record<string, string> {
  return Object.fromEntries(
    [...fonts.families].map(([name, family]) => [
      name,
      family.problem ?? [...family.digits].sort((a, b) => a[0] - b[0]).map(([cp, digit]) => `${cp.toString(16)}=${digit}`).join(' '),
    ]),
  );
}

/** A TrueType font drawing the given digits (reference design, em 1000) at the given code points. */
function digitFont(map: Array<[number, number]>): Uint8Array {
  const glyphs: BuildGlyph[] = [{}];
  const cmap = new Map<number, number>();
  for (const [cp, digit] of map) {
    glyphs.push({ contours: PDD_DIGIT_SHAPES.find((shape) => shape.digit === digit)!.contours.map(parseContour) });
    cmap.set(cp, glyphs.length - 1);
  }
  return buildTrueType({ family: 'd', unitsPerEm: 1000, glyphs, cmap });
}

function rawFace(family: string, bytes: Uint8Array): string {
  return `@font-face{font-family:"${family}";src:url(data:font/ttf;base64,${Buffer.from(bytes).toString('base64')})}`;
}

function expectedDigits(font: ObfuscatedFont): string {
  const entries: Array<[number, number | null]> = [...font.codePoints].flatMap(([digit, cps]) => cps.map((cp): [number, number] => [cp, digit]));
  if (font.decoy !== undefined) entries.push([font.decoy, null]);
  return entries.sort((a, b) => a[0] - b[0]).map(([cp, digit]) => `${cp.toString(16)}=${digit}`).join(' ');
}

describe('CSS helpers', () => {
  it.each([
    ['"spider-3a9f"', 'spider-3a9f'],
    ["'Spider Font'", 'spider font'],
    ['spider-3a9f', 'spider-3a9f'],
    ['  "a\\"b" ', 'a"b'],
  ])('familyName(%s) → %s', (text, name) => {
    expect(familyName(text)).toBe(name);
  });

  it('splits lists at commas outside quotes and parentheses', () => {
    expect(splitCssList('"a,b", url(data:x;base64,AA==) format("woff"), c')).toEqual(['"a,b"', 'url(data:x;base64,AA==) format("woff")', 'c']);
  });

  it.each([
    ['url(data:font/woff;base64,AAAA) format("woff")', 'data'],
    ['url("data:font/ttf;base64,AAAA")', 'data'],
    ['url(/static/spider.ttf) format("truetype")', 'remote'],
    ['url("https://example.com/a.woff2") format("woff2"), url(data:font/woff;base64,AAAA)', 'remote'],
    ['url(/a.eot) format("embedded-opentype"), url(data:font/woff;base64,AAAA) format("woff")', 'data'],
    ['local("PingFang SC"), url(data:font/woff;base64,AAAA)', 'local'],
    ['', 'remote'],
  ])('the browser loads %s: %s', (src, kind) => {
    expect(fontSourceOf(src).kind).toBe(kind);
  });

  it.each<[string, string]>([
    ['data:font/woff,%00%01', 'damaged'],
    ['data:font/woff;base64,@@@@', 'damaged'],
    [`data:font/woff;base64,${'A'.repeat(800_000)}`, 'too-large'],
  ])('refuses data URL %#', (url, code) => {
    expect(() => bytesOfDataUrl(url.slice(0, 900_000))).toThrow(expect.objectContaining({ code }));
  });

  it('decodes a base64 data URL, whitespace included', () => {
    expect([...bytesOfDataUrl('data:font/woff;base64,AAEC\n AwQ=')]).toEqual([0, 1, 2, 3, 4]);
  });

  it.each<[string, Array<[number, number]> | null]>([
    ['', null],
    ['U+E000-F8FF', [[0xe000, 0xf8ff]]],
    ['U+30-39, U+E01?', [[0x30, 0x39], [0xe010, 0xe01f]]],
    ['U+E123', [[0xe123, 0xe123]]],
  ])('unicode-range %s', (text, ranges) => {
    expect(parseUnicodeRange(text)).toEqual(ranges);
  });
});

describe('createDigitFontReader', () => {
  it('decodes an embedded WOFF and TrueType font: pending first, then from its cache', async () => {
    const doc = page(face('spider-a', WOFF) + face('spider-b', TTF, 'ttf'));
    const reader = createDigitFontReader(PDD_DIGIT_SHAPES);
    const first = reader.read(doc);
    expect(first.pending).not.toBeNull();
    expect(summary(first.fonts)).toEqual({ 'spider-a': 'not-loaded', 'spider-b': 'not-loaded' });
    await first.pending;
    const second = reader.read(doc);
    expect(second.pending).toBeNull();
    expect(summary(second.fonts)).toEqual({ 'spider-a': expectedDigits(WOFF), 'spider-b': expectedDigits(TTF) });
  });

  it.each<[string, string, string]>([
    ['a font given only by an address (nothing is fetched)', '@font-face{font-family:"s";src:url("/static/s.ttf") format("truetype")}', 'remote'],
    ['a local() font', '@font-face{font-family:"s";src:local("PingFang SC")}', 'local'],
    ['an embedded WOFF2', `@font-face{font-family:"s";src:url(data:font/woff2;base64,${Buffer.from('wOF2' + '\0'.repeat(60)).toString('base64')}) format("woff2")}`, 'woff2'],
    ['embedded garbage', `@font-face{font-family:"s";src:url(data:font/woff;base64,${Buffer.from('not a font at all').toString('base64')})}`, 'not-a-font'],
    ['a truncated embedded font', `@font-face{font-family:"s";src:url(data:font/ttf;base64,${Buffer.from(TTF.bytes.slice(0, 400)).toString('base64')})}`, 'damaged'],
  ])('says why it does not decode %s', async (_name, css, problem) => {
    expect(summary(await fontsOf(page(css)))).toEqual({ s: problem });
  });

  it('keeps a family undecoded when one of its faces cannot be decoded', async () => {
    const css = face('s', WOFF) + '@font-face{font-family:"s";font-weight:700;src:url(/s-bold.ttf)}';
    expect(summary(await fontsOf(page(css)))).toEqual({ s: 'remote' });
  });

  it('leaves undecided the code points two faces of one family disagree on', async () => {
    const bold = digitFont([[0xe001, 7], [0xe002, 7], [0xe003, 4]]);
    const regular = digitFont([[0xe001, 7], [0xe002, 1]]);
    const css = `${rawFace('s', regular)}${rawFace('s', bold).replace('}', ';font-weight:700}')}`;
    expect(summary(await fontsOf(page(css)))).toEqual({ s: 'e001=7 e002=null e003=4' });
  });

  it('keeps only the code points inside a face\'s unicode-range', async () => {
    const [zero] = WOFF.codePoints.get(0)!;
    const css = face('s', WOFF).replace('}', `;unicode-range:U+${zero!.toString(16)}}`);
    expect(summary(await fontsOf(page(css)))).toEqual({ s: `${zero!.toString(16)}=0` });
  });

  it('reads a font swapped in place under the same rule again', async () => {
    const doc = page(face('s', WOFF));
    const reader = createDigitFontReader(PDD_DIGIT_SHAPES);
    expect(summary((await readPageFontsSettled(reader, doc))!)).toEqual({ s: expectedDigits(WOFF) });
    const rule = (doc.styleSheets[0] as CSSStyleSheet).cssRules[0] as CSSFontFaceRule;
    rule.style.setProperty('src', `url(data:font/ttf;base64,${Buffer.from(TTF.bytes).toString('base64')})`);
    expect(reader.read(doc).pending).not.toBeNull();
    expect(summary((await readPageFontsSettled(reader, doc))!)).toEqual({ s: expectedDigits(TTF) });
  });

  it('sees a face rule deleted and another inserted in its place (same rule count)', async () => {
    const doc = page(`${face('s', WOFF)}.x{color:red}`);
    const reader = createDigitFontReader(PDD_DIGIT_SHAPES);
    expect(summary((await readPageFontsSettled(reader, doc))!)).toEqual({ s: expectedDigits(WOFF) });
    const sheet = doc.styleSheets[0] as CSSStyleSheet;
    sheet.deleteRule(0);
    sheet.insertRule(face('s', TTF, 'ttf'), 1);
    expect(summary((await readPageFontsSettled(reader, doc))!)).toEqual({ s: expectedDigits(TTF) });
  });

  it('finds faces inside @media and new style elements', async () => {
    const doc = page(`@media screen{${face('s', WOFF)}}`);
    const reader = createDigitFontReader(PDD_DIGIT_SHAPES);
    expect(Object.keys(summary((await readPageFontsSettled(reader, doc))!))).toEqual(['s']);
    const style = doc.createElement('style');
    style.textContent = face('t', TTF, 'ttf');
    doc.head.append(style);
    expect(Object.keys(summary((await readPageFontsSettled(reader, doc))!))).toEqual(['s', 't']);
  });
});

describe('fontTextDecoder', () => {
  const css = `${face('spider-a', WOFF)}${face('spider-b', TTF, 'ttf')}@font-face{font-family:"remote";src:url(/r.ttf)}
    .a{font-family:"spider-a",sans-serif}.b{font-family:"spider-b"}.ab{font-family:"spider-a","spider-b"}
    .r{font-family:"remote","spider-a"}.plain{font-family:"PingFang SC"}`;

  async function decoderFor(body: string) {
    const doc = page(css, body);
    const decode = fontTextDecoder(await fontsOf(doc));
    return (selector: string) => {
      const el = doc.querySelector(selector)!;
      return decode(el.firstChild!.nodeValue!, el);
    };
  }

  it.each<[string, string, string]>([
    ['private-use digits drawn with the decoded font', `<span class="a">${WOFF.encode('1,234.56')}</span>`, '1,234.56'],
    ['the same, with the font inherited from an ancestor', `<div class="a"><p><span id="x">${WOFF.encode('90%')}</span></p></div>`, '90%'],
    ['ASCII digits the font does not map: as written', `<span class="a">1,234</span>`, '1,234'],
    ['a character the first font lacks, drawn by the next', `<span class="ab">${WOFF.encode('7')}${TTF.encode('8')}</span>`, '78'],
    ['a character of a font not decoded (remote, first in the list): left', `<span class="r">${WOFF.encode('12')}</span>`, WOFF.encode('12')],
    ['private-use characters in a system font: left', `<span class="plain">${WOFF.encode('12')}</span>`, WOFF.encode('12')],
    ['one glyph that is no digit: the whole text node is left', `<span class="b">${TTF.encode('12')}${String.fromCharCode(TTF.decoy!)}</span>`, `${TTF.encode('12')}${String.fromCharCode(TTF.decoy!)}`],
  ])('%s', async (_name, body, text) => {
    const read = await decoderFor(body);
    expect(read(body.includes('id="x"') ? '#x' : 'span')).toBe(text);
  });

  it('marks an ASCII digit the font redraws but cannot be decoded, so it is never read as written', async () => {
    const fonts: PageFonts = { families: new Map([['spider-a', { digits: new Map<number, number | null>([[0x31, 7], [0x32, null], [0xe123, 4]]) }]]) };
    const doc = page('.a{font-family:"spider-a"}', '<span class="a">1</span><i class="a">12&#xE123;</i>');
    const decode = fontTextDecoder(fonts);
    expect(decode('1', doc.querySelector('span'))).toBe('7');
    expect(decode(`12\uE123`, doc.querySelector('i'))).toBe(`${UNDECODED_DIGIT}${UNDECODED_DIGIT}\uE123`);
  });

  it('lets the finder read decoded figures, and still reports the undecodable one', async () => {
    const doc = page(
      css,
      `<section><div><div>成交金额</div><div class="a">${WOFF.encode('3,056.70')}</div></div>
       <div><div>成交订单数</div><div class="b">${TTF.encode('4')}${String.fromCharCode(TTF.decoy!)}</div></div>
       <div><div>成交买家数</div><div class="r">${WOFF.encode('25')}</div></div></section>`,
    );
    const found = findMetrics(doc.body, 'pinduoduo', { decodeText: fontTextDecoder(await fontsOf(doc)) });
    expect(found.metrics.map((m) => [m.metric, m.value])).toEqual([['payAmount', 3056.7]]);
    expect(found.issues.map((issue) => issue.field)).toEqual(['metrics.orders', 'metrics.buyers']);
    expect(found.issues.every((issue) => issue.problem.includes('obfuscated font'))).toBe(true);
    // Without the decoder nothing is read.
    expect(findMetrics(doc.body, 'pinduoduo').metrics).toEqual([]);
  });
});
