/**
 * Adapter kill switches (lib/settings/disabled-adapters.ts) and their enforcement: the content
 * script's adapter list (nothing read, no bridge) and the background (captures refused).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleContentMessage, type SenderLike } from '../../../lib/background/handle-capture';
import type { ContentMessage } from '../../../lib/background/messages';
import type { Capture } from '../../../lib/capture/schema';
import { startCaptureLoop } from '../../../lib/content/capture-loop';
import { openDb, type ShopLensDb } from '../../../lib/db/schema';
import {
  DISABLED_ADAPTERS_KEY,
  enabledAdapters,
  parseDisabledAdapters,
  readDisabledAdapters,
  setAdapterEnabled,
} from '../../../lib/settings/disabled-adapters';
import { dashboardCapture, listingCapture } from '../db/sample-captures';
import { TEST_ADAPTERS, testDashboardAdapter, testListingAdapter } from '../background/test-adapters';

describe('parseDisabledAdapters (the stored value is untrusted)', () => {
  it.each<[string, unknown, string[]]>([
    ['a list of ids', ['taobao/listing', 'jd/search'], ['taobao/listing', 'jd/search']],
    ['duplicates', ['a/b', 'a/b'], ['a/b']],
    ['nothing stored', undefined, []],
    ['a string', 'taobao/listing', []],
    ['an object', { 'taobao/listing': true }, []],
    ['non-string entries, dropped', ['a/b', 3, null, { id: 'x' }, ''], ['a/b']],
    ['an overlong id, dropped', ['a/b', 'x'.repeat(61)], ['a/b']],
    ['a list longer than any registry', Array.from({ length: 501 }, (_, i) => `a/${i}`), []],
  ])('%s', (_name, value, ids) => {
    expect([...parseDisabledAdapters(value)]).toEqual(ids);
  });
});

describe('reading and writing the switches', () => {
  it('switches adapters off and on again, keeping the stored list sorted and unique', async () => {
    const area = fakeBrowser.storage.local;
    await setAdapterEnabled('taobao/sycm-home', false, area);
    await setAdapterEnabled('taobao/listing', false, area);
    await setAdapterEnabled('taobao/listing', false, area);
    expect((await area.get(DISABLED_ADAPTERS_KEY))[DISABLED_ADAPTERS_KEY]).toEqual(['taobao/listing', 'taobao/sycm-home']);
    await setAdapterEnabled('taobao/listing', true, area);
    expect([...(await readDisabledAdapters(area))]).toEqual(['taobao/sycm-home']);
  });

  it('reads browser.storage.local by default', async () => {
    await fakeBrowser.storage.local.set({ [DISABLED_ADAPTERS_KEY]: ['test/listing'] });
    expect([...(await readDisabledAdapters())]).toEqual(['test/listing']);
  });

  it('fails open, and says so, when storage cannot be read', async () => {
    const log = vi.fn();
    const broken = { get: () => Promise.reject(new Error('storage gone')), set: () => Promise.resolve() };
    expect([...(await readDisabledAdapters(broken, log))]).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not readable'), expect.any(Error));
  });

  it('enabledAdapters keeps registry order and drops the switched-off ones', () => {
    expect(enabledAdapters(TEST_ADAPTERS, new Set(['test/listing'])).map((a) => a.id)).toEqual(['test/dashboard']);
    expect(enabledAdapters(TEST_ADAPTERS, new Set()).map((a) => a.id)).toEqual(['test/listing', 'test/dashboard']);
  });
});

describe('the background refuses captures from a switched-off adapter', () => {
  const opened: ShopLensDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });

  function deps(disabled?: string[]) {
    const db = openDb(`kill-switch-${Math.random().toString(36).slice(2)}`);
    opened.push(db);
    return {
      db,
      deps: {
        db,
        adapters: TEST_ADAPTERS,
        now: () => new Date('2026-11-22T02:00:05.000Z'),
        recordStatus: async () => undefined,
        ...(disabled ? { disabledAdapters: async () => new Set(disabled) } : {}),
      },
    };
  }
  const senderFor = (capture: Capture): SenderLike => ({ url: capture.url, tab: { id: 7, url: capture.url } });

  it.each<[string, () => Capture, string[], boolean]>([
    ['listing, its adapter off', () => listingCapture(), ['test/listing'], false],
    ['listing, another adapter off', () => listingCapture(), ['test/dashboard'], true],
    ['dashboard, its adapter off', () => dashboardCapture(), ['test/dashboard'], false],
    ['dashboard, nothing off', () => dashboardCapture(), [], true],
  ])('%s → stored: %s', async (_name, make, disabled, stored) => {
    const { db, deps: handlerDeps } = deps(disabled);
    const capture = make();
    const response = await handleContentMessage({ type: 'capture', capture }, senderFor(capture), handlerDeps);
    if (stored) {
      expect(response).toMatchObject({ ok: true, result: { stored: true } });
      expect(await db.captures.count()).toBe(1);
    } else {
      expect(response).toEqual({ ok: false, reason: 'adapter-disabled', detail: capture.adapter.id });
      expect(await db.captures.count()).toBe(0);
      expect(await db.entities.count()).toBe(0);
    }
  });

  it('reads the switches from storage.local on every capture by default (a switch flipped mid-session holds at once)', async () => {
    const { db, deps: handlerDeps } = deps();
    const first = listingCapture();
    expect(await handleContentMessage({ type: 'capture', capture: first }, senderFor(first), handlerDeps)).toMatchObject({ ok: true });
    await setAdapterEnabled(testListingAdapter.id, false, fakeBrowser.storage.local);
    const second = listingCapture({ capturedAt: '2026-11-22T02:00:04.000Z', listing: { ...first.listing!, title: '保温杯 新标题' } });
    expect(await handleContentMessage({ type: 'capture', capture: second }, senderFor(second), handlerDeps)).toMatchObject({
      ok: false,
      reason: 'adapter-disabled',
    });
    expect(await db.captures.count()).toBe(1);
  });
});

describe('the content script does nothing for a switched-off adapter', () => {
  it('reads no figures and sends no capture: the page is not recognised', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z') });
    const sent: ContentMessage[] = [];
    const reading = { ...testDashboardAdapter, detect: vi.fn(() => true), extract: vi.fn(() => dashboardCapture()) };
    const loop = startCaptureLoop({
      document,
      currentUrl: () => 'https://sycm.taobao.com/portal/home.htm',
      send: async (message) => {
        sent.push(message);
        return { ok: true };
      },
      timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      adapters: enabledAdapters([testListingAdapter, reading], new Set([reading.id])),
      log: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(5_000);
    loop.stop();
    vi.useRealTimers();
    expect(reading.detect).not.toHaveBeenCalled();
    expect(reading.extract).not.toHaveBeenCalled();
    expect(sent).toEqual([{ type: 'page-status', url: 'https://sycm.taobao.com/portal/home.htm', adapterId: null, state: 'not-recognised' }]);
  });
});
