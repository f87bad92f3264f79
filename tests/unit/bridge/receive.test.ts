/**
 * The content script's checkpoint for what crosses from the page world (lib/bridge/receive.ts):
 * a table of forged and broken messages, each refused for its own reason, and the few that pass.
 */
import { describe, expect, it } from 'vitest';
import type { PageAdapter } from '../../../lib/adapters/types';
import { MAX_BODY_CHARS, MAX_MESSAGE_CHARS, BRIDGE_VERSION } from '../../../lib/bridge/protocol';
import { acceptBridgeMessage, jsonTreeProblem, MAX_JSON_DEPTH, type BridgeRejection } from '../../../lib/bridge/receive';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const PAGE_URL = new URL('https://mms.pinduoduo.com/sycm/goods_effect');
const OVERVIEW_URL = 'https://mms.pinduoduo.com/sydney/api/goodsDataShow/queryGoodsOverview?queryDate=2026-11-21';

const adapter: PageAdapter = {
  id: 'pinduoduo/test-goods',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'dashboard',
  hosts: ['*://mms.pinduoduo.com/*'],
  sampleUrls: [],
  endpoints: [
    { id: 'goods-overview', path: /^\/sydney\/api\/goodsDataShow\/queryGoodsOverview\b/ },
    { id: 'ads', path: /^\/report\//, host: 'yingxiao.pinduoduo.com' },
  ],
  matchesUrl: () => true,
  detect: () => true,
  extract: () => ({ period: null, metrics: [], listing: null, results: null, issues: [] }),
};

function message(overrides: Record<string, unknown> = {}, body: string = JSON.stringify({ result: { goodsPv: 5230 } })): string {
  return JSON.stringify({ v: BRIDGE_VERSION, secret: SECRET, endpoint: 'goods-overview', url: OVERVIEW_URL, text: body, ...overrides });
}

const accept = (detail: unknown, over: { adapter?: PageAdapter | undefined; pageUrl?: URL } = {}) =>
  acceptBridgeMessage(detail, { secret: SECRET, adapter: 'adapter' in over ? over.adapter : adapter, pageUrl: over.pageUrl ?? PAGE_URL });

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('acceptBridgeMessage', () => {
  it('accepts a message from this load’s bridge for a declared endpoint on the page host', () => {
    expect(accept(message())).toEqual({
      ok: true,
      response: { endpoint: 'goods-overview', url: OVERVIEW_URL, body: { result: { goodsPv: 5230 } } },
    });
  });

  it('accepts an endpoint that declares its own host', () => {
    const verdict = accept(message({ endpoint: 'ads', url: 'https://yingxiao.pinduoduo.com/report/daily?d=1' }));
    expect(verdict.ok).toBe(true);
  });

  it.each<[string, unknown, BridgeRejection]>([
    ['a page object instead of text', { v: 1, secret: SECRET, endpoint: 'goods-overview', url: OVERVIEW_URL, text: '{}' }, 'not-text'],
    ['null (a page object the isolated world cannot see)', null, 'not-text'],
    ['a number', 42, 'not-text'],
    ['a message over the size bound, refused before parsing', `{"pad":"${'x'.repeat(MAX_MESSAGE_CHARS)}"}`, 'too-large'],
    ['not JSON', 'hello <script>alert(1)</script>', 'not-json'],
    ['a JSON array', '[1,2,3]', 'bad-shape'],
    ['no secret', message({ secret: undefined }), 'bad-shape'],
    ['an empty secret', message({ secret: '' }), 'wrong-secret'],
    ['a wrong secret', message({ secret: 'ffffffffffffffffffffffffffffffff' }), 'wrong-secret'],
    ['the secret in upper case', message({ secret: SECRET.toUpperCase() }), 'wrong-secret'],
    ['the secret with a suffix', message({ secret: `${SECRET}0` }), 'wrong-secret'],
    ['another protocol version (a stale bridge)', message({ v: 2 }), 'bad-shape'],
    ['an endpoint id the adapter does not declare', message({ endpoint: 'goods-detail' }), 'undeclared-endpoint'],
    ['an inherited property name as endpoint id', message({ endpoint: 'constructor' }), 'undeclared-endpoint'],
    ['an endpoint id over 60 characters', message({ endpoint: 'x'.repeat(61) }), 'bad-shape'],
    ['a URL on another host', message({ url: 'https://evil.example/sydney/api/goodsDataShow/queryGoodsOverview' }), 'foreign-url'],
    ['a URL on a look-alike host', message({ url: 'https://mms.pinduoduo.com.evil.example/sydney/api/goodsDataShow/queryGoodsOverview' }), 'foreign-url'],
    ['a URL of another path', message({ url: 'https://mms.pinduoduo.com/sydney/api/other' }), 'foreign-url'],
    ['the own-host endpoint on its declared host instead', message({ endpoint: 'ads', url: 'https://mms.pinduoduo.com/report/daily' }), 'foreign-url'],
    ['a javascript: URL', message({ url: 'javascript:alert(1)' }), 'bad-url'],
    ['a relative URL', message({ url: '/sydney/api/goodsDataShow/queryGoodsOverview' }), 'bad-url'],
    ['a URL over 2048 characters', message({ url: `${OVERVIEW_URL}&x=${'y'.repeat(2100)}` }), 'bad-shape'],
    ['text that is not a string', message({ text: { result: 1 } }), 'bad-shape'],
    ['a body over the bound', message({}, `"${'x'.repeat(MAX_BODY_CHARS)}"`), 'body-too-large'],
    ['a body that is not JSON', message({}, '<html>login</html>'), 'body-not-json'],
    ['a body with a __proto__ key', message({}, '{"result":{"__proto__":{"polluted":true}}}'), 'unsafe-key'],
    ['a body with constructor.prototype', message({}, '{"constructor":{"prototype":{"polluted":true}}}'), 'unsafe-key'],
    ['a body with a prototype key deep in an array', message({}, '{"rows":[{"a":1},{"prototype":{}}]}'), 'unsafe-key'],
    ['a body nested past the bound', message({}, nested(MAX_JSON_DEPTH + 1)), 'too-deep'],
  ])('refuses %s', (_name, detail, reason) => {
    expect(accept(detail)).toEqual({ ok: false, reason });
  });

  it('refuses everything when the page’s adapter declares no endpoints, or there is none', () => {
    expect(accept(message(), { adapter: { ...adapter, endpoints: undefined } })).toEqual({ ok: false, reason: 'no-endpoints' });
    expect(accept(message(), { adapter: undefined })).toEqual({ ok: false, reason: 'no-endpoints' });
  });

  it('refuses a message naming the page host when the page is now elsewhere', () => {
    expect(accept(message(), { pageUrl: new URL('https://mobile.yangkeduo.com/goods.html?goods_id=1') })).toEqual({ ok: false, reason: 'foreign-url' });
  });

  it('never lets a parsed body touch Object.prototype', () => {
    accept(message({}, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted2":true}}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
  });
});

describe('jsonTreeProblem', () => {
  it.each<[string, unknown, ReturnType<typeof jsonTreeProblem>]>([
    ['a number', 5, undefined],
    ['a plain object', { a: [1, { b: 'c' }] }, undefined],
    ['nesting at the bound', JSON.parse(nested(MAX_JSON_DEPTH)), undefined],
    ['nesting past the bound', JSON.parse(nested(MAX_JSON_DEPTH + 1)), 'too-deep'],
    ['__proto__ as an own key', JSON.parse('{"__proto__":1}'), 'unsafe-key'],
    ['too many values', Array.from({ length: 20 }, () => [1, 2, 3]), 'too-many-values'],
  ])('%s → %s', (_name, value, problem) => {
    expect(jsonTreeProblem(value, MAX_JSON_DEPTH, 70)).toBe(problem);
  });

  it('walks a very deep document without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonTreeProblem(deep)).toBe('too-deep');
  });
});
