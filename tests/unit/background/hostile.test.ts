/**
 * Crafted payloads from a hostile page, end to end: content-script messages with script in
 * titles, huge strings, wrong types, forged senders and prototype-pollution keys; data-port
 * requests from a content script. Nothing is stored that should not be, nothing executes, no
 * prototype is touched, and a hostile title stored as text renders as text in the panel.
 * (tests/unit/background/handle-capture.test.ts covers each check one by one; this file feeds
 * the attacks a page would combine.)
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleContentMessage, type HandlerDeps, type SenderLike } from '../../../lib/background/handle-capture';
import { attachDataPort } from '../../../lib/background/handle-data';
import type { Capture } from '../../../lib/capture/schema';
import { DataPanel } from '../../../components/data/DataPanel';
import { I18nProvider } from '../../../lib/i18n/react';
import { dropDatabases, dumpTables, fillLikeDemo, freshDb } from '../db/demo-database';
import { dashboardCapture, listingCapture } from '../db/sample-captures';
import { expectState, pinPanelTo, renderPanel } from '../panel/panel-helpers';
import { EXTENSION_ORIGIN, portPair } from './data-port';
import { TEST_ADAPTERS } from './test-adapters';

const NOW = new Date('2026-11-22T02:00:05.000Z');

declare global {
  // Set by a payload if it ever ran.
  var __shoplensPwned: unknown;
}

const SCRIPT_TITLES = [
  '<script>globalThis.__shoplensPwned = "script"</script>保温杯',
  '<img src=x onerror="globalThis.__shoplensPwned = \'img\'">保温杯',
  '<svg onload="globalThis.__shoplensPwned=\'svg\'"></svg>',
  '"><iframe srcdoc="<script>parent.__shoplensPwned=1</script>"></iframe>',
  'javascript:globalThis.__shoplensPwned=1',
  '{{constructor.constructor("globalThis.__shoplensPwned=1")()}}',
  '=HYPERLINK("http://evil.example","点我")',
  '\u202e\u0000保温杯\ud800',
];

function deps(db = freshDb()): HandlerDeps & { db: ReturnType<typeof freshDb> } {
  return { db, adapters: TEST_ADAPTERS, now: () => NOW, recordStatus: async () => undefined, disabledAdapters: async () => new Set() };
}

const senderFor = (url: string): SenderLike => ({ url, tab: { id: 9, url } });

/** As the browser delivers it: serialised to JSON and parsed on the other side. */
const delivered = (message: unknown): unknown => JSON.parse(JSON.stringify(message));

beforeEach(() => {
  globalThis.__shoplensPwned = undefined;
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  pinPanelTo(null);
  await dropDatabases();
  expect(globalThis.__shoplensPwned).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('script in page text', () => {
  it.each(SCRIPT_TITLES)('%j is stored as the exact text and renders as text in the panel', async (title) => {
    const d = deps();
    const capture = listingCapture();
    capture.listing = { ...capture.listing!, title, shop: { name: title.slice(0, 100) }, promotions: [title.slice(0, 80)] };
    capture.issues = [{ field: 'listing.price', problem: title.slice(0, 200) }];
    const response = await handleContentMessage(delivered({ type: 'capture', capture }), senderFor(capture.url), d);
    expect(response).toMatchObject({ ok: true, result: { stored: true } });

    pinPanelTo(capture.url);
    const { container } = renderPanel(d.db);
    await expectState('captured');
    expect(screen.getByTestId('listing-title').textContent).toBe(title);
    expect(container.querySelectorAll('script, iframe, svg, img[onerror], [onload], [onerror]')).toHaveLength(0);
    expect(within(screen.getByTestId('issues-list')).getByTestId('issue').textContent).toContain(title.slice(0, 20));
  });

  it('a hostile entity name stays text in the data page’s entity list', async () => {
    const d = deps();
    const capture = listingCapture();
    capture.listing = { ...capture.listing!, title: SCRIPT_TITLES[1]! };
    await handleContentMessage(delivered({ type: 'capture', capture }), senderFor(capture.url), d);
    const { container } = render(createElement(I18nProvider, { initialLang: 'zh', children: createElement(DataPanel, { db: d.db, estimate: async () => undefined }) }));
    const option = await screen.findByText((text) => text.startsWith('<img src=x'));
    expect(option.tagName).toBe('OPTION');
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
  });
});

describe('huge and malformed payloads are refused before anything is stored', () => {
  const capture = listingCapture();
  const cases: [string, unknown, string][] = [
    ['a 10 MB title', { type: 'capture', capture: { ...capture, listing: { ...capture.listing!, title: 'x'.repeat(10_000_000) } } }, 'too-large'],
    ['a long title under the message limit', { type: 'capture', capture: { ...capture, listing: { ...capture.listing!, title: '店'.repeat(5_000) } } }, 'invalid'],
    ['10 000 metrics', { type: 'capture', capture: { ...capture, metrics: Array.from({ length: 10_000 }, (_, i) => ({ metric: 'v', label: 'v', value: i, unit: 'count', bound: 'exact' })) } }, 'too-large'],
    ['201 metrics', { type: 'capture', capture: { ...capture, metrics: Array.from({ length: 201 }, () => ({ metric: 'v', label: 'v', value: 1, unit: 'count', bound: 'exact' })) } }, 'invalid'],
    ['a price as text', { type: 'capture', capture: { ...capture, listing: { ...capture.listing!, price: { min: '29.9', kind: 'shown' } } } }, 'invalid'],
    ['a value that JSON turned into null (NaN, Infinity)', { type: 'capture', capture: { ...capture, metrics: [{ metric: 'visitors', label: '访客数', value: Number.NaN, unit: 'count', bound: 'exact' }] } }, 'invalid'],
    ['a title as an object', { type: 'capture', capture: { ...capture, listing: { ...capture.listing!, title: { toString: 'x' } } } }, 'invalid'],
    ['results as an object', { type: 'capture', capture: { ...capture, results: { length: 1, 0: {} } } }, 'invalid'],
    ['a platform we do not read', { type: 'capture', capture: { ...capture, platform: 'amazon' } }, 'invalid'],
    ['a unit we do not know', { type: 'capture', capture: { ...capture, metrics: [{ metric: 'visitors', label: '访客数', value: 1, unit: 'bitcoin', bound: 'exact' }] } }, 'invalid'],
    ['a capture time that is not a time', { type: 'capture', capture: { ...capture, capturedAt: 'now' } }, 'invalid'],
    ['an array instead of a message', [{ type: 'capture', capture }], 'invalid'],
    ['a number', 42, 'invalid'],
  ];
  it.each(cases)('%s → %s', async (_name, message, reason) => {
    const d = deps();
    expect(await handleContentMessage(delivered(message), senderFor(capture.url), d)).toMatchObject({ ok: false, reason });
    expect(await d.db.captures.count()).toBe(0);
    expect(await d.db.entities.count()).toBe(0);
  });

  it('an object whose serialisation throws (never sent by a browser, but never trusted) is refused', async () => {
    const d = deps();
    const message = { type: 'capture', get capture(): Capture {
      throw new Error('getter ran');
    } };
    expect(await handleContentMessage(message, senderFor(capture.url), d)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('forged senders', () => {
  const capture = listingCapture();
  it.each<[string, SenderLike]>([
    ['userinfo that looks like the host', senderFor('https://detail.tmall.com@evil.example/item.htm?id=617129397971')],
    ['a sub-domain of an attacker', senderFor('https://detail.tmall.com.evil.example/item.htm?id=617129397971')],
    ['a data: page', senderFor('data:text/html,<script>1</script>')],
    ['a file: page', senderFor('file:///C:/detail.tmall.com/item.htm')],
    ['about:blank in a frame', senderFor('about:blank')],
    ['an extension page (no tab: not a content script)', { url: `${EXTENSION_ORIGIN}options.html` }],
  ])('%s: nothing stored', async (_name, sender) => {
    const d = deps();
    const response = await handleContentMessage(delivered({ type: 'capture', capture }), sender, d);
    expect(response).toMatchObject({ ok: false });
    expect(await d.db.captures.count()).toBe(0);
  });

  it('a content script cannot use the data port to wipe the database', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    const before = await dumpTables(db);
    const pair = portPair('https://detail.tmall.com/item.htm?id=617129397971');
    attachDataPort(pair.background, { db, extensionOrigin: EXTENSION_ORIGIN });
    try {
      pair.page.postMessage({ type: 'restore-begin', mode: 'replace', header: { format: 'shoplens-backup', version: 1, schemaVersion: 1, createdAt: NOW.toISOString() }, total: 0 });
      pair.page.postMessage({ type: 'restore-commit' });
    } catch {
      // The port is already closed: that is the point.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pair.sent).toEqual([{ type: 'refused', reason: 'not-extension-page' }]);
    expect(await dumpTables(db)).toEqual(before);
  });
});

describe('prototype pollution', () => {
  const pollute = (json: string) => JSON.parse(json) as unknown;

  it.each<[string, (capture: Capture) => unknown]>([
    ['__proto__ at the top of the message', (capture) => pollute(`{"__proto__":{"polluted":true},"type":"capture","capture":${JSON.stringify(capture)}}`)],
    ['__proto__ inside the capture', (capture) => pollute(`{"type":"capture","capture":${JSON.stringify(capture).replace('{', '{"__proto__":{"polluted":true},')}}`)],
    ['__proto__ inside a metric reading', (capture) => pollute(`{"type":"capture","capture":${JSON.stringify(capture).replace('"metric":', '"__proto__":{"polluted":true},"metric":')}}`)],
    ['constructor.prototype inside the listing', (capture) => pollute(`{"type":"capture","capture":${JSON.stringify(capture).replace('"itemId"', '"constructor":{"prototype":{"polluted":true}},"itemId"')}}`)],
  ])('%s: stored without the key, no prototype touched', async (_name, build) => {
    const d = deps();
    const capture = _name.includes('metric') ? dashboardCapture({ url: 'https://sycm.taobao.com/portal/home.htm', capturedAt: '2026-11-22T02:00:00.000Z' }) : listingCapture();
    const response = await handleContentMessage(build(capture), senderFor(capture.url), d);
    expect(response).toMatchObject({ ok: true, result: { stored: true } });
    const stored = JSON.stringify(await dumpTables(d.db));
    expect(stored).not.toContain('polluted');
    expect(stored).not.toContain('__proto__');
    const [row] = await d.db.captures.toArray();
    expect(Object.getPrototypeOf(row!.capture)).toBe(Object.prototype);
  });

  it('a page-status message with __proto__ is parsed without it', async () => {
    const url = 'https://sycm.taobao.com/portal/home.htm';
    const recorded: unknown[] = [];
    const d = { ...deps(), recordStatus: async (record: unknown) => void recorded.push(record) };
    const message = pollute(`{"__proto__":{"polluted":true},"type":"page-status","url":"${url}","adapterId":"test/dashboard","state":"waiting"}`);
    expect(await handleContentMessage(message, senderFor(url), d)).toEqual({ ok: true });
    expect(JSON.stringify(recorded)).not.toContain('polluted');
  });
});
