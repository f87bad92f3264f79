import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Capture } from '../../../lib/capture/schema';
import { openDb, type ShopLensDb } from '../../../lib/db/schema';
import { handleContentMessage, MAX_MESSAGE_BYTES, type SenderLike } from '../../../lib/background/handle-capture';
import { PAGE_STATUS_KEY, type PageStatusRecord } from '../../../lib/background/page-status';
import { dashboardCapture, listingCapture } from '../db/sample-captures';
import { TEST_ADAPTERS } from './test-adapters';

const NOW = new Date('2026-11-22T02:00:05.000Z');
let dbCount = 0;
const opened: ShopLensDb[] = [];

function setup() {
  const db = openDb(`handler-test-${Date.now()}-${dbCount++}`);
  opened.push(db);
  const statuses: PageStatusRecord[] = [];
  const deps = {
    db,
    adapters: TEST_ADAPTERS,
    now: () => NOW,
    recordStatus: async (record: PageStatusRecord) => void statuses.push(record),
  };
  return { db, deps, statuses };
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** The sender Chrome reports for our content script on the capture's own page. */
function senderFor(capture: Capture, tabId = 7): SenderLike {
  return { url: capture.url, tab: { id: tabId, url: capture.url } };
}

describe('capture messages', () => {
  it('stores a valid capture and answers with what was stored', async () => {
    const { db, deps } = setup();
    const capture = listingCapture();
    const response = await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps);
    expect(response).toEqual({ ok: true, result: { stored: true, captureId: 'taobao:item:617129397971@2026-11-22T02:00:00.000Z', observations: 4 } });
    expect((await db.captures.toArray()).map((row) => row.capture)).toEqual([capture]);
  });

  it('drops a duplicate', async () => {
    const { db, deps } = setup();
    const capture = dashboardCapture({ capturedAt: '2026-11-22T02:00:00.000Z' });
    await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps);
    const again = { ...capture, capturedAt: '2026-11-22T02:00:04.000Z' };
    expect(await handleContentMessage({ type: 'capture', capture: again }, senderFor(again), deps)).toEqual({
      ok: true,
      result: { stored: false, reason: 'duplicate' },
    });
    expect(await db.captures.count()).toBe(1);
  });

  it('stores page text that looks like markup as plain text, unchanged', async () => {
    const { db, deps } = setup();
    const hostile = '<img src=x onerror="alert(1)"><script>alert(document.cookie)</script>保温杯';
    const capture = listingCapture();
    capture.listing!.title = hostile;
    capture.issues = [{ field: 'price', problem: '<b>"-"</b> &amp; unreadable' }];
    const response = await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps);
    expect(response).toMatchObject({ ok: true, result: { stored: true } });
    const [row] = await db.captures.toArray();
    expect(row!.capture.listing!.title).toBe(hostile);
    expect(row!.capture.issues[0]!.problem).toBe('<b>"-"</b> &amp; unreadable');
    expect((await db.entities.get('taobao:item:617129397971'))!.name).toBe(hostile);
  });

  it('keeps only known fields (zod strips what a page adds)', async () => {
    const { db, deps } = setup();
    const capture = listingCapture();
    const message = { type: 'capture', capture: { ...capture, injected: { __proto__: { polluted: true } }, extra: 'x' } };
    expect(await handleContentMessage(message, senderFor(capture), deps)).toMatchObject({ ok: true });
    const [row] = await db.captures.toArray();
    expect(Object.keys(row!.capture)).not.toContain('extra');
    expect(Object.keys(row!.capture)).not.toContain('injected');
  });

  describe('rejects forged senders, storing nothing', () => {
    const capture = listingCapture();
    const cases: [string, SenderLike, Capture, string][] = [
      ['no tab (another extension context)', { url: capture.url }, capture, 'no-sender'],
      ['tab without an address', { tab: { id: 7 } }, capture, 'no-sender'],
      ['negative tab id (not a real tab)', { url: capture.url, tab: { id: -1 } }, capture, 'no-sender'],
      ['a page on another host', { url: 'https://evil.example/item.htm?id=1', tab: { id: 7 } }, { ...capture, url: 'https://evil.example/item.htm?id=1' }, 'sender-mismatch'],
      ['a look-alike host', { url: 'https://detail.tmall.com.evil.example/item.htm', tab: { id: 7 } }, { ...capture, url: 'https://detail.tmall.com.evil.example/item.htm' }, 'sender-mismatch'],
      ['a marketplace host the named adapter does not read', { url: 'https://sycm.taobao.com/portal/home.htm', tab: { id: 7 } }, { ...capture, url: 'https://sycm.taobao.com/portal/home.htm' }, 'sender-mismatch'],
      ['capture.url on another host than the sender', { url: 'https://detail.tmall.com/item.htm?id=1', tab: { id: 7 } }, { ...capture, url: 'https://item.taobao.com/item.htm?id=1' }, 'url-mismatch'],
      // zod's url() accepts it; the host comparison is what refuses it.
      ['a javascript: capture url', senderFor(capture), { ...capture, url: 'javascript:alert(1)' }, 'url-mismatch'],
      ['an adapter id we do not have', senderFor(capture), { ...capture, adapter: { id: 'evil/adapter', version: 1 } }, 'unknown-adapter'],
      ['a platform the adapter does not read', senderFor(capture), { ...capture, platform: 'jd' }, 'sender-mismatch'],
      ['a page kind the adapter does not read', senderFor(capture), { ...capture, pageKind: 'dashboard' }, 'sender-mismatch'],
    ];
    it.each(cases)('%s', async (_name, sender, forged, reason) => {
      const { db, deps } = setup();
      const response = await handleContentMessage({ type: 'capture', capture: forged }, sender, deps);
      expect(response).toMatchObject({ ok: false, reason });
      expect(await db.captures.count()).toBe(0);
      expect(await db.entities.count()).toBe(0);
    });
  });

  describe('rejects oversized messages before parsing them', () => {
    it.each([
      ['an unknown field stuffed with ASCII', { filler: 'x'.repeat(MAX_MESSAGE_BYTES) }],
      // 90 000 CJK characters are 270 000 UTF-8 bytes: the bound is on bytes, not characters.
      ['CJK text counted in bytes', { filler: '店'.repeat(90_000) }],
    ])('%s', async (_name, stuffing) => {
      const { db, deps } = setup();
      const capture = listingCapture();
      const message = { type: 'capture', capture: { ...capture, ...stuffing } };
      const response = await handleContentMessage(message, senderFor(capture), deps);
      expect(response).toMatchObject({ ok: false, reason: 'too-large' });
      expect(await db.captures.count()).toBe(0);
    });

    it('accepts a large but bounded capture (a 200-row report)', async () => {
      const { deps } = setup();
      const capture = dashboardCapture({
        pageKind: 'dashboard',
        metrics: Array.from({ length: 200 }, (_, i) => ({ metric: `m${i}`, label: '支付金额'.repeat(10), value: i, unit: 'yuan' as const, bound: 'exact' as const })),
      });
      const size = new TextEncoder().encode(JSON.stringify({ type: 'capture', capture })).byteLength;
      expect(size).toBeLessThan(MAX_MESSAGE_BYTES);
      expect(size).toBeGreaterThan(30_000);
      expect(await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps)).toMatchObject({ ok: true, result: { stored: true } });
    });
  });

  describe('rejects malformed messages', () => {
    const capture = listingCapture();
    it.each<[string, unknown]>([
      ['not an object', 'capture'],
      ['null', null],
      ['unknown type', { type: 'delete-everything' }],
      ['capture missing', { type: 'capture' }],
      ['a placeholder read as a value', { type: 'capture', capture: { ...capture, metrics: [{ metric: 'visitors', label: '访客数', value: '-', unit: 'count', bound: 'exact' }] } }],
      ['a non-finite value', { type: 'capture', capture: { ...capture, metrics: [{ metric: 'visitors', label: '访客数', value: Number.POSITIVE_INFINITY, unit: 'count', bound: 'exact' }] } }],
      ['a title beyond its bound', { type: 'capture', capture: { ...capture, listing: { ...capture.listing!, title: 'x'.repeat(301) } } }],
      ['a negative price', { type: 'capture', capture: { ...capture, listing: { ...capture.listing!, price: { min: -1, kind: 'shown' } } } }],
    ])('%s', async (_name, message) => {
      const { db, deps } = setup();
      expect(await handleContentMessage(message, senderFor(capture), deps)).toMatchObject({ ok: false, reason: 'invalid' });
      expect(await db.captures.count()).toBe(0);
    });
  });

  it.each([
    ['a day in the future', '2026-11-23T02:00:00.000Z', 'bad-time'],
    ['two days old', '2026-11-20T02:00:00.000Z', 'bad-time'],
    ['a minute of clock skew ahead', '2026-11-22T02:01:00.000Z', undefined],
  ])('capture time %s', async (_name, capturedAt, reason) => {
    const { deps } = setup();
    const capture = listingCapture({ capturedAt });
    const response = await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps);
    if (reason) expect(response).toMatchObject({ ok: false, reason });
    else expect(response).toMatchObject({ ok: true, result: { stored: true } });
  });

  it('answers store-failed (never throws) when the database breaks', async () => {
    const { db, deps } = setup();
    vi.spyOn(db, 'transaction').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const capture = listingCapture();
    expect(await handleContentMessage({ type: 'capture', capture }, senderFor(capture), deps)).toEqual({ ok: false, reason: 'store-failed', detail: 'disk on fire' });
  });
});

describe('page-status messages', () => {
  const url = 'https://sycm.taobao.com/portal/home.htm?spm=a';
  const sender: SenderLike = { url, tab: { id: 3, url } };

  it.each([
    ['waiting', 'test/dashboard'],
    ['captured', 'test/dashboard'],
    ['not-recognised', null],
  ] as const)('records %s for the sending tab', async (state, adapterId) => {
    const { deps, statuses } = setup();
    const response = await handleContentMessage({ type: 'page-status', url, adapterId, state }, sender, deps);
    expect(response).toEqual({ ok: true });
    expect(statuses).toEqual([{ tabId: 3, url, pageKey: 'sycm.taobao.com/portal/home.htm', adapterId, state, at: NOW.toISOString() }]);
  });

  it.each<[string, unknown, SenderLike, string]>([
    ['an unknown state', { type: 'page-status', url, adapterId: null, state: 'hacked' }, sender, 'invalid'],
    ['a status about another host', { type: 'page-status', url: 'https://evil.example/', adapterId: null, state: 'waiting' }, sender, 'url-mismatch'],
    ['an adapter that does not read the sender', { type: 'page-status', url, adapterId: 'test/listing', state: 'waiting' }, sender, 'sender-mismatch'],
    ['no tab', { type: 'page-status', url, adapterId: null, state: 'waiting' }, { url }, 'no-sender'],
  ])('rejects %s', async (_name, message, from, reason) => {
    const { deps, statuses } = setup();
    expect(await handleContentMessage(message, from, deps)).toMatchObject({ ok: false, reason });
    expect(statuses).toEqual([]);
  });

  it('by default keeps the status in storage.session for the panel', async () => {
    const { db } = setup();
    const response = await handleContentMessage({ type: 'page-status', url, adapterId: 'test/dashboard', state: 'waiting' }, sender, {
      db,
      adapters: TEST_ADAPTERS,
      now: () => NOW,
    });
    expect(response).toEqual({ ok: true });
    const stored = (await fakeBrowser.storage.session.get(PAGE_STATUS_KEY))[PAGE_STATUS_KEY];
    expect(stored).toEqual({ '3': { tabId: 3, url, pageKey: 'sycm.taobao.com/portal/home.htm', adapterId: 'test/dashboard', state: 'waiting', at: NOW.toISOString() } });
  });
});
