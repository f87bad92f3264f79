/**
 * The background refresh wired to (fake) browser APIs (lib/background/refresh.ts): it opens the
 * due listing in an inactive tab, lets the normal capture path store it and closes the tab, keeps
 * the pace and the quiet hours, and stops at the first sign of risk control on a tab it opened —
 * never because of, and never closing, a tab of the operator's own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Capture } from '../../../lib/capture/schema';
import { handleContentMessage, type HandlerDeps } from '../../../lib/background/handle-capture';
import { handlePanelMessage } from '../../../lib/background/handle-panel';
import { createBackgroundRefresh, REFRESH_ALARM, REFRESH_NOTIFICATION_ID, REFRESH_PAGES_KEY, type BackgroundRefresh, type RefreshApi } from '../../../lib/background/refresh';
import type { ShopLensDb } from '../../../lib/db/schema';
import { readRefreshSettings, readRefreshStatus } from '../../../lib/settings/background-refresh';
import { PAGE_TIMEOUT_MS } from '../../../lib/watch/refresh';
import { pinEntity, saveRefreshSettings, updateWatch } from '../../../lib/watch/store';
import { freshDb } from '../db/seed-rows';
import { listingCapture } from '../db/sample-captures';
import { TEST_ADAPTERS } from './test-adapters';

/** 2026-11-22 at an hour of China time. */
const chinaTime = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 22, hour - 8, minute));
const ITEM_A = { key: 'taobao:item:617129397971', url: 'https://detail.tmall.com/item.htm?id=617129397971' };
const ITEM_B = { key: 'taobao:item:555', url: 'https://item.taobao.com/item.htm?id=555' };
const EXTENSION = { url: 'chrome-extension://shoplens/options.html' };
const EXTENSION_ROOT = 'chrome-extension://shoplens/';

let db: ShopLensDb;
let clock: Date;
let fake: ReturnType<typeof fakeApi>;
let refresh: BackgroundRefresh;

function fakeApi() {
  const tabs = new Map<number, { url?: string; pendingUrl?: string }>();
  const opened: { id: number; url: string; active: boolean }[] = [];
  const removed: number[] = [];
  const alarms = new Map<string, number>();
  const notifications: { id: string; title: string; message: string }[] = [];
  let nextId = 100;
  const api: RefreshApi = {
    alarms: {
      create: (name, info) => void alarms.set(name, info.when),
      clear: async (name) => alarms.delete(name),
      get: async (name) => (alarms.has(name) ? { name, scheduledTime: alarms.get(name)! } : undefined),
    },
    tabs: {
      create: async ({ url, active }) => {
        const id = nextId++;
        tabs.set(id, { url });
        opened.push({ id, url, active });
        return { id };
      },
      remove: async (id) => {
        removed.push(id);
        tabs.delete(id);
      },
      get: async (id) => tabs.get(id),
    },
    notifications: {
      create: async (id, options) => {
        notifications.push({ id, title: options.title, message: options.message });
        return id;
      },
    },
    session: fakeBrowser.storage.session,
  };
  return { api, tabs, opened, removed, alarms, notifications };
}

const isListingPage = (url: string) => TEST_ADAPTERS.find((adapter) => adapter.matchesUrl(new URL(url)))?.pageKind === 'listing';

function panel(message: unknown) {
  return handlePanelMessage(message, EXTENSION, { db, extensionRoot: EXTENSION_ROOT, now: () => clock, onRefreshChanged: refresh.tick });
}

async function watchForRefresh(item: { key: string; url: string }, lastSeen?: string) {
  await pinEntity(db, { key: item.key, platform: 'taobao', kind: 'item', ref: item.key.split(':')[2]!, name: item.key, url: item.url }, clock);
  await updateWatch(db, item.key, { refresh: true }, clock);
  if (lastSeen) await db.entities.put({ key: item.key, platform: 'taobao', kind: 'item', ref: item.key.split(':')[2]!, name: '', firstSeen: lastSeen, lastSeen });
}

function captureDeps(): HandlerDeps {
  return { db, adapters: TEST_ADAPTERS, now: () => clock, recordStatus: async () => undefined, disabledAdapters: async () => new Set(), onAccepted: refresh.accepted };
}

/** The listing's content script sends its capture from tab `tabId`. */
function captureFrom(tabId: number, overrides: Partial<Capture> = {}) {
  const capture = listingCapture({ capturedAt: clock.toISOString(), ...overrides });
  return handleContentMessage({ type: 'capture', capture }, { url: capture.url, tab: { id: tabId, url: capture.url } }, captureDeps());
}

const pages = async () => ((await fakeBrowser.storage.session.get(REFRESH_PAGES_KEY))[REFRESH_PAGES_KEY] ?? []) as { tabId: number }[];
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

beforeEach(async () => {
  db = freshDb();
  clock = chinaTime(14);
  fake = fakeApi();
  refresh = createBackgroundRefresh({ db, api: fake.api, lang: 'zh', now: () => clock, isListingPage, log: () => undefined });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('off by default', () => {
  it('opens nothing and sets no alarm until the operator turns it on', async () => {
    await watchForRefresh(ITEM_A);
    await refresh.tick();
    await refresh.start();
    expect(fake.opened).toEqual([]);
    expect(fake.alarms.size).toBe(0);
  });
});

describe('refreshing a page', () => {
  beforeEach(async () => {
    await watchForRefresh(ITEM_A);
    await saveRefreshSettings(db, { enabled: true, minutesBetweenPages: 1 });
  });

  it('opens the due listing in an inactive tab, lets the capture path store it, then closes the tab', async () => {
    await refresh.tick();
    expect(fake.opened).toEqual([{ id: 100, url: ITEM_A.url, active: false }]);
    expect(fake.alarms.get(REFRESH_ALARM)).toBe(clock.getTime() + PAGE_TIMEOUT_MS);
    expect((await db.watches.get(ITEM_A.key))?.lastRefreshAt).toBe(clock.toISOString());
    expect(await pages()).toHaveLength(1);

    // Never two at once.
    await refresh.tick();
    expect(fake.opened).toHaveLength(1);

    advance(8_000);
    const response = await captureFrom(100);
    expect(response).toMatchObject({ ok: true, result: { stored: true } });
    expect(fake.removed).toEqual([100]);
    expect(await pages()).toEqual([]);
    expect(await readRefreshStatus(db)).toMatchObject({ lastOutcome: 'captured', lastUrl: ITEM_A.url, pagesWithoutFigures: 0 });
    // The next look is one gap after the page was opened.
    expect(fake.alarms.get(REFRESH_ALARM)).toBe(chinaTime(14, 1).getTime());
  });

  it('keeps at least a minute between pages and takes the most overdue first', async () => {
    await watchForRefresh(ITEM_B, chinaTime(14).toISOString()); // B was just seen by the operator
    await db.entities.put({ key: ITEM_A.key, platform: 'taobao', kind: 'item', ref: '617129397971', name: '', firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-01T00:00:00.000Z' });
    await saveRefreshSettings(db, { hoursPerPage: 1 });
    await refresh.tick();
    expect(fake.opened.map((t) => t.url)).toEqual([ITEM_A.url]);
    await captureFrom(100);
    advance(30_000);
    await refresh.tick();
    expect(fake.opened).toHaveLength(1);
    // An hour later B is due too, one page at a time, a minute apart.
    advance(3600_000);
    await refresh.tick();
    expect(fake.opened.map((t) => t.url)).toEqual([ITEM_A.url, ITEM_B.url]);
  });

  it('opens nothing at night and looks again when the quiet hours end', async () => {
    clock = chinaTime(23, 30);
    await refresh.tick();
    expect(fake.opened).toEqual([]);
    expect(fake.alarms.get(REFRESH_ALARM)).toBe(Date.UTC(2026, 10, 23, 0));
  });

  it('never opens a seller backend, whatever a watch row says', async () => {
    await db.watches.update(ITEM_A.key, { url: 'https://sycm.taobao.com/portal/home.htm' });
    await refresh.tick();
    expect(fake.opened).toEqual([]);
  });
});

describe('the stop at the first sign of risk control', () => {
  beforeEach(async () => {
    await watchForRefresh(ITEM_A);
    await saveRefreshSettings(db, { enabled: true, minutesBetweenPages: 1 });
    await refresh.tick();
  });

  it('a risk signal from its tab stops refresh, closes the tab, clears the alarm and notifies', async () => {
    await refresh.riskSignal({ type: 'risk-signal', url: ITEM_A.url, kind: 'slider', evidence: '滑块' }, { tab: { id: 100 } });
    const settings = await readRefreshSettings(db);
    expect(settings.enabled).toBe(false);
    expect(settings.stopped).toEqual({ at: clock.toISOString(), kind: 'slider', evidence: '滑块', url: ITEM_A.url });
    expect(fake.removed).toEqual([100]);
    expect(fake.alarms.has(REFRESH_ALARM)).toBe(false);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]).toMatchObject({ id: REFRESH_NOTIFICATION_ID, title: '店镜：后台刷新已停止' });
    expect(fake.notifications[0]!.message).toContain('滑块验证');
    expect(fake.notifications[0]!.message).toContain(ITEM_A.url);

    // It stays stopped: nothing opens, however much later.
    advance(24 * 3600_000);
    await refresh.tick();
    expect(fake.opened).toHaveLength(1);
  });

  it('only the operator turning it on again resumes it', async () => {
    await refresh.riskSignal({ type: 'risk-signal', url: ITEM_A.url, kind: 'captcha', evidence: '验证码' }, { tab: { id: 100 } });
    advance(5 * 60_000);
    expect(await panel({ type: 'refresh:settings', enabled: true })).toEqual({ ok: true });
    const settings = await readRefreshSettings(db);
    expect(settings.stopped).toBeUndefined();
    expect(settings.enabled).toBe(true);
    // Marked refreshed when it was opened: not due again for hoursPerPage.
    expect(fake.opened).toHaveLength(1);
    expect(fake.alarms.has(REFRESH_ALARM)).toBe(true);
  });

  it('a punish address in its page status stops refresh', async () => {
    const url = 'https://detail.tmall.com/item.htm/_____tmd_____/punish?x5secdata=1';
    await handleContentMessage({ type: 'page-status', url, adapterId: null, state: 'not-recognised' }, { url, tab: { id: 100, url } }, captureDeps());
    expect((await readRefreshSettings(db)).stopped).toMatchObject({ kind: 'captcha', evidence: '/punish' });
  });

  it('a tab sent off the readable pages (a login redirect) stops refresh when its time is up', async () => {
    fake.tabs.set(100, {}); // the address of a page ShopLens may not read is hidden from it
    advance(PAGE_TIMEOUT_MS);
    await refresh.onAlarm({ name: REFRESH_ALARM });
    expect((await readRefreshSettings(db)).stopped).toMatchObject({ kind: 'redirect', url: ITEM_A.url });
    expect(fake.removed).toEqual([100]);
  });

  it('a page still loading when its time is up (no address yet, only the one it loads) is a timeout, not a redirect', async () => {
    // What Chrome reports for a tab whose listing has not answered: no `url`, `pendingUrl` only.
    fake.tabs.set(100, { pendingUrl: ITEM_A.url });
    advance(PAGE_TIMEOUT_MS);
    await refresh.onAlarm({ name: REFRESH_ALARM });
    expect((await readRefreshSettings(db)).stopped).toBeUndefined();
    expect(await readRefreshStatus(db)).toMatchObject({ lastOutcome: 'timeout', pagesWithoutFigures: 1 });
    expect(fake.removed).toEqual([100]);
    expect(await pages()).toEqual([]);
  });

  it('a page still loading a punish address when its time is up stops refresh', async () => {
    const punish = 'https://detail.tmall.com/_____tmd_____/punish?x5secdata=1';
    fake.tabs.set(100, { pendingUrl: punish });
    advance(PAGE_TIMEOUT_MS);
    await refresh.onAlarm({ name: REFRESH_ALARM });
    expect((await readRefreshSettings(db)).stopped).toMatchObject({ kind: 'captcha', evidence: '/punish', url: punish });
    expect(fake.removed).toEqual([100]);
  });

  it('three pages in a row without figures stop refresh', async () => {
    for (let page = 0; page < 3; page++) {
      advance(PAGE_TIMEOUT_MS);
      await refresh.onAlarm({ name: REFRESH_ALARM }); // times out the open page (and opens the next when due)
      if (page < 2) {
        await db.watches.update(ITEM_A.key, { lastRefreshAt: '2026-11-01T00:00:00.000Z' });
        advance(60_000);
        await refresh.tick();
      }
    }
    const settings = await readRefreshSettings(db);
    expect(settings.stopped).toMatchObject({ kind: 'noFigures' });
    expect(fake.opened).toHaveLength(3);
    expect(fake.removed).toEqual([100, 101, 102]);
  });

  it('a malformed risk signal (words a page made up) changes nothing', async () => {
    await refresh.riskSignal({ type: 'risk-signal', url: ITEM_A.url, kind: 'captcha', evidence: '点此领取红包' }, { tab: { id: 100 } });
    expect((await readRefreshSettings(db)).stopped).toBeUndefined();
    expect(fake.removed).toEqual([]);
  });
});

describe('the operator’s own tabs are never affected', () => {
  beforeEach(async () => {
    await watchForRefresh(ITEM_A);
    await saveRefreshSettings(db, { enabled: true, minutesBetweenPages: 1 });
    await refresh.tick(); // opens tab 100
  });

  it('a captcha on a tab the operator opened does not stop refresh', async () => {
    await refresh.riskSignal({ type: 'risk-signal', url: ITEM_A.url, kind: 'captcha', evidence: '验证码' }, { tab: { id: 7 } });
    expect((await readRefreshSettings(db)).stopped).toBeUndefined();
    expect(fake.notifications).toEqual([]);
  });

  it('a capture from the operator’s tab closes nothing', async () => {
    await captureFrom(7);
    expect(fake.removed).toEqual([]);
    expect(await pages()).toHaveLength(1);
  });

  it('a refresh tab the operator switches to becomes theirs: forgotten, left open', async () => {
    await refresh.tabActivated(100);
    expect(await pages()).toEqual([]);
    expect(fake.removed).toEqual([]);
    await captureFrom(100);
    expect(fake.removed).toEqual([]);
    expect((await readRefreshStatus(db)).lastOutcome).toBe('taken-over');
  });

  it('turning refresh off closes the page it has open and clears the alarm', async () => {
    expect(await panel({ type: 'refresh:settings', enabled: false })).toEqual({ ok: true });
    expect(fake.removed).toEqual([100]);
    expect(fake.alarms.has(REFRESH_ALARM)).toBe(false);
  });
});

describe('start', () => {
  it('sets the alarm when refresh is on and the alarm was lost (a browser restart)', async () => {
    await saveRefreshSettings(db, { enabled: true });
    await refresh.start();
    expect(fake.alarms.get(REFRESH_ALARM)).toBe(clock.getTime());
  });
});
