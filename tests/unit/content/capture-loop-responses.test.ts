/**
 * The capture loop and responses from the page-world bridge (lib/content/capture-loop.ts
 * `addResponse`): what the adapter is given, when the page is read again, and that a response
 * never outlives the address it arrived on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageAdapter, PageResponse } from '../../../lib/adapters/types';
import type { ContentMessage } from '../../../lib/background/messages';
import type { Capture } from '../../../lib/capture/schema';
import { MAX_HELD_RESPONSES, startCaptureLoop, type CaptureLoop } from '../../../lib/content/capture-loop';

const REPORT = 'https://mms.pinduoduo.com/sycm/goods_effect?goodsId=1';
const REPORT_TRACKED = 'https://mms.pinduoduo.com/sycm/goods_effect?goodsId=1&from=menu';
const OTHER_ITEM = 'https://mms.pinduoduo.com/sycm/goods_effect?goods_id=2';

/** Every (detect, extract) call with the responses it was given, as endpoint@url:value. */
let detectCalls: string[][] = [];
let extractCalls: string[][] = [];

const describeResponses = (responses: readonly PageResponse[] = []) =>
  responses.map((r) => `${r.endpoint}@${new URL(r.url).search}:${(r.body as { v?: unknown }).v}`);

/** Reads `v` of the latest `overview` response as the visitors figure. */
const adapter: PageAdapter = {
  id: 'pinduoduo/test-goods',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'dashboard',
  hosts: ['*://mms.pinduoduo.com/*'],
  sampleUrls: [REPORT],
  endpoints: [
    { id: 'overview', path: /^\/api\/overview/ },
    { id: 'trend', path: /^\/api\/trend/ },
  ],
  matchesUrl: (url) => url.hostname === 'mms.pinduoduo.com' && url.pathname.startsWith('/sycm/'),
  detect: (_doc, _url, responses) => {
    detectCalls.push(describeResponses(responses));
    return (responses ?? []).some((r) => r.endpoint === 'overview');
  },
  extract: (_doc, _url, responses = []) => {
    extractCalls.push(describeResponses(responses));
    const latest = [...responses].reverse().find((r) => r.endpoint === 'overview');
    const value = (latest?.body as { v?: unknown } | undefined)?.v;
    return {
      period: null,
      metrics: typeof value === 'number' ? [{ metric: 'visitors', label: '访客数', value, unit: 'count', bound: 'exact' }] : [],
      listing: null,
      results: null,
      issues: [],
    };
  },
};

let href = REPORT;
let sent: ContentMessage[] = [];
let loop: CaptureLoop | undefined;

function start(options: Parameters<typeof startCaptureLoop>[0]['options'] = {}): CaptureLoop {
  loop = startCaptureLoop({
    document,
    currentUrl: () => href,
    send: async (message) => {
      sent.push(structuredClone(message));
      return message.type === 'capture' ? { ok: true, result: { stored: true, captureId: 'x', observations: 1 } } : { ok: true };
    },
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    adapters: [adapter],
    log: () => undefined,
    options,
  });
  return loop;
}

const response = (endpoint: string, query: string, v: number): PageResponse => ({
  endpoint,
  url: `https://mms.pinduoduo.com/api/${endpoint}${query}`,
  body: { v },
});
const captures = (): Capture[] => sent.flatMap((m) => (m.type === 'capture' ? [m.capture] : []));
const visitors = () => captures().map((c) => c.metrics[0]?.value);
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z') });
  href = REPORT;
  sent = [];
  detectCalls = [];
  extractCalls = [];
  document.body.innerHTML = '<main>商品数据</main>';
});

afterEach(() => {
  loop?.stop();
  loop = undefined;
  vi.useRealTimers();
});

describe('responses reach detect and extract', () => {
  it('a response is read without any DOM change, and its figure is sent', async () => {
    start();
    await wait(1_000);
    expect(captures()).toEqual([]);
    loop!.addResponse(response('overview', '?d=1', 5230));
    await wait(2_000);
    expect(visitors()).toEqual([5230]);
    expect(detectCalls.at(-1)).toEqual(['overview@?d=1:5230']);
    expect(extractCalls.at(-1)).toEqual(['overview@?d=1:5230']);
  });

  it('a newer response re-runs extraction and sends the new figure', async () => {
    start();
    loop!.addResponse(response('overview', '?d=1', 100));
    await wait(2_000);
    loop!.addResponse(response('overview', '?d=1', 150));
    await wait(2_000);
    expect(visitors()).toEqual([100, 150]);
  });

  it('keeps the latest per endpoint and URL, in arrival order, other URLs alongside', async () => {
    start();
    loop!.addResponse(response('overview', '?d=1', 1));
    loop!.addResponse(response('trend', '?d=1', 2));
    loop!.addResponse(response('overview', '?d=7', 3));
    loop!.addResponse(response('overview', '?d=1', 4));
    await wait(2_000);
    expect(extractCalls.at(-1)).toEqual(['trend@?d=1:2', 'overview@?d=7:3', 'overview@?d=1:4']);
  });

  it(`holds at most ${MAX_HELD_RESPONSES} responses, dropping the oldest`, async () => {
    start();
    for (let i = 0; i < MAX_HELD_RESPONSES + 4; i++) loop!.addResponse(response('trend', `?i=${i}`, i));
    loop!.addResponse(response('overview', '?d=1', 9));
    await wait(2_000);
    const last = extractCalls.at(-1)!;
    expect(last).toHaveLength(MAX_HELD_RESPONSES);
    expect(last[0]).toBe('trend@?i=5:5');
    expect(last.at(-1)).toBe('overview@?d=1:9');
  });

  it('gives the adapter only endpoints it declared (defence in depth)', async () => {
    start();
    loop!.addResponse({ endpoint: 'not-declared', url: 'https://mms.pinduoduo.com/api/x', body: { v: 1 } });
    loop!.addResponse(response('overview', '?d=1', 7));
    await wait(2_000);
    expect(extractCalls.at(-1)).toEqual(['overview@?d=1:7']);
  });

  it('a response that arrived under a tracking-decorated address of the same page counts for it', async () => {
    start();
    loop!.addResponse(response('overview', '?d=1', 42), REPORT_TRACKED);
    await wait(2_000);
    expect(visitors()).toEqual([42]);
  });

  it('wakes a loop that had gone idle', async () => {
    start({ idleStopMs: 10_000 });
    await wait(11_000);
    expect(loop!.observing).toBe(false);
    loop!.addResponse(response('overview', '?d=1', 77));
    expect(loop!.observing).toBe(true);
    await wait(2_000);
    expect(visitors()).toEqual([77]);
  });

  it('after stop(), a response does nothing', async () => {
    start();
    loop!.stop();
    loop!.addResponse(response('overview', '?d=1', 1));
    await wait(5_000);
    expect(captures()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a response never outlives its address', () => {
  it('responses of the previous item are not given to the next one', async () => {
    start();
    loop!.addResponse(response('overview', '?goods=1', 100));
    await wait(2_000);
    href = OTHER_ITEM;
    const before = detectCalls.length;
    loop!.locationChanged();
    await wait(3_000);
    // The new address was read (detect ran), and never with the old item's response.
    expect(detectCalls.length).toBeGreaterThan(before);
    expect(detectCalls.slice(before)).toEqual(detectCalls.slice(before).map(() => []));
    expect(captures().map((c) => c.url)).toEqual([REPORT]);
    loop!.addResponse(response('overview', '?goods=2', 200));
    await wait(2_000);
    expect(captures().map((c) => [c.url, c.metrics[0]?.value])).toEqual([
      [REPORT, 100],
      [OTHER_ITEM, 200],
    ]);
    expect(extractCalls.at(-1)).toEqual(['overview@?goods=2:200']);
  });

  it('a response stamped with the new address before the loop noticed the navigation is kept for it', async () => {
    start();
    loop!.addResponse(response('overview', '?goods=1', 100));
    await wait(2_000);
    href = OTHER_ITEM; // the single-page app moved; the loop has not been told yet
    loop!.addResponse(response('overview', '?goods=2', 200), OTHER_ITEM);
    await wait(3_000);
    expect(captures().map((c) => [c.url, c.metrics[0]?.value])).toEqual([
      [REPORT, 100],
      [OTHER_ITEM, 200],
    ]);
  });

  it('a late response of the previous page, arriving after the navigation, is not read for the new one', async () => {
    start();
    href = OTHER_ITEM;
    loop!.locationChanged();
    loop!.addResponse(response('overview', '?goods=1', 100), REPORT);
    await wait(3_000);
    expect(captures()).toEqual([]);
  });
});
