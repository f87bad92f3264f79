/**
 * The page-world bridge and XMLHttpRequest: jsdom's real XHR against a local HTTP server, in a
 * jsdom window served from that server's origin. The same request is traced with and without the
 * bridge; everything the page can observe (readyState sequence, events, status, response) must
 * be identical, and declared endpoints must be forwarded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installPageBridge, type PageBridge, type PageWindow } from '../../../lib/bridge/page-world';
import type { BridgeMessage } from '../../../lib/bridge/protocol';

interface DomWindow {
  XMLHttpRequest: typeof XMLHttpRequest;
  location: Location;
  close(): void;
}
type JsdomConstructor = new (html: string, options: { url: string }) => { window: DomWindow };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor };

const BODY = { success: true, result: { goodsPv: 5230, payOrdrAmt: 1234567 } };
let server: Server;
let origin: string;
let dom: { window: DomWindow };
let bridge: PageBridge | undefined;
let emitted: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/api/overview')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(BODY));
    } else if (path.startsWith('/api/failing')) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"busy"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"other":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  bridge?.stop();
  bridge = undefined;
  emitted = [];
  dom?.window.close();
});

function openPage(withBridge: boolean): DomWindow {
  dom = new JSDOM('<!doctype html><title>page</title>', { url: `${origin}/sycm/goods` });
  if (withBridge) {
    const win: PageWindow = {
      get fetch() {
        return undefined;
      },
      XMLHttpRequest: dom.window.XMLHttpRequest,
      location: dom.window.location,
      setInterval: (handler, ms) => setInterval(handler, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    };
    bridge = installPageBridge(win, {
      secret: '0123456789abcdef0123456789abcdef',
      endpoints: [{ id: 'overview', path: /^\/api\/overview\b/ }, { id: 'failing', path: /^\/api\/failing\b/ }],
      emit: (message) => void emitted.push(message),
    });
  }
  return dom.window;
}

interface Trace {
  events: string[];
  status: number;
  response: unknown;
  responseText?: string;
}

/** What a page script sees of one request: every readyState change and event, then the result. */
function trace(win: DomWindow, path: string, responseType: XMLHttpRequestResponseType = ''): Promise<Trace> {
  return new Promise((resolve) => {
    const xhr = new win.XMLHttpRequest();
    const events: string[] = [];
    xhr.onreadystatechange = () => events.push(`readyState ${xhr.readyState}`);
    for (const type of ['loadstart', 'load', 'error', 'loadend']) xhr.addEventListener(type, () => events.push(type));
    xhr.open('GET', path);
    xhr.responseType = responseType;
    xhr.onloadend = () => {
      const result: Trace = { events, status: xhr.status, response: responseType === 'arraybuffer' ? new TextDecoder().decode(xhr.response as ArrayBuffer) : xhr.response };
      if (responseType === '' || responseType === 'text') result.responseText = xhr.responseText;
      // Let listeners added after ours run before comparing.
      setTimeout(() => resolve(result), 0);
    };
    xhr.send();
  });
}

describe('XMLHttpRequest', () => {
  it.each<[string, XMLHttpRequestResponseType]>([
    ['/api/overview?date=2026-11-21', ''],
    ['/api/overview?date=2026-11-21', 'text'],
    ['/api/overview?date=2026-11-21', 'json'],
    ['/api/overview?date=2026-11-21', 'arraybuffer'],
    ['/api/failing', ''],
    ['/api/other', ''],
  ])('%s (responseType "%s"): the page observes exactly the same with and without the bridge', async (path, responseType) => {
    const without = await trace(openPage(false), path, responseType);
    dom.window.close();
    const withBridge = await trace(openPage(true), path, responseType);
    expect(withBridge).toEqual(without);
    expect(without.events).toContain('load');
  });

  it.each<[string, XMLHttpRequestResponseType, boolean]>([
    ['/api/overview?date=2026-11-21', '', true],
    ['/api/overview?date=2026-11-21', 'text', true],
    ['/api/overview?date=2026-11-21', 'json', true],
    ['/api/overview?date=2026-11-21', 'arraybuffer', false],
    ['/api/failing', '', false],
    ['/api/other', '', false],
  ])('%s (responseType "%s") → forwarded: %s', async (path, responseType, forwarded) => {
    await trace(openPage(true), path, responseType);
    const messages = emitted.map((text) => JSON.parse(text) as BridgeMessage);
    if (!forwarded) {
      expect(messages).toEqual([]);
      return;
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ endpoint: 'overview', url: `${origin}${path}` });
    expect(JSON.parse(messages[0]!.text)).toEqual(BODY);
  });

  it('a re-used XHR object is forwarded once per load, for its current URL', async () => {
    const win = openPage(true);
    const xhr = new win.XMLHttpRequest();
    const load = (path: string) =>
      new Promise<void>((resolve) => {
        xhr.onloadend = () => setTimeout(resolve, 0);
        xhr.open('GET', path);
        xhr.send();
      });
    await load('/api/overview?date=1');
    await load('/api/other');
    await load('/api/overview?date=2');
    expect(emitted.map((text) => (JSON.parse(text) as BridgeMessage).url)).toEqual([`${origin}/api/overview?date=1`, `${origin}/api/overview?date=2`]);
  });

  it('an open() that throws throws the same for the page, and stop() restores the prototype', () => {
    const thrown = (win: DomWindow) => {
      try {
        new win.XMLHttpRequest().open('BAD METHOD', '/api/overview');
      } catch (error) {
        return { name: (error as Error).name, message: (error as Error).message };
      }
      return undefined;
    };
    const without = thrown(openPage(false));
    dom.window.close();
    const win = openPage(true);
    const patchedOpen = win.XMLHttpRequest.prototype.open;
    expect(without).toBeDefined();
    expect(thrown(win)).toEqual(without);
    bridge!.stop();
    expect(win.XMLHttpRequest.prototype.open).not.toBe(patchedOpen);
    expect(String(win.XMLHttpRequest.prototype.open)).toBe(String(patchedOpen));
  });
});
