/**
 * The page-world bridge (lib/bridge/page-world.ts) against stand-in page globals: it forwards
 * declared endpoints' JSON and leaves everything the page can observe as it was.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installPageBridge, MAX_REWRAPS, type PageBridge, type PageWindow } from '../../../lib/bridge/page-world';
import type { EndpointRule } from '../../../lib/bridge/endpoints';
import { BRIDGE_VERSION, type BridgeMessage } from '../../../lib/bridge/protocol';

const PAGE = 'https://mms.pinduoduo.com/sycm/goods_effect';
const SECRET = '0123456789abcdef0123456789abcdef';
const ENDPOINTS: EndpointRule[] = [
  { id: 'goods-overview', path: /^\/sydney\/api\/goodsDataShow\/queryGoodsOverview\b/ },
  { id: 'ads-report', path: /^\/report\//, host: 'yingxiao.pinduoduo.com' },
];
const OVERVIEW = '/sydney/api/goodsDataShow/queryGoodsOverview?queryDate=2026-11-21';
const BODY = { success: true, result: { goodsPv: 5230, payOrdrAmt: 1234567 } };

type FetchFn = (this: unknown, ...args: unknown[]) => unknown;

let bridge: PageBridge | undefined;
let emitted: string[] = [];

function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
}

function pageWindow(fetchImpl: unknown, href = PAGE): PageWindow & { fetch: FetchFn } {
  return {
    fetch: fetchImpl as FetchFn,
    location: { href },
    setInterval: (handler, ms) => setInterval(handler, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
}

function install(win: PageWindow, options: Partial<Parameters<typeof installPageBridge>[1]> = {}): PageBridge {
  bridge = installPageBridge(win, { secret: SECRET, endpoints: ENDPOINTS, emit: (message) => void emitted.push(message), ...options });
  return bridge;
}

const messages = (): BridgeMessage[] => emitted.map((text) => JSON.parse(text) as BridgeMessage);

/** Lets pending reads of cloned bodies finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
  bridge?.stop();
  bridge = undefined;
  emitted = [];
  vi.useRealTimers();
});

describe('wrapping fetch', () => {
  it('replaces window.fetch with a wrapper that looks like the original', () => {
    const original = { fetch: (..._args: unknown[]) => Promise.resolve(jsonResponse(BODY)) }.fetch;
    const win = pageWindow(original);
    install(win);
    expect(win.fetch).not.toBe(original);
    expect(win.fetch.name).toBe(original.name);
    expect(win.fetch.length).toBe(original.length);
    expect(String(win.fetch)).toBe(Function.prototype.toString.call(original));
    expect(win.fetch.toString()).toBe(Function.prototype.toString.call(original));
    expect(Object.prototype.hasOwnProperty.call(win.fetch, 'prototype')).toBe(false);
    expect(() => new (win.fetch as unknown as new () => unknown)()).toThrow(TypeError);
  });

  it('returns the very promise the page’s fetch returned, called with the same this and arguments', async () => {
    const response = jsonResponse(BODY);
    const promise = Promise.resolve(response);
    const original = vi.fn((..._args: unknown[]) => promise);
    const win = pageWindow(original);
    install(win);
    const init = { method: 'POST', body: '{"a":1}' };
    const returned = win.fetch.call(win, OVERVIEW, init);
    expect(returned).toBe(promise);
    expect(original).toHaveBeenCalledWith(OVERVIEW, init);
    expect(original.mock.contexts[0]).toBe(win);
    expect(await returned).toBe(response);
    await expect(response.json()).resolves.toEqual(BODY);
  });

  it('passes the exact argument list (an explicit undefined stays)', () => {
    const original = vi.fn((..._args: unknown[]) => Promise.resolve(jsonResponse(BODY)));
    const win = pageWindow(original);
    install(win);
    void win.fetch(OVERVIEW, undefined);
    void win.fetch(OVERVIEW);
    expect(original.mock.calls.map((call) => call.length)).toEqual([2, 1]);
  });

  it('a rejection reaches the page unchanged (the same error object)', async () => {
    const failure = new TypeError('Failed to fetch');
    const win = pageWindow(() => Promise.reject(failure));
    install(win);
    await expect(win.fetch(OVERVIEW)).rejects.toBe(failure);
    await settle();
    expect(emitted).toEqual([]);
  });

  it('a synchronous throw reaches the page unchanged, and the next call is still observed', async () => {
    const failure = new TypeError('Illegal invocation');
    let calls = 0;
    const win = pageWindow(() => {
      if (++calls === 1) throw failure;
      return Promise.resolve(jsonResponse(BODY));
    });
    install(win);
    expect(() => win.fetch(OVERVIEW)).toThrow(failure);
    await win.fetch(OVERVIEW);
    await settle();
    expect(emitted).toHaveLength(1);
  });

  it('forwards the JSON text of a declared endpoint with the absolute URL, the endpoint id and the secret', async () => {
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    install(win);
    await win.fetch(OVERVIEW);
    await settle();
    expect(messages()).toEqual([
      { v: BRIDGE_VERSION, secret: SECRET, endpoint: 'goods-overview', url: `https://mms.pinduoduo.com${OVERVIEW}`, text: JSON.stringify(BODY) },
    ]);
  });

  it.each<[string, () => unknown, boolean]>([
    ['a relative path of the page host', () => OVERVIEW, true],
    ['an absolute URL on the page host', () => `https://mms.pinduoduo.com${OVERVIEW}`, true],
    ['a URL object', () => new URL(`https://mms.pinduoduo.com${OVERVIEW}`), true],
    ['a Request object', () => new Request(`https://mms.pinduoduo.com${OVERVIEW}`), true],
    ['the endpoint path on another host', () => `https://evil.example${OVERVIEW}`, false],
    ['the endpoint path on a look-alike host', () => `https://mms.pinduoduo.com.evil.example${OVERVIEW}`, false],
    ['an endpoint with its own declared host', () => 'https://yingxiao.pinduoduo.com/report/daily', true],
    ['that endpoint’s path on the page host', () => '/report/daily', false],
    ['an undeclared path', () => '/sydney/api/other', false],
    ['a data: URL', () => 'data:application/json,{}', false],
  ])('%s → forwarded: %s', async (_name, input, forwarded) => {
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    install(win);
    await win.fetch(input());
    await settle();
    expect(emitted.length).toBe(forwarded ? 1 : 0);
  });

  it('does not convert page objects a second time (a custom toString runs only in the page’s own fetch)', async () => {
    const toString = vi.fn(() => OVERVIEW);
    const original = vi.fn((input: unknown) => {
      String(input); // the real fetch converts its input once
      return Promise.resolve(jsonResponse(BODY));
    });
    const win = pageWindow(original);
    install(win);
    await win.fetch({ toString });
    await settle();
    expect(toString).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([]);
  });

  it.each([
    ['404', 404],
    ['500', 500],
  ])('a %s answer is not forwarded, and the page reads it as usual', async (_name, status) => {
    const win = pageWindow(() => Promise.resolve(jsonResponse({ error: 'x' }, { status })));
    install(win);
    const response = (await win.fetch(OVERVIEW)) as Response;
    expect(response.status).toBe(status);
    await expect(response.json()).resolves.toEqual({ error: 'x' });
    await settle();
    expect(emitted).toEqual([]);
  });

  it('a body over the bound is not forwarded, and the page still reads all of it', async () => {
    const big = JSON.stringify({ rows: 'x'.repeat(5_000) });
    const win = pageWindow(() => Promise.resolve(new Response(big)));
    install(win, { maxBodyChars: 1_000 });
    const response = (await win.fetch(OVERVIEW)) as Response;
    expect(await response.text()).toBe(big);
    await settle();
    expect(emitted).toEqual([]);
  });

  it('an answer announcing more bytes than the bound could hold is left alone', async () => {
    const win = pageWindow(() => Promise.resolve(new Response('{}', { headers: { 'content-length': String(50_000_000) } })));
    install(win);
    await win.fetch(OVERVIEW);
    await settle();
    expect(emitted).toEqual([]);
  });

  it('a redirect off the endpoint (final URL elsewhere) is not forwarded', async () => {
    const redirected = jsonResponse(BODY);
    Object.defineProperty(redirected, 'url', { value: 'https://login.pinduoduo.com/landing' });
    const win = pageWindow(() => Promise.resolve(redirected));
    install(win);
    await win.fetch(OVERVIEW);
    await settle();
    expect(emitted).toEqual([]);
  });

  it('the page reads a streamed body chunk by chunk, at its own pace, while the bridge copies it', async () => {
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    const win = pageWindow(() => Promise.resolve(new Response(stream, { status: 200 })));
    install(win);
    const response = (await win.fetch(OVERVIEW)) as Response;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();

    controller.enqueue(encoder.encode('{"result":{"goodsPv":'));
    const first = await reader.read();
    // The page has its first chunk while the answer is still arriving: nothing waits for the copy.
    expect(decoder.decode(first.value)).toBe('{"result":{"goodsPv":');
    expect(emitted).toEqual([]);

    controller.enqueue(encoder.encode('5230}}'));
    controller.close();
    const second = await reader.read();
    expect(decoder.decode(second.value)).toBe('5230}}');
    expect((await reader.read()).done).toBe(true);
    await settle();
    expect(messages().map((message) => message.text)).toEqual(['{"result":{"goodsPv":5230}}']);
  });

  it('a body that fails while streaming fails for the page as before, and nothing is forwarded', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    const win = pageWindow(() => Promise.resolve(new Response(stream)));
    install(win);
    const response = (await win.fetch(OVERVIEW)) as Response;
    const failure = new Error('network changed');
    controller.enqueue(new TextEncoder().encode('{"a":'));
    controller.error(failure);
    await expect(response.text()).rejects.toBe(failure);
    await settle();
    expect(emitted).toEqual([]);
  });

  it.each<[string, (win: PageWindow & { fetch: FetchFn }) => Partial<Parameters<typeof installPageBridge>[1]> | void]>([
    ['the content script’s listener throws', () => ({ emit: () => {
      throw new Error('listener broke');
    } })],
    ['the page’s location cannot be read', (win) => {
      Object.defineProperty(win, 'location', { get: () => { throw new Error('denied'); } });
    }],
    ['the page’s fetch resolves with something that is not a Response', (win) => {
      win.fetch = () => Promise.resolve(42);
    }],
    ['the page’s fetch returns a thenable, not a promise', (win) => {
      win.fetch = () => ({ then: () => { throw new Error('odd thenable'); } });
    }],
  ])('never throws into the page when %s', async (_name, arrange) => {
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    const options = arrange(win) ?? {};
    install(win, options);
    let result: unknown;
    expect(() => {
      result = win.fetch(OVERVIEW);
    }).not.toThrow();
    if (result instanceof Promise) await result;
    await settle();
  });
});

describe('re-wrapping when the page replaces fetch', () => {
  it('wraps the page’s new fetch; a call through both wrappers is forwarded once', async () => {
    vi.useFakeTimers();
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    install(win);
    const ours = win.fetch;
    const pageFetch = vi.fn(function (this: unknown, ...args: unknown[]) {
      return ours.apply(this, args);
    });
    win.fetch = pageFetch;
    vi.advanceTimersByTime(1_000);
    expect(win.fetch).not.toBe(pageFetch);
    expect(win.fetch.toString()).toBe(Function.prototype.toString.call(pageFetch));
    vi.useRealTimers();
    await win.fetch(OVERVIEW);
    await settle();
    expect(pageFetch).toHaveBeenCalledTimes(1);
    expect(emitted).toHaveLength(1);
  });

  it('wraps a replacement that bypasses the old wrapper (a fetch taken from an iframe)', async () => {
    vi.useFakeTimers();
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    install(win);
    win.fetch = () => Promise.resolve(jsonResponse({ result: { goodsPv: 1 } }));
    vi.advanceTimersByTime(1_000);
    vi.useRealTimers();
    await win.fetch(OVERVIEW);
    await settle();
    expect(messages().map((message) => JSON.parse(message.text))).toEqual([{ result: { goodsPv: 1 } }]);
  });

  it(`stops re-wrapping after ${MAX_REWRAPS} replacements, so the chain cannot grow without end`, () => {
    vi.useFakeTimers();
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    install(win);
    const installed: unknown[] = [];
    for (let i = 0; i < MAX_REWRAPS + 5; i++) {
      const previous = win.fetch;
      const replacement = function (this: unknown, ...args: unknown[]) {
        return previous.apply(this, args);
      };
      win.fetch = replacement;
      vi.advanceTimersByTime(1_000);
      installed.push(win.fetch === replacement ? 'left' : 'wrapped');
    }
    expect(installed.filter((state) => state === 'wrapped')).toHaveLength(MAX_REWRAPS);
  });
});

describe('stop', () => {
  it('puts the page’s fetch back, leaves old wrappers as pass-throughs and clears its timer', async () => {
    vi.useFakeTimers();
    const original = vi.fn((..._args: unknown[]) => Promise.resolve(jsonResponse(BODY)));
    const win = pageWindow(original);
    const before = vi.getTimerCount();
    const running = install(win);
    const wrapper = win.fetch;
    expect(vi.getTimerCount()).toBe(before + 1);
    running.stop();
    expect(win.fetch).toBe(original);
    expect(vi.getTimerCount()).toBe(before);
    vi.useRealTimers();
    await wrapper(OVERVIEW); // a reference the page kept
    await settle();
    expect(original).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([]);
  });

  it('leaves a fetch the page installed since then in place', () => {
    const win = pageWindow(() => Promise.resolve(jsonResponse(BODY)));
    const running = install(win);
    const pageOwn = () => Promise.resolve(jsonResponse(BODY));
    win.fetch = pageOwn;
    running.stop();
    expect(win.fetch).toBe(pageOwn);
  });
});
