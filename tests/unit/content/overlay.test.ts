/**
 * Badges on the page (lib/content/overlay.ts) with jsdom: where they go, when they do not, that
 * page text stays text, that drawing is idempotent, and that the page's own figures read the
 * same with badges in place. The page is the 生意参谋 home fixture: it shows 支付金额 / 访客数 /
 * 支付买家数 three times (a promotion, the 实时 block, the 核心指标 cards) and only the cards are
 * the captured figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sycmHomeAdapter } from '../../../lib/adapters/taobao/sycm-home';
import { captureFrom } from '../../../lib/adapters/run';
import { findMetrics } from '../../../lib/capture/finder';
import { PLATFORMS } from '../../../lib/capture/schema';
import { SEVERITIES } from '../../../lib/diagnostics/types';
import {
  BADGE_METRIC_ATTR,
  BADGE_SEVERITY_ATTR,
  BADGE_TAG,
  badgeShadowRoot,
  renderBadges,
  startOverlay,
  type OverlayBrowser,
  type OverlayController,
} from '../../../lib/content/overlay';
import {
  OVERLAY_MESSAGE_TYPE,
  OVERLAY_PLATFORMS,
  OVERLAY_SEVERITIES,
  parseOverlayMessage,
  type OverlayFinding,
  type OverlayMessage,
} from '../../../lib/content/overlay-message';
import { LANG_STORAGE_KEY } from '../../../lib/i18n/lang';
import { OVERLAYS_ENABLED_KEY } from '../../../lib/settings/keys';

const FIXTURE = join(__dirname, '../../fixtures/taobao/sycm-home-cards.html');
const PAGE_URL = 'https://sycm.taobao.com/portal/home.htm';

function loadPage(html = readFileSync(FIXTURE, 'utf8')): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function finding(metric: string, severity: OverlayFinding['severity'], value: number | undefined, text = `${metric} ${severity}`): OverlayFinding {
  return { metric, severity, text: { zh: `中文：${text}`, en: `English: ${text}` }, ...(value !== undefined ? { value } : {}) };
}

function message(findings: OverlayFinding[], url = PAGE_URL): OverlayMessage {
  return { type: OVERLAY_MESSAGE_TYPE, url, platform: 'taobao', findings };
}

function badges(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG));
}

/** The card (or block) a badge sits in, named by its hashed class prefix: `index-card`, `realtime`, `promo`. */
function blockOf(host: Element): string {
  const block = host.closest('[class*="index-card_wrap"], [class*="realtime_item"], [class*="promo_card"]');
  return block?.className.split('_')[0] ?? 'none';
}

function tipText(host: Element): string {
  return badgeShadowRoot(host)?.querySelector('.tip')?.textContent ?? '';
}

describe('placement', () => {
  it.each([
    { metric: 'payAmount', value: 45678.9, label: '支付金额' },
    { metric: 'visitors', value: 3294, label: '访客数' },
    { metric: 'conversionRate', value: 0.0194, label: '支付转化率' },
    { metric: 'buyers', value: 64, label: '支付买家数' },
  ])('puts the $metric badge right after its label on the 核心指标 card, not on the 实时 block or the promotion', ({ metric, value, label }) => {
    const doc = loadPage();
    renderBadges(doc, 'taobao', [finding(metric, 'warning', value)], 'zh');
    const hosts = badges(doc);
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.previousElementSibling?.textContent).toBe(label);
    expect(blockOf(host)).toBe('index-card');
    expect(host.getAttribute(BADGE_METRIC_ATTR)).toBe(metric);
  });

  it('follows the value: the 实时 figure gets the badge when that is the figure judged', () => {
    const doc = loadPage();
    renderBadges(doc, 'taobao', [finding('payAmount', 'info', 8234.5)], 'zh');
    expect(badges(doc).map(blockOf)).toEqual(['realtime']);
  });

  it.each([
    { case: 'a value no label on the page shows', findings: [finding('payAmount', 'warning', 99_999)] },
    { case: 'a metric without a label on the page (a computed ratio)', findings: [finding('refundRate', 'warning', 0.027)] },
    { case: 'a figure shown as "-" (客单价)', findings: [finding('aov', 'warning', 100)] },
    { case: 'no value and several labels', findings: [finding('payAmount', 'warning', undefined)] },
  ])('draws nothing for $case', ({ findings }) => {
    const doc = loadPage();
    expect(renderBadges(doc, 'taobao', findings, 'zh')).toEqual([]);
    expect(badges(doc)).toEqual([]);
  });

  it('draws one badge per figure, coloured by the worst finding, with every text most severe first', () => {
    const doc = loadPage();
    renderBadges(
      doc,
      'taobao',
      [finding('visitors', 'good', 3294, 'above peers'), finding('visitors', 'critical', 3294, 'sudden drop'), finding('payAmount', 'info', 45678.9)],
      'en',
    );
    const hosts = badges(doc);
    // Page order: the 支付金额 card comes first.
    expect(hosts.map((h) => [h.getAttribute(BADGE_METRIC_ATTR), h.getAttribute(BADGE_SEVERITY_ATTR)])).toEqual([
      ['payAmount', 'info'],
      ['visitors', 'critical'],
    ]);
    expect(tipText(hosts[1]!)).toBe('English: sudden drop\nEnglish: above peers');
    expect(badgeShadowRoot(hosts[1]!)?.querySelector('.mark')?.className).toBe('mark critical');
  });

  it('places a badge inside a table header cell, so the row keeps its columns', () => {
    const doc = loadPage(`<section><h3>统计时间 2026-11-21</h3><table>
      <thead><tr><th>访客数</th><th>支付金额</th></tr></thead>
      <tbody><tr><td>1,234</td><td>5,678.00</td></tr></tbody></table></section>`);
    renderBadges(doc, 'taobao', [finding('payAmount', 'warning', 5678)], 'zh');
    const [host] = badges(doc);
    expect(host?.parentElement?.tagName).toBe('TH');
    expect(host?.parentElement?.firstChild?.textContent).toBe('支付金额');
    expect(doc.querySelectorAll('thead th')).toHaveLength(2);
    expect(findMetrics(doc.body, 'taobao').metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['payAmount', 5678],
    ]);
  });

  it('leaves the page’s figures reading exactly the same (the badge is no text, no arrow, no class)', () => {
    const doc = loadPage();
    const url = new URL(PAGE_URL);
    const at = new Date('2026-11-22T00:00:00.000Z');
    const before = captureFrom(sycmHomeAdapter, doc, url, at);
    // A down-pointing severity word on every figure: were it read as a trend icon, a change would flip sign.
    const all = before.metrics.map((m) => finding(m.metric, 'critical', m.value, '下降 down ↓'));
    expect(renderBadges(doc, 'taobao', all, 'zh').length).toBe(before.metrics.length);
    expect(captureFrom(sycmHomeAdapter, doc, url, at)).toEqual(before);
    for (const host of badges(doc)) {
      expect(host.textContent).toBe('');
      expect(host.getAttributeNames().sort()).toEqual([BADGE_METRIC_ATTR, BADGE_SEVERITY_ATTR].sort());
    }
  });
});

describe('drawing', () => {
  it('keeps hostile text as text, in the tooltip and the accessible name', () => {
    const doc = loadPage();
    const hostile = '<img src=x onerror="alert(1)"><b>转化率</b>';
    renderBadges(doc, 'taobao', [{ metric: 'conversionRate', severity: 'warning', text: { zh: hostile, en: hostile }, value: 0.0194 }], 'zh');
    const [host] = badges(doc);
    const root = badgeShadowRoot(host!)!;
    expect(root.querySelector('.tip')?.textContent).toBe(hostile);
    expect(root.querySelector('.mark')?.getAttribute('aria-label')).toBe(hostile);
    expect(root.querySelector('img, b')).toBeNull();
    expect(doc.querySelector('img, b')).toBeNull();
  });

  it('uses a closed shadow root the page cannot open', () => {
    const doc = loadPage();
    renderBadges(doc, 'taobao', [finding('visitors', 'good', 3294)], 'zh');
    const [host] = badges(doc);
    expect(host!.shadowRoot).toBeNull();
    expect(badgeShadowRoot(host!)?.mode).toBe('closed');
    expect(badgeShadowRoot(host!)?.querySelector('style')?.textContent).toContain(':host{all:initial!important');
  });

  it('is idempotent: drawing again, or over a previous instance’s badges, leaves one badge per figure', () => {
    const doc = loadPage();
    const stray = doc.createElement(BADGE_TAG);
    doc.querySelector('main')!.append(stray); // left by a content script before the extension reloaded
    const findings = [finding('visitors', 'warning', 3294), finding('payAmount', 'good', 45678.9)];
    renderBadges(doc, 'taobao', findings, 'zh');
    renderBadges(doc, 'taobao', findings, 'zh');
    expect(badges(doc).map((h) => h.getAttribute(BADGE_METRIC_ATTR))).toEqual(['payAmount', 'visitors']);
    expect(stray.isConnected).toBe(false);
  });
});

describe('the findings message', () => {
  const valid = message([finding('visitors', 'warning', 3294)]);

  it('accepts a well-formed message', () => {
    expect(parseOverlayMessage(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });

  it.each([
    ['not an object', 'shoplens:findings'],
    ['another type', { ...valid, type: 'capture' }],
    ['an unknown platform', { ...valid, platform: 'amazon' }],
    ['no url', { ...valid, url: 42 }],
    ['findings not a list', { ...valid, findings: {} }],
    ['an unknown severity', { ...valid, findings: [{ ...finding('visitors', 'warning', 1), severity: 'fatal' }] }],
    ['a metric id with markup', { ...valid, findings: [{ ...finding('visitors', 'warning', 1), metric: '<b>x</b>' }] }],
    ['a text that is not a string', { ...valid, findings: [{ ...finding('visitors', 'warning', 1), text: { zh: 1, en: 'x' } }] }],
    ['an overlong text', { ...valid, findings: [{ ...finding('visitors', 'warning', 1), text: { zh: 'x'.repeat(5000), en: 'x' } }] }],
    ['a value that is not a number', { ...valid, findings: [{ ...finding('visitors', 'warning', 1), value: '3294' }] }],
    ['too many findings', { ...valid, findings: Array.from({ length: 500 }, () => finding('visitors', 'warning', 1)) }],
  ])('refuses %s', (_case, raw) => {
    expect(parseOverlayMessage(raw)).toBeNull();
  });

  it('knows every platform and severity the rest of ShopLens uses', () => {
    expect([...OVERLAY_PLATFORMS].sort()).toEqual([...PLATFORMS].sort());
    expect([...OVERLAY_SEVERITIES].sort()).toEqual([...SEVERITIES].sort());
  });
});

describe('the overlay in the content script', () => {
  let doc: Document;
  let url: string;
  let overlay: OverlayController | undefined;
  const pending: Array<() => void> = [];

  function start(browser: OverlayBrowser = fakeBrowser) {
    overlay = startOverlay({
      document: doc,
      currentUrl: () => url,
      browser,
      timers: {
        setTimeout: (handler) => pending.push(handler),
        clearTimeout: () => undefined,
      },
      log: () => undefined,
    });
    return overlay;
  }

  /** Lets storage reads, mutation records and the restore timer run. */
  async function settle() {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    while (pending.length > 0) pending.shift()!();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  beforeEach(() => {
    doc = loadPage();
    url = `${PAGE_URL}?spm=a21ag.1`;
    pending.length = 0;
  });

  afterEach(() => {
    overlay?.stop();
    overlay = undefined;
  });

  it('draws the badges a findings message for this page brings, in the language chosen in the panel', async () => {
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    start();
    await settle();
    await fakeBrowser.runtime.sendMessage(message([finding('visitors', 'critical', 3294, 'drop')]));
    expect(badges(doc).map((h) => h.getAttribute(BADGE_SEVERITY_ATTR))).toEqual(['critical']);
    expect(tipText(badges(doc)[0]!)).toBe('English: drop');
  });

  it.each([
    ['en', 'English: drop'],
    ['zh', '中文：drop'],
    ['en-US', '中文：drop'],
    [{ lang: 'en' }, '中文：drop'],
    [undefined, '中文：drop'],
  ] as const)('the stored choice %j shows %s, whatever the browser speaks', async (stored, text) => {
    expect(navigator.language).toMatch(/^en/); // jsdom's browser speaks English: the Chinese cases do not follow it
    if (stored !== undefined) await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: stored });
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'critical', 3294, 'drop')]));
    expect(badges(doc).map(tipText)).toEqual([text]);
  });

  it('redraws the badges in the new language when the operator switches, and only then', async () => {
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294, 'slow'), finding('payAmount', 'info', 45678.9, 'flat')]));
    expect(badges(doc).map(tipText)).toEqual(['中文：flat', '中文：slow']);

    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(badges(doc).map(tipText)).toEqual(['English: flat', 'English: slow']);
    expect(badges(doc).map((h) => badgeShadowRoot(h)?.querySelector('.mark')?.getAttribute('aria-label'))).toEqual(['English: flat', 'English: slow']);
    expect(controller.badges).toHaveLength(2);

    // Another setting changing keeps the language; a hostile value is no language: back to the default.
    const before = badges(doc);
    await fakeBrowser.storage.local.set({ somethingElse: 'zh' });
    expect(badges(doc)).toEqual(before);
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: '<script>' });
    expect(badges(doc).map(tipText)).toEqual(['中文：flat', '中文：slow']);
  });

  it('a switch while overlays are off draws nothing, and the next switch on uses the new language', async () => {
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294, 'slow')]));
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(badges(doc)).toEqual([]);
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: true });
    expect(badges(doc).map(tipText)).toEqual(['English: slow']);
  });

  it('a switch that arrives while the first read is under way is newer than what was read', async () => {
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'zh' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Storage answers with what it held when asked, but only once released.
    const slowStorage: OverlayBrowser = {
      runtime: fakeBrowser.runtime,
      storage: {
        local: {
          get: async (key) => {
            const answer = await fakeBrowser.storage.local.get(key);
            await held;
            return answer;
          },
        },
        onChanged: fakeBrowser.storage.onChanged,
      },
    };
    const controller = start(slowStorage);
    controller.receive(message([finding('visitors', 'warning', 3294, 'slow')]));
    await settle();
    expect(badges(doc)).toEqual([]); // nothing before the settings are known
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(badges(doc)).toEqual([]);
    release();
    await settle();
    expect(badges(doc).map(tipText)).toEqual(['English: slow']);
  });

  it('ignores findings about another page and malformed messages', async () => {
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294)], 'https://sycm.taobao.com/portal/other.htm'));
    controller.receive({ ...message([finding('visitors', 'warning', 3294)]), platform: 'nowhere' });
    expect(badges(doc)).toEqual([]);
  });

  it('draws nothing while overlays are switched off, and follows the switch both ways', async () => {
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294)]));
    expect(badges(doc)).toEqual([]);

    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: true });
    expect(badges(doc)).toHaveLength(1);
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    expect(badges(doc)).toEqual([]);
  });

  it('waits for the setting before drawing a message that came first', async () => {
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    const controller = start();
    controller.receive(message([finding('visitors', 'warning', 3294)]));
    expect(badges(doc)).toEqual([]);
    await settle();
    expect(badges(doc)).toEqual([]);
  });

  it('puts the badges back when the page re-renders its cards, once per re-render', async () => {
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294)]));
    const first = badges(doc)[0]!;
    // The page's framework replaces the card title: our badge goes with it.
    const title = first.parentElement!;
    title.replaceWith(title.cloneNode(true));
    expect(badges(doc).filter((h) => h.isConnected && badgeShadowRoot(h))).toHaveLength(0);
    await settle();
    expect(badges(doc)).toHaveLength(1);
    expect(badges(doc)[0]).not.toBe(first);
    expect(controller.badges).toHaveLength(1);
  });

  it('drops the badges when the address moves to another page, keeps them on the same page', async () => {
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294)]));
    url = `${PAGE_URL}?spm=other`; // same page, new tracking parameter
    controller.locationChanged();
    expect(badges(doc)).toHaveLength(1);
    url = 'https://sycm.taobao.com/bda/tradinganaly/overview/overview.htm';
    controller.locationChanged();
    expect(badges(doc)).toEqual([]);
  });

  it('removes its badges and stops listening when stopped', async () => {
    const controller = start();
    await settle();
    controller.receive(message([finding('visitors', 'warning', 3294)]));
    controller.stop();
    overlay = undefined;
    expect(badges(doc)).toEqual([]);
    await fakeBrowser.runtime.sendMessage(message([finding('visitors', 'warning', 3294)])).catch(() => undefined);
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(badges(doc)).toEqual([]);
  });
});
