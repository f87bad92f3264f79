/**
 * 数据中心 dashboards: figures drawn with the anti-scraping font are reported unreadable, never
 * read; plain figures beside them are read; marketing blocks and menus are left out. Whole pages
 * are pinned by tests/fixtures/pinduoduo/mms-*.html.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddMmsDashboardAdapter } from '../../../../lib/adapters/pinduoduo/mms-dashboard';
import { hasAntiScrapingFont, obfuscatedFontIssue } from '../../../../lib/adapters/pinduoduo/obfuscated-font';

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
