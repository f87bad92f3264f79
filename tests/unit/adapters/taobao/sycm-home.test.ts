/**
 * The 生意参谋 dashboard adapter: URL detection both ways, detection, scoping to data sections,
 * periods and shop names. Whole-page behaviour is pinned by the fixtures
 * (tests/fixtures/taobao/sycm-*.html); these cases isolate one rule each.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { isSycmDashboardUrl, sycmHomeAdapter } from '../../../../lib/adapters/taobao/sycm-home';

const HOME = new URL('https://sycm.taobao.com/portal/home.htm');

function page(bodyHtml: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${bodyHtml}</body></html>`, 'text/html');
}

function section(title: string, cards: string, period = '<span>统计时间</span> <span>2026-11-21</span>'): string {
  return `<section><div><h3>${title}</h3><div>${period}</div></div><div class="grid">${cards}</div></section>`;
}

function card(label: string, value: string, extra = ''): string {
  return `<div class="card"><div>${label}</div><div>${value}</div>${extra}</div>`;
}

describe('sycm-home URLs', () => {
  it('is registered and is the adapter for its sample URLs', () => {
    for (const url of sycmHomeAdapter.sampleUrls) expect(adapterForUrl(new URL(url))?.id).toBe('taobao/sycm-home');
  });

  it('declares what it is', () => {
    expect(sycmHomeAdapter).toMatchObject({
      id: 'taobao/sycm-home',
      version: 1,
      platform: 'taobao',
      pageKind: 'dashboard',
      hosts: ['*://sycm.taobao.com/*'],
    });
  });

  it.each([
    'https://sycm.taobao.com/portal/home.htm',
    'https://sycm.taobao.com/portal/home.htm?spm=a21ag.7782686.0.0&dateType=day',
    'https://sycm.taobao.com/portal/home.htm#/overview?dateType=recent7',
    'https://SYCM.taobao.com/portal/home.htm',
    'https://sycm.taobao.com/portal/index.htm',
    'https://sycm.taobao.com/bda/tradinganaly/overview/overview.htm',
    'https://sycm.taobao.com/bda/tradinganaly/overview/overview.htm?dateRange=2026-11-15%7C2026-11-21&dateType=recent7',
    // Ports are ignored, as in Chrome's match patterns (the demo serves on a local port).
    'http://sycm.taobao.com:8443/portal/home.htm',
  ])('accepts %s', (url) => {
    expect(isSycmDashboardUrl(new URL(url))).toBe(true);
  });

  it.each([
    // Other 生意参谋 page kinds, read later by their own adapters.
    'https://sycm.taobao.com/cc/item_archives?itemId=712345678901&activeKey=sale',
    'https://sycm.taobao.com/cc/macro_monitor',
    'https://sycm.taobao.com/mq/industry/product/rank.htm?cateId=50023720',
    'https://sycm.taobao.com/mq/industry/overview/overview.htm',
    'https://sycm.taobao.com/mq/overview/reportIndex.json?indexCode=uv',
    'https://sycm.taobao.com/bda/flow/flowsummary/flow_summary.htm',
    'https://sycm.taobao.com/portal/coreIndex/new/overview/v3.json',
    'https://sycm.taobao.com/',
    'https://sycm.taobao.com/portal/home.htm/extra',
    // Look-alikes and other hosts.
    'https://sycm.taobao.com.evil.example/portal/home.htm',
    'https://evil.example/portal/home.htm',
    'https://evil.example/sycm.taobao.com/portal/home.htm',
    'https://beta.sycm.taobao.com/portal/home.htm',
    'https://item.taobao.com/item.htm?id=1',
    'ftp://sycm.taobao.com/portal/home.htm',
    'file:///sycm.taobao.com/portal/home.htm',
  ])('rejects %s', (url) => {
    expect(isSycmDashboardUrl(new URL(url))).toBe(false);
  });
});

describe('sycm-home detection and extraction', () => {
  it('detects a page whose data section shows a figure, and not one still loading', () => {
    expect(sycmHomeAdapter.detect(page(section('核心指标', card('访客数', '1,234'))), HOME)).toBe(true);
    expect(sycmHomeAdapter.detect(page(section('核心指标', card('访客数', '<span class="spin"></span>'))), HOME)).toBe(false);
    expect(sycmHomeAdapter.detect(page('<div>访客数</div><div>1,234</div>'), HOME)).toBe(false);
  });

  it('reads only data sections: not a banner, a realtime block or navigation', () => {
    const doc = page(
      '<nav><a href="/flow">访客数</a></nav>' +
        '<div class="banner"><div>支付金额</div><div>2500+</div></div>' +
        `<section><div><h3>实时概况</h3><span>更新时间 10:32</span></div>${card('访客数', '1,020')}${card('支付金额', '8,234.50')}</section>` +
        section('核心指标', card('访客数', '3,294') + card('支付金额', '45,678.90')),
    );
    const extracted = sycmHomeAdapter.extract(doc, HOME);
    expect(extracted.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 3294],
      ['payAmount', 45678.9],
    ]);
    expect(extracted.issues).toEqual([]);
    expect(extracted.period).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
  });

  it('does not let an unrendered section reach out to a banner beside it', () => {
    const doc = page(
      '<main><div class="banner"><div>支付金额</div><div>2500+</div></div>' +
        section('核心指标', card('支付金额', '')) +
        '<div class="promo"><div>访客数</div><div>10万+</div></div></main>',
    );
    expect(sycmHomeAdapter.detect(doc, HOME)).toBe(false);
    expect(sycmHomeAdapter.extract(doc, HOME).metrics).toEqual([]);
  });

  it('leaves out promotion blocks with a call to action inside a data section', () => {
    const doc = page(
      section(
        '核心指标',
        card('访客数', '3,294') + '<div class="upsell"><div>支付金额</div><div>2500+</div><button>立即开通</button></div>',
      ),
    );
    expect(sycmHomeAdapter.extract(doc, HOME).metrics.map((m) => m.metric)).toEqual(['visitors']);
  });

  it('falls back to the block around 统计时间 when no section title is known', () => {
    const doc = page(`<div class="box"><div>统计时间 2026-11-21</div>${card('访客数', '3,294')}</div>`);
    const extracted = sycmHomeAdapter.extract(doc, HOME);
    expect(extracted.metrics.map((m) => [m.metric, m.value])).toEqual([['visitors', 3294]]);
    expect(extracted.period?.start).toBe('2026-11-21');
  });

  it('reads one period only: a section stating another is left out with an issue', () => {
    const doc = page(
      section('店铺概况', card('访客数', '2,133')) +
        section('核心指标', card('浏览量', '14,870'), '统计时间 2026-11-15 ~ 2026-11-21'),
    );
    const extracted = sycmHomeAdapter.extract(doc, HOME);
    expect(extracted.metrics.map((m) => m.metric)).toEqual(['visitors']);
    expect(extracted.issues).toEqual([
      { field: 'period', problem: "section '核心指标' is for 2026-11-15~2026-11-21, not 2026-11-21: not read" },
    ]);
  });

  it('says when the page states no period, and when there is no data section', () => {
    const noPeriod = sycmHomeAdapter.extract(page(section('核心指标', card('访客数', '3,294'), '')), HOME);
    expect(noPeriod.period).toBeNull();
    expect(noPeriod.metrics).toHaveLength(1);
    expect(noPeriod.issues).toEqual([{ field: 'period', problem: 'the page states no period (统计时间)' }]);

    const nothing = sycmHomeAdapter.extract(page('<div>欢迎使用生意参谋</div>'), HOME);
    expect(nothing.metrics).toEqual([]);
    expect(nothing.issues.map((issue) => issue.field)).toEqual(['metrics', 'period']);
  });

  it.each([
    ['<header><span>小鹿家居旗舰店</span><span>主店</span></header>', '小鹿家居旗舰店'],
    ['<header><span>青禾茶舍</span><span><span>主店</span></span></header>', '青禾茶舍'],
    ['<header><div><span>云朵童装专营店</span></div></header>', '云朵童装专营店'],
    ['<header><span>青禾茶舍</span><span>主店</span><div style="display:none"><span>青禾茶舍二店</span><span>分店</span></div></header>', '青禾茶舍'],
    // Two different names: none rather than a guess.
    ['<header><span>甲店</span><span>主店</span><span>乙店</span><span>分店</span></header>', undefined],
    ['<header><a href="/shop">小鹿家居旗舰店</a></header>', undefined],
    ['<div><span>小鹿家居旗舰店</span><span>主店</span></div>', undefined],
  ])('reads the shop name from %s', (header, name) => {
    const extracted = sycmHomeAdapter.extract(page(header + section('核心指标', card('访客数', '3,294'))), HOME);
    expect(extracted.shop?.name).toBe(name);
  });

  it('is a pure function of the document: same page, same capture, valid against the schema', () => {
    const doc = page(section('核心指标', card('访客数', '3,294', '<div>较前一日 +1.00%</div>') + card('客单价', '-')));
    const at = new Date('2026-11-22T00:00:00.000Z');
    const first = captureFrom(sycmHomeAdapter, doc, HOME, at);
    expect(captureFrom(sycmHomeAdapter, doc, HOME, at)).toEqual(first);
    expect(captureSchema.safeParse(first).success).toBe(true);
    expect(first.issues).toEqual([{ field: 'metrics.aov', problem: "'客单价' shown as '-' (no data)" }]);
  });
});
