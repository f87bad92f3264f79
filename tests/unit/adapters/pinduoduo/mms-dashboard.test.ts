/**
 * 数据中心 dashboards: figures drawn with the anti-scraping font are decoded from the font the
 * page embeds, or else reported unreadable, never guessed; plain figures beside them are read;
 * marketing blocks and menus are left out. Whole pages are pinned by
 * tests/fixtures/pinduoduo/mms-*.html.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddMmsDashboardAdapter } from '../../../../lib/adapters/pinduoduo/mms-dashboard';
import {
  FONT_PROBLEM_REASONS,
  GLYPH_NOT_A_DIGIT,
  NOT_IN_A_DECODED_FONT,
  hasAntiScrapingFont,
  obfuscatedFontIssue,
  undecodedReasons,
} from '../../../../lib/adapters/pinduoduo/obfuscated-font';
import type { FontProblemCode } from '../../../../lib/capture/fonts/font-file';
import { readPageFontsSettled, type PageFonts } from '../../../../lib/capture/fonts/page-fonts';
import { documentFromHtml } from '../../../../lib/cli/load-document';
import { translateIssue } from '../../../../lib/i18n/issue-text';
import { fontFaceRule, makeObfuscatedFont } from '../../../../scripts/make-obfuscated-font';

const URL_ = new URL('https://mms.pinduoduo.com/sycm/stores_data/operation');
const SPIDER = '<style data-id="spider-1a2b">@font-face{font-family:"spider-1a2b";src:url("/f.ttf")}</style>';

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

function section(cards: string, title = '交易概况'): string {
  return `<section><div><h3>${title}</h3><div>统计时间：2026-11-21</div></div><div>${cards}</div></section>`;
}

function card(label: string, value: string): string {
  return `<div><div>${label}</div><div>${value}</div></div>`;
}

function extract(doc: Document) {
  const capture = captureFrom(pddMmsDashboardAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

describe('pinduoduo/mms-dashboard', () => {
  it('reads plain figures, reports obfuscated ones unreadable, and says why once', () => {
    const capture = extract(page(section(card('成交金额', '&#xE3A1;&#xE0F2;.&#xE7C4;') + card('成交买家数', '60')), SPIDER));
    expect(capture.period).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
    expect(capture.metrics).toEqual([{ metric: 'buyers', label: '成交买家数', value: 60, unit: 'count', bound: 'exact' }]);
    expect(capture.issues).toEqual([
      { field: 'metrics.payAmount', problem: expect.stringContaining('obfuscated font') },
      { field: 'metrics', problem: expect.stringContaining('anti-scraping font (spider @font-face)') },
    ]);
  });

  it('detects a rendered page whose every figure is obfuscated, not a page still loading', () => {
    expect(pddMmsDashboardAdapter.detect(page(section(card('成交金额', '&#xE3A1;&#xE0F2;'))), URL_)).toBe(true);
    expect(pddMmsDashboardAdapter.detect(page(section(card('成交金额', ''))), URL_)).toBe(false);
    expect(pddMmsDashboardAdapter.detect(page('<nav role="navigation"><a href="/x">成交金额</a></nav>'), URL_)).toBe(false);
  });

  it('leaves out a promotion block with metric words and a call to action', () => {
    const capture = extract(
      page(`<div><div><div>成交金额</div><div>35%</div></div><div><div>成交订单数</div><div>2500+</div></div><button>立即报名</button></div>
        ${section(card('成交订单数', '61'))}`),
    );
    expect(capture.metrics.map((m) => [m.metric, m.value])).toEqual([['orders', 61]]);
    expect(capture.issues).toEqual([]);
  });

  it('names the font only when the page carries the spider rule', () => {
    expect(hasAntiScrapingFont(page('', SPIDER))).toBe(true);
    expect(hasAntiScrapingFont(page('', '<style data-id="spider-x">.a{}</style>'))).toBe(false);
    expect(obfuscatedFontIssue(1, page('')).problem).toContain('an obfuscating web font');
    expect(obfuscatedFontIssue(3, page(''), 'items')).toMatchObject({ field: 'items', problem: expect.stringMatching(/^3 figures/) });
  });
});

describe('pinduoduo/mms-dashboard: digits decoded from the font the page embeds', () => {
  const FONT = makeObfuscatedFont({ family: 'spider-9e', seed: 9, format: 'woff', decoy: true });
  const EMBEDDED = `<style data-id="spider-9e">${fontFaceRule('spider-9e', FONT, 'woff')}.n{font-family:"spider-9e"}</style>`;
  const n = (text: string) => `<span class="n">${FONT.encode(text)}</span>`;

  async function read(body: string, head = EMBEDDED) {
    const doc = documentFromHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, URL_);
    const fonts = await readPageFontsSettled(pddMmsDashboardAdapter.fonts, doc);
    return { detected: pddMmsDashboardAdapter.detect(doc, URL_, [], fonts), capture: captureFrom(pddMmsDashboardAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'), [], fonts) };
  }

  it('reads figures, changes and peer values drawn with it', async () => {
    const { detected, capture } = await read(
      section(
        card('成交金额', `${n('2,048.50')}<div><span>较前一日</span>${n('+6.25%')}</div>`) +
          card('成交买家数', `${n('37')}<div><span>同行均值</span>${n('29')}</div>`),
      ),
    );
    expect(detected).toBe(true);
    expect(captureSchema.safeParse(capture).success).toBe(true);
    expect(capture.metrics).toEqual([
      { metric: 'payAmount', label: '成交金额', value: 2048.5, unit: 'yuan', bound: 'exact', change: { basis: '较前一日', ratio: 0.0625 } },
      { metric: 'buyers', label: '成交买家数', value: 37, unit: 'count', bound: 'exact', peers: [{ label: '同行均值', value: 29 }] },
    ]);
    expect(capture.issues).toEqual([]);
  });

  it('reports a figure holding a glyph that is no digit unreadable, and says why', async () => {
    const { capture } = await read(section(card('成交金额', `<span class="n">${FONT.encode('1')}${String.fromCharCode(FONT.decoy!)}</span>`) + card('成交买家数', n('37'))));
    expect(capture.metrics.map((m) => [m.metric, m.value])).toEqual([['buyers', 37]]);
    expect(capture.issues).toEqual([
      { field: 'metrics.payAmount', problem: expect.stringContaining('obfuscated font') },
      { field: 'metrics', problem: expect.stringMatching(/^1 figure drawn with the page's anti-scraping font .*: not read \(some of its glyphs match no digit shape ShopLens knows\)$/) },
    ]);
  });

  it('reads nothing from the same page when its font is given only by an address', async () => {
    const remote = '<style data-id="spider-9e">@font-face{font-family:"spider-9e";src:url("/f.ttf")}.n{font-family:"spider-9e"}</style>';
    const { capture } = await read(section(card('成交金额', n('2,048.50')) + card('成交买家数', '60')), remote);
    expect(capture.metrics.map((m) => [m.metric, m.value])).toEqual([['buyers', 60]]);
    expect(capture.issues.at(-1)?.problem).toContain('(decoding needs the font file, which ShopLens does not download)');
  });

  it('reads nothing decoded without the page fonts (a caller that did not decode them)', () => {
    const doc = documentFromHtml(`<!doctype html><html><head>${EMBEDDED}</head><body>${section(card('成交金额', n('2,048.50')))}</body></html>`, URL_);
    const capture = captureFrom(pddMmsDashboardAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'));
    expect(capture.metrics).toEqual([]);
    expect(capture.issues.map((issue) => issue.field)).toEqual(['metrics.payAmount', 'metrics']);
  });
});

describe('obfuscatedFontIssue: why figures stayed undecoded', () => {
  const family = (problem?: FontProblemCode, digits: Array<[number, number | null]> = []) => ({ ...(problem ? { problem } : {}), digits: new Map(digits) });
  const fonts = (...families: Array<[string, ReturnType<typeof family>]>): PageFonts => ({ families: new Map(families) });

  it.each<[string, PageFonts | undefined, string[]]>([
    ['fonts not read', undefined, [FONT_PROBLEM_REASONS.remote]],
    ['no @font-face on the page', fonts(), [FONT_PROBLEM_REASONS.remote]],
    ['a WOFF2 font', fonts(['a', family('woff2')]), [FONT_PROBLEM_REASONS.woff2]],
    ['a glyph matching no digit', fonts(['a', family(undefined, [[0xe001, 3], [0xe002, null]])]), [GLYPH_NOT_A_DIGIT]],
    ['every font decoded, every glyph a digit', fonts(['a', family(undefined, [[0xe001, 3]])]), [NOT_IN_A_DECODED_FONT]],
    ['two fonts, two reasons', fonts(['a', family('not-loaded')], ['b', family(undefined, [[0xe002, null]])]), [FONT_PROBLEM_REASONS['not-loaded'], GLYPH_NOT_A_DIGIT]],
  ])('%s', (_name, given, reasons) => {
    expect(undecodedReasons(given)).toEqual(reasons);
    expect(obfuscatedFontIssue(2, page(''), 'metrics', given).problem).toBe(
      `2 figures drawn with an obfuscating web font as private-use characters: not read (${reasons.join('; ')})`,
    );
  });

  it.each([...new Set([...Object.values(FONT_PROBLEM_REASONS), GLYPH_NOT_A_DIGIT, NOT_IN_A_DECODED_FONT])])('has Chinese for "%s"', (reason) => {
    const problem = `3 figures drawn with the page's anti-scraping font (spider @font-face) as private-use characters: not read (${reason})`;
    const zh = translateIssue(problem, 'zh');
    expect(zh.complete).toBe(true);
    expect(zh.text).toMatch(/^3 个数字用页面的反爬字体（spider @font-face）绘制成私有区字符：未读取（[^a-z]*[\u4e00-\u9fff][^]*）$/);
    expect(translateIssue(problem, 'en').text).toBe(problem);
  });

  it('leaves whole reasons out rather than cut one short past 200 characters', () => {
    const many = fonts(['a', family('woff2')], ['b', family('cff')], ['c', family('damaged')]);
    const { problem } = obfuscatedFontIssue(12, page('', SPIDER), 'metrics', many);
    expect(problem.length).toBeLessThanOrEqual(200);
    expect(problem).toMatch(/\(the font is WOFF2, which ShopLens does not decode\)$/);
  });
});
