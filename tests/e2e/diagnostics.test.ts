/**
 * Diagnostics in a real Chromium with the built extension: the 生意参谋 home sample
 * (`taobao/sycm-home-cards`) is captured, the background diagnoses it and sends the findings back,
 * the content script draws badges beside the figures in closed shadow roots, the toolbar button
 * counts the warnings, and the side panel lists the findings.
 *
 * The operator's settings are used: a benchmark of 100 buyers for the sample's shop (set in
 * storage.local before the page opens) makes the card's 64 buyers a warning, beside the peer
 * comparisons the page itself gives (支付金额, 支付转化率, both above their peers).
 *
 * Badge hosts are plain elements in the page (`<shoplens-badge data-shoplens-metric=…>`); their
 * closed shadow roots are read through the DevTools protocol, which sees closed roots too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/chromium';
import { startSampleSite, type SampleSite } from '../../scripts/lib/sample-site';

const SAMPLE = 'taobao/sycm-home-cards';
const SHOP_KEY = 'taobao:shop:小鹿家居旗舰店';

let site: SampleSite;
let browser: LaunchedBrowser;

beforeAll(async () => {
  site = await startSampleSite();
  browser = await launchWithExtension({ hosts: site.hosts });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The slice of the extension API the snippets below use; they run in the service worker (types only here). */
interface WorkerChrome {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

interface BadgeContent {
  metric: string;
  severity: string;
  rootType: string | undefined;
  markClass: string;
  tip: string;
}

function attr(node: DomNode, name: string): string {
  const list = node.attributes ?? [];
  const index = list.findIndex((value, i) => i % 2 === 0 && value === name);
  return index >= 0 ? (list[index + 1] ?? '') : '';
}

function textOf(node: DomNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function walk(node: DomNode, visit: (node: DomNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
  for (const root of node.shadowRoots ?? []) walk(root, visit);
}

/** Every badge in the page with its closed shadow root's content, via DOM.getDocument(pierce). */
async function badgeContents(cdp: CDPSession): Promise<BadgeContent[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: BadgeContent[] = [];
  walk(root, (node) => {
    if (node.nodeName !== 'SHOPLENS-BADGE') return;
    const shadow = node.shadowRoots?.[0];
    let markClass = '';
    let tip = '';
    if (shadow) {
      walk(shadow, (inner) => {
        const cls = attr(inner, 'class');
        if (cls.startsWith('mark')) markClass = cls;
        if (cls === 'tip') tip = textOf(inner);
      });
    }
    found.push({ metric: attr(node, 'data-shoplens-metric'), severity: attr(node, 'data-shoplens-severity'), rootType: shadow?.shadowRootType, markClass, tip });
  });
  return found;
}

/** Where each badge sits: the text just before it and the kind of block around it. */
async function badgePlaces(tab: Page) {
  return tab.evaluate(() =>
    Array.from(document.querySelectorAll('shoplens-badge')).map((host) => ({
      metric: host.getAttribute('data-shoplens-metric'),
      before: host.previousElementSibling?.textContent?.trim() ?? '',
      block: host.closest('[class*="index-card_wrap"]') ? 'card' : host.closest('[class*="realtime"]') ? 'realtime' : host.closest('[class*="promo"]') ? 'promo' : 'other',
      text: host.textContent,
    })),
  );
}

describe('diagnostics on the page and in the side panel, in Chromium', () => {
  it('draws badges beside the figures, counts the warnings on the toolbar, and lists the findings in the panel', async () => {
    const worker = browser.serviceWorker!;
    await worker.evaluate(
      async ([key, shop]) => {
        const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
        await chrome.storage.local.set({ [key]: { version: 1, shops: { [shop]: { benchmarks: { buyers: { low: 100 } } } } } });
      },
      ['diagnosticsSettings', SHOP_KEY] as const,
    );

    const tab = await browser.context.newPage();
    const served = site.urlOf(site.page(SAMPLE));
    await tab.goto(served);

    // Badges appear once the capture is stored and diagnosed (playwright sees the light-DOM hosts).
    await tab.locator('shoplens-badge[data-shoplens-metric="buyers"]').waitFor({ state: 'attached', timeout: 30_000 });
    await tab.locator('shoplens-badge[data-shoplens-metric="conversionRate"]').waitFor({ state: 'attached', timeout: 10_000 });

    const places = await badgePlaces(tab);
    expect(places.map((p) => p.metric).sort()).toEqual(['buyers', 'conversionRate', 'payAmount']);
    // Beside the 核心指标 cards' own labels, never the 实时 block or the promotion showing the same words.
    for (const place of places) {
      expect(place.block, `${place.metric} badge`).toBe('card');
      expect(place.text).toBe('');
    }
    expect(places.find((p) => p.metric === 'buyers')?.before).toBe('支付买家数');

    // Inside: closed shadow roots, coloured by severity, the finding's text (Chinese: the browser runs with --lang=zh-CN).
    const cdp = await browser.context.newCDPSession(tab);
    const contents = await badgeContents(cdp);
    expect(contents).toHaveLength(3);
    for (const badge of contents) expect(badge.rootType).toBe('closed');
    const buyers = contents.find((b) => b.metric === 'buyers')!;
    expect(buyers.severity).toBe('warning');
    expect(buyers.markClass).toBe('mark warning');
    expect(buyers.tip).toContain('64');
    const conversion = contents.find((b) => b.metric === 'conversionRate')!;
    expect(conversion.severity).toBe('good');
    expect(conversion.tip).toContain('同行同层平均');

    // The toolbar button counts critical + warning findings for this tab: the one buyers warning.
    const toolbar = await worker.evaluate(async (host) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      const tabs = await chrome.tabs.query({});
      const tabId = tabs.find((t) => t.url?.includes(host))?.id;
      return tabId === undefined ? null : chrome.action.getBadgeText({ tabId });
    }, 'sycm.taobao.com');
    expect(toolbar).toBe('1');

    // The side panel on the same page lists the findings, most severe first, and the funnel.
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?url=${encodeURIComponent(served)}`);
    await panel.locator('[data-testid="finding"]').first().waitFor({ timeout: 20_000 });
    const cards = await panel.locator('[data-testid="finding"]').evaluateAll((els) =>
      els.map((el) => ({ metric: (el as HTMLElement).dataset.metric, severity: (el as HTMLElement).dataset.severity, kind: (el as HTMLElement).dataset.kind })),
    );
    expect(cards[0]).toEqual({ metric: 'buyers', severity: 'warning', kind: 'benchmark' });
    expect(cards).toContainEqual({ metric: 'conversionRate', severity: 'good', kind: 'peer' });
    const buyersEvidence = await panel.locator('[data-testid="finding"][data-metric="buyers"] [data-testid="finding-evidence"]').innerText();
    expect(buyersEvidence).toContain('64');
    await expect(panel.locator('[data-testid="funnel"]').count()).resolves.toBe(1);

    // Switched off in the panel: the page's badges go at once.
    await panel.locator('[data-testid="diagnostics-settings"] summary').click();
    await panel.locator('[data-testid="overlay-switch"]').uncheck();
    await tab.locator('shoplens-badge').first().waitFor({ state: 'detached', timeout: 10_000 });
    await expect(tab.locator('shoplens-badge').count()).resolves.toBe(0);

    await panel.close();
    await tab.close();
  });
});
