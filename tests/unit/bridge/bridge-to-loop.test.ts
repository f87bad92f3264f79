/**
 * The whole path in one jsdom: the content script's bridge controller injects the page-world
 * bridge (booted on the script element as entrypoints/page-bridge.ts does), the page fetches,
 * the response crosses as a DOM event, is checked, reaches the capture loop and the adapter, and
 * a capture is sent. Then the hostile part: forged events on the script element and on the
 * document never reach the adapter.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageAdapter, PageResponse } from '../../../lib/adapters/types';
import type { ContentMessage } from '../../../lib/background/messages';
import type { Capture, MetricReading } from '../../../lib/capture/schema';
import { createBridgeController, endpointsOnPage, type BridgeController } from '../../../lib/bridge/content-link';
import { bootPageBridge, type PageBridge, type PageWindow } from '../../../lib/bridge/page-world';
import { BRIDGE_CONFIG_ATTRIBUTE, BRIDGE_RESPONSE_EVENT, BRIDGE_VERSION, MAX_BODY_CHARS } from '../../../lib/bridge/protocol';
import { startCaptureLoop, type CaptureLoop } from '../../../lib/content/capture-loop';
import { enabledAdapters } from '../../../lib/settings/disabled-adapters';

const PAGE = 'https://mms.pinduoduo.com/sycm/goods_effect';
const SECRET = '00112233445566778899aabbccddeeff';
const OVERVIEW = '/sydney/api/goodsDataShow/queryGoodsOverview';

/** Everything the adapter was given, call by call. */
let given: (readonly PageResponse[])[] = [];

/** Reads goodsPv from the latest overview response; the DOM carries nothing. */
const fetchAdapter: PageAdapter = {
  id: 'pinduoduo/test-goods',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'dashboard',
  hosts: ['*://mms.pinduoduo.com/*'],
  sampleUrls: [PAGE],
  endpoints: [{ id: 'goods-overview', path: /^\/sydney\/api\/goodsDataShow\/queryGoodsOverview\b/ }],
  matchesUrl: (url) => url.hostname === 'mms.pinduoduo.com' && url.pathname.startsWith('/sycm/'),
  detect: (_doc, _url, responses = []) => responses.length > 0,
  extract: (_doc, _url, responses = []) => {
    given.push(responses);
    const latest = responses.at(-1)?.body as { result?: { goodsPv?: unknown } } | undefined;
    const value = latest?.result?.goodsPv;
    const metrics: MetricReading[] = typeof value === 'number' ? [{ metric: 'visitors', label: '商品访客数', value, unit: 'count', bound: 'exact' }] : [];
    return { period: null, metrics, listing: null, results: null, issues: metrics.length ? [] : [{ field: 'metrics.visitors', problem: 'no overview response' }] };
  },
};

const domOnlyAdapter: PageAdapter = {
  ...fetchAdapter,
  id: 'pinduoduo/test-dom',
  endpoints: undefined,
  matchesUrl: (url) => url.hostname === 'mms.pinduoduo.com' && url.pathname.startsWith('/orders/'),
};

let sent: ContentMessage[] = [];
let logged: string[] = [];
let loop: CaptureLoop | undefined;
let controller: BridgeController | undefined;
let pageBridge: PageBridge | undefined;
let script: HTMLScriptElement | undefined;
let injections = 0;
let pageWin: PageWindow & { fetch: (input: string) => Promise<Response> };
let answers: Record<string, unknown> = {};

function start(adapters: readonly PageAdapter[] = [fetchAdapter, domOnlyAdapter], href = PAGE): void {
  loop = startCaptureLoop({
    document,
    currentUrl: () => href,
    send: async (message) => {
      sent.push(structuredClone(message));
      return message.type === 'capture' ? { ok: true, result: { stored: true, captureId: 'x', observations: 1 } } : { ok: true };
    },
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    adapters,
    log: (message) => void logged.push(message),
  });
  controller = createBridgeController({
    adapters,
    currentUrl: () => href,
    secret: SECRET,
    // What WXT's injectScript does, with the page script booting synchronously as it would on load.
    inject: async (modifyScript) => {
      injections++;
      const element = document.createElement('script');
      await modifyScript(element);
      document.head.append(element);
      element.remove();
      script = element;
      pageBridge = bootPageBridge(element, pageWin);
      return { script: element };
    },
    deliver: (response, pageUrl) => loop!.addResponse(response, pageUrl),
    log: (message) => void logged.push(message),
  });
  controller.update();
}

const captures = (): Capture[] => sent.flatMap((m) => (m.type === 'capture' ? [m.capture] : []));
const visitors = () => captures().map((c) => c.metrics.find((m) => m.metric === 'visitors')?.value);
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function forged(overrides: Record<string, unknown>, body: string = JSON.stringify({ result: { goodsPv: 999 } })): string {
  return JSON.stringify({ v: BRIDGE_VERSION, secret: SECRET, endpoint: 'goods-overview', url: `https://mms.pinduoduo.com${OVERVIEW}`, text: body, ...overrides });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  sent = [];
  logged = [];
  given = [];
  injections = 0;
  script = undefined;
  answers = { [OVERVIEW]: { success: true, result: { goodsPv: 5230 } } };
  document.head.innerHTML = '';
  document.body.innerHTML = '<main>商品数据</main>';
  pageWin = {
    fetch: (input: string) => {
      const path = new URL(input, PAGE).pathname;
      return Promise.resolve(new Response(JSON.stringify(answers[path] ?? {}), { status: path in answers ? 200 : 404 }));
    },
    location: { href: PAGE },
    setInterval: (handler, ms) => setInterval(handler, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
});

afterEach(() => {
  controller?.stop();
  loop?.stop();
  pageBridge?.stop();
  controller = undefined;
  loop = undefined;
  pageBridge = undefined;
  vi.useRealTimers();
});

describe('from the page’s fetch to a capture', () => {
  it('a figure the page fetched reaches the adapter and is sent', async () => {
    start();
    await wait(10);
    expect(injections).toBe(1);
    await pageWin.fetch(OVERVIEW);
    await wait(3_000);
    expect(visitors()).toEqual([5230]);
    expect(given.at(-1)).toEqual([
      { endpoint: 'goods-overview', url: `https://mms.pinduoduo.com${OVERVIEW}`, body: { success: true, result: { goodsPv: 5230 } } },
    ]);
  });

  it('a newer response re-runs extraction and sends the new figure', async () => {
    start();
    await wait(10);
    await pageWin.fetch(OVERVIEW);
    await wait(3_000);
    answers[OVERVIEW] = { success: true, result: { goodsPv: 6000 } };
    await pageWin.fetch(OVERVIEW);
    await wait(3_000);
    expect(visitors()).toEqual([5230, 6000]);
  });

  it('the configuration leaves the script element at once, and messages never travel on the document', async () => {
    const onDocument = vi.fn();
    document.addEventListener(BRIDGE_RESPONSE_EVENT, onDocument, true);
    start();
    await wait(10);
    expect(script!.hasAttribute(BRIDGE_CONFIG_ATTRIBUTE)).toBe(false);
    expect(script!.isConnected).toBe(false);
    await pageWin.fetch(OVERVIEW);
    await wait(3_000);
    expect(visitors()).toEqual([5230]);
    expect(onDocument).not.toHaveBeenCalled();
    document.removeEventListener(BRIDGE_RESPONSE_EVENT, onDocument, true);
  });

  it('stop() switches the page bridge off: the page’s fetch is its own again and nothing more arrives', async () => {
    const original = pageWin.fetch;
    start();
    await wait(10);
    expect(pageWin.fetch).not.toBe(original);
    controller!.stop();
    expect(pageWin.fetch).toBe(original);
    await pageWin.fetch(OVERVIEW);
    await wait(3_000);
    expect(captures()).toEqual([]);
  });
});

describe('forged events never reach the adapter', () => {
  const FORGERIES: [string, unknown][] = [
    ['no secret', JSON.stringify({ v: BRIDGE_VERSION, endpoint: 'goods-overview', url: `https://mms.pinduoduo.com${OVERVIEW}`, text: '{"result":{"goodsPv":1}}' })],
    ['a wrong secret', forged({ secret: 'ffeeddccbbaa99887766554433221100' })],
    ['an undeclared endpoint', forged({ endpoint: 'goods-detail' })],
    ['another host', forged({ url: `https://evil.example${OVERVIEW}` })],
    ['a huge body', forged({}, `"${'9'.repeat(MAX_BODY_CHARS + 1)}"`)],
    ['a body that is not JSON', forged({}, 'goodsPv=999')],
    ['a __proto__ key', forged({}, '{"result":{"goodsPv":999},"__proto__":{"isAdmin":true}}')],
    ['constructor.prototype', forged({}, '{"result":{"goodsPv":999},"constructor":{"prototype":{"isAdmin":true}}}')],
    ['a page object as detail', { v: 1, secret: SECRET, endpoint: 'goods-overview', url: `https://mms.pinduoduo.com${OVERVIEW}`, text: '{}' }],
    ['not JSON at all', '<img src=x onerror=alert(1)>'],
  ];

  it.each(FORGERIES)('%s, on the bridge’s own script element', async (_name, detail) => {
    start();
    await wait(10);
    script!.dispatchEvent(new CustomEvent(BRIDGE_RESPONSE_EVENT, { detail }));
    await wait(3_000);
    expect(given.every((responses) => responses.length === 0)).toBe(true);
    expect(captures()).toEqual([]);
    expect(logged.some((line) => line.startsWith('page bridge message refused'))).toBe(true);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a perfect forgery (right secret) sent on the document is not even heard', async () => {
    start();
    await wait(10);
    document.dispatchEvent(new CustomEvent(BRIDGE_RESPONSE_EVENT, { detail: forged({}) }));
    window.dispatchEvent(new CustomEvent(BRIDGE_RESPONSE_EVENT, { detail: forged({}) }));
    await wait(3_000);
    expect(captures()).toEqual([]);
  });

  it('after the forgeries, the real path still works (the checks are not refusing everything)', async () => {
    start();
    await wait(10);
    for (const [, detail] of FORGERIES) script!.dispatchEvent(new CustomEvent(BRIDGE_RESPONSE_EVENT, { detail }));
    await pageWin.fetch(OVERVIEW);
    await wait(3_000);
    expect(visitors()).toEqual([5230]);
  });

  it('a page spamming forgeries fills the log only so far', async () => {
    start();
    await wait(10);
    for (let i = 0; i < 500; i++) script!.dispatchEvent(new CustomEvent(BRIDGE_RESPONSE_EVENT, { detail: 'x' }));
    expect(logged.filter((line) => line.startsWith('page bridge message refused')).length).toBe(20);
  });
});

describe('when the bridge is injected', () => {
  it('not for an adapter that reads only the DOM; then once, when the address moves to one with endpoints', async () => {
    let href = 'https://mms.pinduoduo.com/orders/list';
    loop = undefined;
    controller = createBridgeController({
      adapters: [fetchAdapter, domOnlyAdapter],
      currentUrl: () => href,
      inject: async () => {
        injections++;
        return {};
      },
      deliver: () => undefined,
      log: () => undefined,
    });
    controller.update();
    expect(injections).toBe(0);
    href = PAGE;
    controller.update();
    controller.update();
    href = 'https://mms.pinduoduo.com/sycm/other';
    controller.update();
    expect(injections).toBe(1);
  });

  it('not when the operator switched the adapter off', () => {
    start(enabledAdapters([fetchAdapter, domOnlyAdapter], new Set(['pinduoduo/test-goods'])));
    expect(injections).toBe(0);
    expect(controller!.injected).toBe(false);
  });

  it('a failed injection is logged and tried again on the next address', async () => {
    let attempts = 0;
    controller = createBridgeController({
      adapters: [fetchAdapter],
      currentUrl: () => PAGE,
      inject: () => {
        attempts++;
        return Promise.reject(new Error('Failed to load script'));
      },
      deliver: () => undefined,
      log: (message) => void logged.push(message),
    });
    controller.update();
    await wait(0);
    expect(logged).toContain('page bridge not injected');
    expect(controller.injected).toBe(false);
    controller.update();
    expect(attempts).toBe(2);
  });

  it('hands the page the endpoints of every enabled adapter on this host, and only those', () => {
    const other: PageAdapter = { ...fetchAdapter, id: 'jd/test', hosts: ['*://sz.jd.com/*'], endpoints: [{ id: 'jd-overview', path: /^\/api\// }] };
    expect(endpointsOnPage([fetchAdapter, domOnlyAdapter, other], PAGE).map((endpoint) => endpoint.id)).toEqual(['goods-overview']);
  });
});
