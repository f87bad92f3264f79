/**
 * The bridge's small shared parts: the secret, endpoint matching, the configuration handed to
 * the page world and its start-up on the script element, and the manifest's exposure hosts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageAdapter } from '../../../lib/adapters/types';
import { matchEndpoint, type EndpointRule } from '../../../lib/bridge/endpoints';
import { bridgeHostPatterns } from '../../../lib/bridge/hosts';
import { bootPageBridge, parseBridgeConfig, type PageBridge, type PageWindow } from '../../../lib/bridge/page-world';
import { BRIDGE_CONFIG_ATTRIBUTE, BRIDGE_STOP_EVENT, makeSecret, sameSecret, SECRET_PATTERN, wireEndpoints } from '../../../lib/bridge/protocol';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('makeSecret', () => {
  it('is 16 bytes of the given CSPRNG as 32 hex digits', () => {
    const fixed = { getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).set(Array.from({ length: 16 }, (_, i) => i * 17));
      return array;
    } };
    expect(makeSecret(fixed as Pick<Crypto, 'getRandomValues'>)).toBe('00112233445566778899aabbccddeeff');
  });

  it('differs between loads and matches the pattern the page world checks', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => makeSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(SECRET_PATTERN);
  });

  it.each([
    [SECRET, SECRET, true],
    [SECRET, SECRET.replace(/f$/, 'e'), false],
    [SECRET, SECRET.slice(1), false],
    ['', '', true],
  ])('sameSecret(%s, %s) → %s', (a, b, same) => {
    expect(sameSecret(a, b)).toBe(same);
  });
});

describe('matchEndpoint', () => {
  const endpoints: EndpointRule[] = [
    { id: 'overview', path: /^\/api\/overview\b/ },
    { id: 'sticky', path: /^\/api\/sticky/g },
    { id: 'ads', path: /^\/report\//, host: 'yingxiao.pinduoduo.com' },
  ];
  it.each<[string, string, string | undefined]>([
    ['https://mms.pinduoduo.com/api/overview?d=1', 'mms.pinduoduo.com', 'overview'],
    ['http://mms.pinduoduo.com:8443/api/overview', 'mms.pinduoduo.com', 'overview'],
    ['https://MMS.pinduoduo.com/api/overview', 'mms.pinduoduo.com', 'overview'],
    ['https://mms.pinduoduo.com/api/overviews', 'mms.pinduoduo.com', undefined],
    ['https://mms.pinduoduo.com/x/api/overview', 'mms.pinduoduo.com', undefined],
    ['https://evil.example/api/overview', 'mms.pinduoduo.com', undefined],
    ['wss://mms.pinduoduo.com/api/overview', 'mms.pinduoduo.com', undefined],
    ['https://yingxiao.pinduoduo.com/report/daily', 'mms.pinduoduo.com', 'ads'],
    ['https://mms.pinduoduo.com/report/daily', 'mms.pinduoduo.com', undefined],
  ])('%s on a %s page → %s', (url, pageHost, id) => {
    expect(matchEndpoint(endpoints, new URL(url), pageHost)?.id).toBe(id);
  });

  it('a global RegExp matches every time (its lastIndex is reset)', () => {
    const url = new URL('https://mms.pinduoduo.com/api/sticky/1');
    expect([1, 2, 3].map(() => matchEndpoint(endpoints, url, 'mms.pinduoduo.com')?.id)).toEqual(['sticky', 'sticky', 'sticky']);
  });
});

describe('the configuration handed to the page world', () => {
  it('round-trips endpoints through JSON, dropping stateful flags', () => {
    const wire = wireEndpoints([
      { id: 'overview', path: /^\/api\/overview\b/i },
      { id: 'ads', path: /^\/report\//gy, host: 'yingxiao.pinduoduo.com' },
    ]);
    expect(wire).toEqual([
      { id: 'overview', source: '^\\/api\\/overview\\b', flags: 'i' },
      { id: 'ads', source: '^\\/report\\/', flags: '', host: 'yingxiao.pinduoduo.com' },
    ]);
    const config = parseBridgeConfig(JSON.stringify({ secret: SECRET, endpoints: wire }));
    expect(config?.endpoints.map((e) => [e.id, String(e.path), e.host])).toEqual([
      ['overview', '/^\\/api\\/overview\\b/i', undefined],
      ['ads', '/^\\/report\\//', 'yingxiao.pinduoduo.com'],
    ]);
  });

  const endpoint = { id: 'overview', source: '^/api', flags: '' };
  it.each<[string, unknown]>([
    ['nothing', null],
    ['not JSON', '{secret'],
    ['a short secret', JSON.stringify({ secret: 'abc', endpoints: [endpoint] })],
    ['an upper-case secret', JSON.stringify({ secret: SECRET.toUpperCase(), endpoints: [endpoint] })],
    ['no endpoints', JSON.stringify({ secret: SECRET, endpoints: [] })],
    ['an endpoint without id', JSON.stringify({ secret: SECRET, endpoints: [{ source: '^/', flags: '' }] })],
    ['a broken pattern', JSON.stringify({ secret: SECRET, endpoints: [{ ...endpoint, source: '(' }] })],
    ['a global flag', JSON.stringify({ secret: SECRET, endpoints: [{ ...endpoint, flags: 'g' }] })],
    ['a host with a path', JSON.stringify({ secret: SECRET, endpoints: [{ ...endpoint, host: 'evil.example/x' }] })],
    ['an oversized configuration', JSON.stringify({ secret: SECRET, endpoints: [{ ...endpoint, source: 'a'.repeat(70_000) }] })],
  ])('is refused when it is %s', (_name, text) => {
    expect(parseBridgeConfig(text)).toBeUndefined();
  });
});

describe('bootPageBridge (the page script’s start-up)', () => {
  let running: PageBridge | undefined;
  afterEach(() => {
    running?.stop();
    running = undefined;
  });

  function page(): PageWindow & { fetch: unknown } {
    return {
      fetch: () => Promise.resolve(new Response('{}')),
      location: { href: 'https://mms.pinduoduo.com/sycm/' },
      setInterval: (handler, ms) => setInterval(handler, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    };
  }

  function scriptWith(config: string | null): HTMLScriptElement {
    const script = document.createElement('script');
    if (config !== null) script.setAttribute(BRIDGE_CONFIG_ATTRIBUTE, config);
    return script;
  }

  const valid = JSON.stringify({ secret: SECRET, endpoints: wireEndpoints([{ id: 'overview', path: /^\/api\// }]) });

  it('reads the configuration, removes it at once, and wraps fetch', () => {
    const win = page();
    const original = win.fetch;
    const script = scriptWith(valid);
    running = bootPageBridge(script, win);
    expect(running).toBeDefined();
    expect(script.hasAttribute(BRIDGE_CONFIG_ATTRIBUTE)).toBe(false);
    expect(win.fetch).not.toBe(original);
  });

  it.each([
    ['no script element', null],
    ['no configuration', scriptWith(null)],
    ['a forged configuration', scriptWith('{"secret":"nope","endpoints":[]}')],
  ])('with %s it changes nothing in the page (and still removes the attribute)', (_name, script) => {
    const win = page();
    const original = win.fetch;
    running = bootPageBridge(script, win);
    expect(running).toBeUndefined();
    expect(win.fetch).toBe(original);
    expect(script?.hasAttribute(BRIDGE_CONFIG_ATTRIBUTE) ?? false).toBe(false);
  });

  it('stops only on a stop event carrying the secret', () => {
    const win = page();
    const original = win.fetch;
    const script = scriptWith(valid);
    running = bootPageBridge(script, win);
    script.dispatchEvent(new CustomEvent(BRIDGE_STOP_EVENT, { detail: 'ffffffffffffffffffffffffffffffff' }));
    script.dispatchEvent(new CustomEvent(BRIDGE_STOP_EVENT));
    expect(win.fetch).not.toBe(original);
    script.dispatchEvent(new CustomEvent(BRIDGE_STOP_EVENT, { detail: SECRET }));
    expect(win.fetch).toBe(original);
  });
});

describe('bridgeHostPatterns (web_accessible_resources matches)', () => {
  const adapter = (id: string, hosts: string[], withEndpoints: boolean): PageAdapter => ({
    id,
    version: 1,
    platform: 'pinduoduo',
    pageKind: 'dashboard',
    hosts,
    sampleUrls: [],
    endpoints: withEndpoints ? [{ id: 'x', path: /^\// }] : undefined,
    matchesUrl: () => false,
    detect: () => false,
    extract: () => ({ period: null, metrics: [], listing: null, results: null, issues: [] }),
  });

  it('lists only hosts of adapters with endpoints, as origin patterns, sorted and once', () => {
    expect(
      bridgeHostPatterns([
        adapter('a', ['*://mms.pinduoduo.com/sycm/*', '*://mms.pinduoduo.com/*'], true),
        adapter('b', ['https://sz.jd.com/*'], true),
        adapter('c', ['*://item.taobao.com/*'], false),
      ]),
    ).toEqual(['*://mms.pinduoduo.com/*', 'https://sz.jd.com/*']);
  });

  it('is empty when no adapter reads fetched JSON (the manifest then has no entry)', () => {
    expect(bridgeHostPatterns([adapter('c', ['*://item.taobao.com/*'], false)])).toEqual([]);
  });
});
