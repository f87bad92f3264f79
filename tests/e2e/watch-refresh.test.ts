/**
 * The optional background refresh of watched listings in a real Chromium with the built
 * extension (lib/background/refresh.ts, lib/watch/refresh.ts, lib/content/risk-probe.ts). One
 * browser, steps in order:
 *
 * 1. A listing pinned (the panel's message), marked and refresh switched on in the options page:
 *    the listing opens in an inactive tab, its capture is stored, the tab is closed; the
 *    operator's own tabs stay open.
 * 2. A captcha on a tab the operator opened (hidden, so its probe reports) changes nothing.
 * 3. A watch whose address is a seller backend page (生意参谋), marked for refresh: the alarm
 *    fires, nothing else is due, and it is never opened.
 * 4. A listing whose figures never render, with the service worker stopped meanwhile: a new
 *    worker finds the page in storage.session when the alarm wakes it and closes the tab.
 * 5. A refresh tab the operator switches to is theirs: forgotten, left open.
 * 6. The listing address answers with a verification page (验证码): the refresh tab reports it,
 *    refresh stops with the reason kept (and shown in the options page), the tab is closed, the
 *    stop notification is shown, and the next alarm opens nothing even with pages due.
 * 7. Resumed from the options page (a new price is captured), then a redirect to Tmall's punish
 *    page (a slider) stops it again; 8. so does a redirect to a login host ShopLens cannot read.
 * 9. A listing whose server never answers is a timeout, not a redirect: refresh goes on.
 *
 * The browser (./support/real-tabs-browser.ts) keeps real tab visibility: a tab the extension
 * opens inactive is hidden, as the risk probe expects. Pages load under their real addresses
 * (`https://detail.tmall.com/item.htm?…`, no port): the refresh only ever opens public listing
 * addresses, and a port is not one.
 *
 * Time: pacing (one page a minute at most), "not due for hoursPerPage" and an open page's
 * PAGE_TIMEOUT_MS are passed by moving the refresh's own timestamps back (ageRefreshState in the
 * database, ageOpenPages in storage.session), and the alarm is made to fire at once
 * (chrome.alarms takes a short delay from an unpacked extension). Nothing in the extension is
 * there for the test. Quiet hours (22:00–08:00 China time) need the service worker's clock,
 * which the test cannot move: they are covered by tests/unit/watch/refresh.test.ts and
 * tests/unit/background/refresh.test.ts only.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_ALARM, REFRESH_NOTIFICATION_ID, REFRESH_PAGES_KEY } from '../../lib/background/refresh';
import { NOTHING_DUE_RECHECK_MS, PAGE_TIMEOUT_MS, REFRESH_SETTINGS_KEY, REFRESH_STATUS_KEY } from '../../lib/watch/refresh';
import { storedCaptures } from '../../scripts/lib/extension-db';
import { listSamplePages, startSampleSite, type SampleSite } from '../../scripts/lib/sample-site';
import { PRICE_CUT_SAMPLE, priceCut } from './support/price-cut';
import { launchWithRealTabs, type RealTabsBrowser } from './support/real-tabs-browser';

const samples = listSamplePages();
const sample = (name: string) => samples.find((p) => p.name === name)!;

/** The watched competitor listing. */
const LISTING = sample(PRICE_CUT_SAMPLE);
const LISTING_KEY = 'taobao:item:680112233445';
/** A seller backend page (生意参谋 商品360), pinned as a watch with its address. */
const BACKEND = sample('taobao/sycm-item360');
const BACKEND_KEY = 'taobao:item:729386171519';
/** The operator's own browsing: a search page, and a listing that shows them a captcha. */
const OPERATOR_SEARCH = sample('taobao/search-modern');
const OPERATOR_LISTING = sample('jd/listing-rendered-dom');

/** The listing as served, and after a price cut (89 → 79 yuan: ./support/price-cut.ts, as ./trends.test.ts uses it). */
const { original: LISTING_PAGE, cheaper: CHEAPER_LISTING_PAGE } = priceCut(samples);

/** A listing whose figures never render (the page of another item in that state: only the address differs). */
const NOT_RENDERED_PAGE = readFileSync(sample('taobao/listing-not-rendered').file, 'utf8');

/** A marketplace verification page, as served instead of a listing under risk control. */
const VERIFICATION_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>验证码拦截</title></head>
<body>
  <div class="warning"><h1>亲，访问被拦截了</h1><p>为保障您的正常访问，请输入下方验证码后继续浏览。</p></div>
  <form class="check"><img alt="" src="data:,"><input name="code" autocomplete="off"><button type="button">提交</button></form>
</body></html>`;

/** Tmall's risk control sends a listing visit to its punish page (x5sec), which draws a slider. */
const PUNISH_PATH = '/_____tmd_____/punish';
const PUNISH_REDIRECT = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${PUNISH_PATH}?x5secdata=xd1f2e3&x5step=1"></head><body></body></html>`;
const SLIDER_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>访问受限</title></head>
<body><div id="nc_1_wrapper"><div class="nc_scale"><span class="nc_iconfont btn_slide">&gt;&gt;</span></div><p>请按住滑块，拖动到最右边</p></div></body></html>`;

/** Or to the login page, on a host ShopLens has no access to (it cannot even read the tab's address there). */
const LOGIN_HOST = 'login.taobao.com';
const LOGIN_PATH = '/member/login.jhtml';
const LOGIN_REDIRECT = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=https://${LOGIN_HOST}${LOGIN_PATH}?redirectURL=x"></head><body></body></html>`;
const LOGIN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>淘宝网 - 淘！我喜欢</title></head><body><form><input name="fm-login-id"><input type="password"></form></body></html>`;

/** A watched listing whose server takes the connection and never answers (a hung server, a stalled proxy). */
const SLOW_LISTING_URL = 'https://item.taobao.com/item.htm?id=712345678901';
const SLOW_LISTING_KEY = 'taobao:item:712345678901';

const DAY_MS = 24 * 3600 * 1000;

let site: SampleSite;
let silent: Server;
const silentSockets: Socket[] = [];
let browser: RealTabsBrowser;
/** What the watched listing's address answers with. */
let listingAnswer: 'listing' | 'cheaper' | 'notRendered' | 'verification' | 'punish' | 'login' = 'listing';
/** Every tab that opened, and those the test opened itself (the operator's, the options page). */
const allPages: Page[] = [];
const ownPages = new Set<Page>();
/** Tabs the extension opened, in order (a tab the test opens is announced before newPage returns it: filtered when read). */
const openedByExtension = () => allPages.filter((page) => !ownPages.has(page));
let options: Page;
let operatorSearch: Page;

beforeAll(async () => {
  const listingUrl = new URL(LISTING.realUrl);
  const operatorUrl = new URL(OPERATOR_LISTING.realUrl);
  site = await startSampleSite([LISTING, BACKEND, OPERATOR_SEARCH, OPERATOR_LISTING], {
    [`${listingUrl.hostname}${listingUrl.pathname}`]: () => ({
      type: 'text/html; charset=utf-8',
      body: { listing: LISTING_PAGE, cheaper: CHEAPER_LISTING_PAGE, notRendered: NOT_RENDERED_PAGE, verification: VERIFICATION_PAGE, punish: PUNISH_REDIRECT, login: LOGIN_REDIRECT }[listingAnswer],
    }),
    [`${LOGIN_HOST}${LOGIN_PATH}`]: () => ({ type: 'text/html; charset=utf-8', body: LOGIN_PAGE }),
    [`${listingUrl.hostname}${PUNISH_PATH}`]: () => ({ type: 'text/html; charset=utf-8', body: SLIDER_PAGE }),
    [`${operatorUrl.hostname}${operatorUrl.pathname}`]: () => ({ type: 'text/html; charset=utf-8', body: VERIFICATION_PAGE }),
  });
  silent = createServer((socket) => void silentSockets.push(socket));
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  const silentPort = (silent.address() as { port: number }).port;
  browser = await launchWithRealTabs({ hosts: [...site.hosts, LOGIN_HOST], port: site.port, otherPorts: { [new URL(SLOW_LISTING_URL).hostname]: silentPort } });
  browser.context.on('page', (page) => void allPages.push(page));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  for (const socket of silentSockets) socket.destroy();
  await new Promise((done) => (silent ? silent.close(done) : done(undefined)));
});

// ----- helpers ---------------------------------------------------------------------------------

async function newOwnPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  ownPages.add(page);
  await page.goto(url);
  return page;
}

/**
 * Test-side listeners in the options page (they outlive a service worker restart): which alarms
 * fired and which risk signals were sent from which tab. Extension pages receive both events as
 * the service worker does; these listeners only record and never answer.
 */
async function installSpies(): Promise<void> {
  await options.evaluate(() => {
    const g = globalThis as unknown as { chrome: any; __fired: string[]; __signals: { url: string; tabUrl: string }[] };
    g.__fired = [];
    g.__signals = [];
    g.chrome.alarms.onAlarm.addListener((alarm: { name: string }) => g.__fired.push(alarm.name));
    g.chrome.runtime.onMessage.addListener((message: { type?: string; url?: string }, sender: { tab?: { url?: string } }) => {
      if (message?.type === 'risk-signal') g.__signals.push({ url: String(message.url), tabUrl: sender.tab?.url ?? '' });
      return undefined;
    });
  });
}

async function spied(): Promise<{ fired: string[]; signals: { url: string; tabUrl: string }[] }> {
  return options.evaluate(() => {
    const g = globalThis as unknown as { __fired?: string[]; __signals?: { url: string; tabUrl: string }[] };
    return { fired: [...(g.__fired ?? [])], signals: [...(g.__signals ?? [])] };
  });
}

/** Makes the refresh's alarm fire in half a second (unpacked extensions may), and waits until it has. */
async function fireAlarmNow(): Promise<void> {
  const before = (await spied()).fired.filter((name) => name === REFRESH_ALARM).length;
  await options.evaluate((name) => (globalThis as unknown as { chrome: any }).chrome.alarms.create(name, { when: Date.now() + 500 }), REFRESH_ALARM);
  await expect.poll(async () => (await spied()).fired.filter((name) => name === REFRESH_ALARM).length, { timeout: 15_000 }).toBeGreaterThan(before);
}

async function refreshAlarm(): Promise<{ scheduledTime: number } | undefined> {
  return options.evaluate(async (name) => {
    const alarm = await (globalThis as unknown as { chrome: any }).chrome.alarms.get(name);
    return alarm ? { scheduledTime: alarm.scheduledTime as number } : undefined;
  }, REFRESH_ALARM);
}

/** A message to the background as the options page and the panel send it. */
async function sendPanelMessage(message: Record<string, unknown>): Promise<unknown> {
  return options.evaluate((m) => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage(m), message);
}

/** Rows of one object store of the extension's database, read from an extension page. */
async function storeRows<T>(store: string): Promise<T[]> {
  return options.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('shoplens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

async function setting<T>(key: string): Promise<T | undefined> {
  return (await storeRows<{ key: string; value: T }>('settings')).find((row) => row.key === key)?.value;
}

/**
 * "Time passes": every timestamp the refresh decides by (its last page, each watch's last
 * refresh, each entity's last visit) moves `ms` into the past, so the pace and the
 * hours-per-page wait are over without waiting for them.
 */
async function ageRefreshState(ms: number): Promise<void> {
  await options.evaluate(
    ({ ms, statusKey }) =>
      new Promise<void>((resolve, reject) => {
        const earlier = (iso: unknown) => (typeof iso === 'string' ? new Date(Date.parse(iso) - ms).toISOString() : iso);
        const open = indexedDB.open('shoplens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['settings', 'watches', 'entities'], 'readwrite');
          const each = (store: string, change: (row: Record<string, unknown>) => void) => {
            const cursor = tx.objectStore(store).openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (!at) return;
              const row = { ...(at.value as Record<string, unknown>) };
              change(row);
              at.update(row);
              at.continue();
            };
          };
          each('settings', (row) => {
            if (row.key !== statusKey) return;
            const value = { ...(row.value as Record<string, unknown>) };
            value.lastPageAt = earlier(value.lastPageAt);
            row.value = value;
          });
          each('watches', (row) => {
            if (row.lastRefreshAt) row.lastRefreshAt = earlier(row.lastRefreshAt);
          });
          each('entities', (row) => {
            row.lastSeen = earlier(row.lastSeen);
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { ms, statusKey: REFRESH_STATUS_KEY },
  );
}

/**
 * "The open page's time is up": the pages the refresh has open (storage.session) are noted as
 * opened PAGE_TIMEOUT_MS and a bit ago. Returns how many it has open.
 */
async function ageOpenPages(): Promise<number> {
  return options.evaluate(
    async ({ key, ms }) => {
      const session = (globalThis as unknown as { chrome: any }).chrome.storage.session;
      const pages = ((await session.get(key))[key] ?? []) as { openedAt: string }[];
      await session.set({ [key]: pages.map((page) => ({ ...page, openedAt: new Date(Date.parse(page.openedAt) - ms).toISOString() })) });
      return pages.length;
    },
    { key: REFRESH_PAGES_KEY, ms: PAGE_TIMEOUT_MS + 5_000 },
  );
}

/** The open tab at or loading `address`, as the extension sees it (`url` only once a page is there). */
async function openTabOf(address: string): Promise<{ url?: string; pendingUrl?: string } | undefined> {
  return options.evaluate(async (href) => {
    const tabs = (await (globalThis as unknown as { chrome: any }).chrome.tabs.query({})) as { url?: string; pendingUrl?: string }[];
    const tab = tabs.find((t) => t.url === href || t.pendingUrl === href);
    return tab ? { ...(tab.url ? { url: tab.url } : {}), ...(tab.pendingUrl ? { pendingUrl: tab.pendingUrl } : {}) } : undefined;
  }, address);
}

/** Tabs the extension opens from now on. */
function pagesOpenedAfter(count: number): Page[] {
  return openedByExtension().slice(count);
}

/** The prices of the stored captures of the watched listing, oldest first. */
async function listingPrices(): Promise<(number | undefined)[]> {
  const id = new URL(LISTING.realUrl).searchParams.get('id')!;
  return (await storedCaptures(options))
    .filter((capture) => capture.pageKind === 'listing' && capture.listing?.itemId === id)
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
    .map((capture) => capture.listing?.price?.min);
}

/** Waits until the extension has opened a tab; returns it, its address, and whether it is the active tab. */
async function nextRefreshTab(openedBefore: number): Promise<{ page: Page; url: string; active: boolean | undefined }> {
  await expect.poll(() => openedByExtension().length, { timeout: 20_000 }).toBeGreaterThan(openedBefore);
  const page = openedByExtension()[openedBefore]!;
  // Whether the browser made it the active tab, while it is still open.
  const active = await options
    .evaluate(async (href) => {
      const tabs = (await (globalThis as unknown as { chrome: any }).chrome.tabs.query({})) as { url?: string; pendingUrl?: string; active: boolean }[];
      return tabs.find((tab) => tab.url === href || tab.pendingUrl === href)?.active;
    }, LISTING.realUrl)
    .catch(() => undefined);
  return { page, url: page.url(), active };
}

// ----- the test --------------------------------------------------------------------------------

describe('background refresh of watched listings', () => {
  it('refreshes a watched listing in a background tab, stores its capture and closes the tab; the operator’s tabs stay', async () => {
    operatorSearch = await newOwnPage(OPERATOR_SEARCH.realUrl);
    options = await newOwnPage(`chrome-extension://${browser.extensionId}/options.html`);
    await installSpies();
    await options.locator('[data-testid="background-refresh-section"]').waitFor();
    // Off by default.
    await expect.poll(() => options.locator('[data-testid="refresh-switch"]').isDisabled()).toBe(false);
    expect(await options.locator('[data-testid="refresh-switch"]').isChecked()).toBe(false);

    // Pinned as the panel's pin button does (the listing was never visited here: it is due).
    const name = '316不锈钢保温杯';
    expect(await sendPanelMessage({ type: 'watch:pin', key: LISTING_KEY, platform: 'taobao', kind: 'item', ref: '680112233445', name, url: LISTING.realUrl })).toEqual({ ok: true });
    // A seller backend page pinned with its address and marked for refresh (the panel offers no
    // mark for it; the message still carries one).
    expect(await sendPanelMessage({ type: 'watch:pin', key: BACKEND_KEY, platform: 'taobao', kind: 'item', ref: '729386171519', name: '自家商品', url: BACKEND.realUrl })).toEqual({ ok: true });
    expect(await sendPanelMessage({ type: 'watch:update', key: BACKEND_KEY, refresh: true })).toEqual({ ok: true });

    // The options page lists the listing (not the backend page) with its mark; mark it, switch refresh on.
    const row = options.locator(`[data-testid="refresh-watch"][data-key="${LISTING_KEY}"]`);
    await row.waitFor();
    expect(await options.locator(`[data-testid="refresh-watch"][data-key="${BACKEND_KEY}"]`).count()).toBe(0);
    // Controlled by the database: the box shows the mark once the background has stored it.
    await row.locator('input[type="checkbox"]').click();
    await options.locator(`[data-testid="refresh-watch"][data-key="${LISTING_KEY}"][data-marked="true"]`).waitFor();
    expect(await listingPrices()).toEqual([]);

    const openedBefore = openedByExtension().length;
    await options.locator('[data-testid="refresh-switch"]').click();

    const refreshTab = await nextRefreshTab(openedBefore);
    expect(refreshTab.url).toBe(LISTING.realUrl);
    expect(refreshTab.active).toBe(false);
    // Its capture is stored by the normal path, then the tab is closed.
    await expect.poll(listingPrices, { timeout: 20_000 }).toEqual([89]);
    await expect.poll(() => refreshTab.page.isClosed(), { timeout: 10_000 }).toBe(true);
    const status = await setting<{ lastOutcome?: string; lastUrl?: string }>(REFRESH_STATUS_KEY);
    expect(status).toMatchObject({ lastOutcome: 'captured', lastUrl: LISTING.realUrl });
    await options.locator('[data-testid="refresh-last"][data-outcome="captured"]').waitFor();
    // One page only: the backend page was not opened after it.
    expect(pagesOpenedAfter(openedBefore)).toHaveLength(1);

    // The operator's tabs: still open, still where they were.
    expect(operatorSearch.isClosed()).toBe(false);
    expect(operatorSearch.url()).toBe(OPERATOR_SEARCH.realUrl);
  });

  it('ignores a captcha on a tab the operator opened', async () => {
    const operatorListing = await newOwnPage(OPERATOR_LISTING.realUrl);
    // The operator looks at another tab: theirs is hidden, and its risk probe looks and reports.
    await options.bringToFront();
    await expect.poll(() => operatorListing.evaluate(() => document.hidden)).toBe(true);
    await expect.poll(async () => (await spied()).signals.map((s) => s.tabUrl), { timeout: 20_000 }).toContain(OPERATOR_LISTING.realUrl);
    // Let the background handle it, then: refresh still on, nothing stopped, the operator's tab open.
    await options.waitForTimeout(500);
    expect(await setting<{ enabled?: boolean; stopped?: unknown }>(REFRESH_SETTINGS_KEY)).toMatchObject({ enabled: true });
    expect((await setting<{ stopped?: unknown }>(REFRESH_SETTINGS_KEY))?.stopped).toBeUndefined();
    expect(operatorListing.isClosed()).toBe(false);
  });

  it('never opens a seller backend page, even watched and marked for refresh', async () => {
    const openedBefore = openedByExtension().length;
    const requestsBefore = site.requests.length;
    // The pace is over and the backend watch (never read) is the only one due.
    await ageRefreshState(5 * 60 * 1000);
    await fireAlarmNow();
    // The tick found nothing to do: it looks again in NOTHING_DUE_RECHECK_MS.
    await expect.poll(async () => ((await refreshAlarm())?.scheduledTime ?? 0) - Date.now(), { timeout: 10_000 }).toBeGreaterThan(NOTHING_DUE_RECHECK_MS - 60_000);
    expect(pagesOpenedAfter(openedBefore)).toEqual([]);
    expect(site.requests.slice(requestsBefore).filter((r) => r.startsWith(new URL(BACKEND.realUrl).hostname))).toEqual([]);
  });

  it('closes a page that never shows its figures when its time is up, after the service worker was stopped meanwhile', async () => {
    listingAnswer = 'notRendered';
    const openedBefore = openedByExtension().length;
    await ageRefreshState(2 * DAY_MS);
    await fireAlarmNow();
    await expect.poll(() => openedByExtension().length, { timeout: 20_000 }).toBeGreaterThan(openedBefore);
    const waiting = openedByExtension()[openedBefore]!;
    await waiting.waitForLoadState('domcontentloaded');
    expect(waiting.url()).toBe(LISTING.realUrl);

    // The browser stops the idle service worker (it does after 30 s): what the refresh had open
    // must survive in storage.session, and the alarm must wake it (its in-memory timer is gone).
    const cdp = await browser.context.newCDPSession(options);
    const workerStates: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) workerStates.push(version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // (Something may wake it again at once, a message from the waiting page: it is a new worker all the same.)
    await expect.poll(() => workerStates, { timeout: 10_000 }).toContain('stopped');
    const stoppedAt = workerStates.indexOf('stopped') + 1;
    expect(waiting.isClosed()).toBe(false);

    // Its time (PAGE_TIMEOUT_MS) is up, and the alarm fires (set from the options page: no worker runs).
    expect(await ageOpenPages()).toBe(1);
    await options.evaluate((name) => (globalThis as unknown as { chrome: any }).chrome.alarms.create(name, { when: Date.now() + 500 }), REFRESH_ALARM);
    // A new worker wakes, finds the page in storage.session, and closes it.
    await expect.poll(() => waiting.isClosed(), { timeout: 15_000 }).toBe(true);
    expect(workerStates.slice(stoppedAt)).toContain('running');
    await cdp.detach();
    await expect.poll(() => setting<{ lastOutcome?: string; pagesWithoutFigures?: number }>(REFRESH_STATUS_KEY), { timeout: 10_000 }).toMatchObject({ lastOutcome: 'timeout', pagesWithoutFigures: 1 });
    // One page without figures is no stop.
    expect((await setting<{ enabled?: boolean; stopped?: unknown }>(REFRESH_SETTINGS_KEY))?.enabled).toBe(true);
  });

  it('leaves a refresh tab the operator switched to open: it is theirs', async () => {
    // Still a page without figures: it would be closed when its time is up.
    const openedBefore = openedByExtension().length;
    await ageRefreshState(2 * DAY_MS);
    await fireAlarmNow();
    await expect.poll(() => openedByExtension().length, { timeout: 20_000 }).toBeGreaterThan(openedBefore);
    const taken = openedByExtension()[openedBefore]!;
    await taken.waitForLoadState('domcontentloaded');
    await taken.bringToFront();
    await expect.poll(() => setting<{ lastOutcome?: string }>(REFRESH_STATUS_KEY), { timeout: 10_000 }).toMatchObject({ lastOutcome: 'taken-over' });
    // Forgotten: nothing left to time out, and the next tick leaves the tab alone.
    expect(await ageOpenPages()).toBe(0);
    await fireAlarmNow();
    await options.waitForTimeout(1_000);
    expect(taken.isClosed()).toBe(false);
    expect((await setting<{ enabled?: boolean }>(REFRESH_SETTINGS_KEY))?.enabled).toBe(true);
    // The operator is done with it.
    await taken.close();
    await options.bringToFront();
  });

  it('stops at a verification page on the refreshed listing, says why, and opens nothing on the next alarm', async () => {
    listingAnswer = 'verification';
    const openedBefore = openedByExtension().length;
    await ageRefreshState(2 * DAY_MS);
    await fireAlarmNow();

    const refreshTab = await nextRefreshTab(openedBefore);
    expect(refreshTab.url).toBe(LISTING.realUrl);
    // The refresh tab reported the sign; refresh stopped with the reason kept.
    await expect.poll(async () => (await setting<{ stopped?: unknown }>(REFRESH_SETTINGS_KEY))?.stopped, { timeout: 20_000 }).toBeDefined();
    const settings = await setting<{ enabled: boolean; stopped: { kind: string; evidence: string; url: string } }>(REFRESH_SETTINGS_KEY);
    expect(settings).toMatchObject({ enabled: false, stopped: { kind: 'captcha', evidence: '验证码', url: LISTING.realUrl } });
    expect((await spied()).signals.map((s) => s.tabUrl)).toContain(LISTING.realUrl);
    // Its tab is closed, the alarm cleared, the operator told.
    await expect.poll(() => refreshTab.page.isClosed(), { timeout: 10_000 }).toBe(true);
    expect(await refreshAlarm()).toBeUndefined();
    const shown = await options.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.notifications.getAll() as Promise<Record<string, boolean>>);
    expect(Object.keys(shown)).toContain(REFRESH_NOTIFICATION_ID);
    // The options page says so, and the switch is off.
    await options.locator('[data-testid="refresh-stopped"][data-kind="captcha"]').waitFor();
    expect(await options.locator('[data-testid="refresh-switch"]').isChecked()).toBe(false);

    // The next alarm, with every page due again and the page readable again: nothing opens.
    listingAnswer = 'listing';
    const openedAfterStop = openedByExtension().length;
    const requestsAfterStop = site.requests.length;
    await ageRefreshState(2 * DAY_MS);
    await fireAlarmNow();
    await options.waitForTimeout(2_000);
    expect(pagesOpenedAfter(openedAfterStop)).toEqual([]);
    expect(site.requests.slice(requestsAfterStop)).toEqual([]);
    expect(await refreshAlarm()).toBeUndefined();

    // The operator's tabs are still there.
    expect(operatorSearch.isClosed()).toBe(false);
  });

  it('resumes only when the operator turns it on again, and stops at a redirect to the punish page', async () => {
    // Resume from the options page: the listing (due again, its price cut meanwhile) is refreshed and captured.
    listingAnswer = 'cheaper';
    const openedBefore = openedByExtension().length;
    await options.locator('[data-testid="refresh-resume"]').click();
    const resumed = await nextRefreshTab(openedBefore);
    expect(resumed.url).toBe(LISTING.realUrl);
    await expect.poll(listingPrices, { timeout: 20_000 }).toEqual([89, 79]);
    await expect.poll(() => resumed.page.isClosed(), { timeout: 10_000 }).toBe(true);
    expect((await setting<{ enabled?: boolean; stopped?: unknown }>(REFRESH_SETTINGS_KEY))?.stopped).toBeUndefined();
    await options.locator('[data-testid="refresh-stopped"]').waitFor({ state: 'detached' });

    // Next time the listing address sends the tab to the punish page (a slider).
    listingAnswer = 'punish';
    const openedBeforePunish = openedByExtension().length;
    await ageRefreshState(2 * DAY_MS);
    await fireAlarmNow();
    const punished = await nextRefreshTab(openedBeforePunish);
    await expect.poll(async () => (await setting<{ stopped?: unknown }>(REFRESH_SETTINGS_KEY))?.stopped, { timeout: 20_000 }).toBeDefined();
    const settings = (await setting<{ enabled: boolean; stopped: { kind: string; evidence: string; url: string } }>(REFRESH_SETTINGS_KEY))!;
    // The address gives it away first (the page status and the probe both look at it before the page).
    expect(settings.enabled).toBe(false);
    expect(settings.stopped.kind).toBe('captcha');
    expect(settings.stopped.evidence).toBe('/punish');
    expect(new URL(settings.stopped.url).pathname).toBe(PUNISH_PATH);
    await expect.poll(() => punished.page.isClosed(), { timeout: 10_000 }).toBe(true);
    expect(await refreshAlarm()).toBeUndefined();
    expect(operatorSearch.isClosed()).toBe(false);
  });

  it('stops when the listing sends its tab to a login page it cannot read, once the page’s time is up', async () => {
    listingAnswer = 'login';
    await ageRefreshState(2 * DAY_MS);
    const openedBefore = openedByExtension().length;
    await options.locator('[data-testid="refresh-resume"]').click();
    await expect.poll(() => openedByExtension().length, { timeout: 20_000 }).toBeGreaterThan(openedBefore);
    const redirected = openedByExtension()[openedBefore]!;
    await expect.poll(() => new URL(redirected.url()).hostname, { timeout: 10_000 }).toBe(LOGIN_HOST);
    // Nothing runs on the login page; the refresh finds out when the page's time is up.
    expect(await ageOpenPages()).toBe(1);
    await fireAlarmNow();
    await expect.poll(async () => (await setting<{ stopped?: unknown }>(REFRESH_SETTINGS_KEY))?.stopped, { timeout: 10_000 }).toBeDefined();
    expect(await setting(REFRESH_SETTINGS_KEY)).toMatchObject({ enabled: false, stopped: { kind: 'redirect', url: LISTING.realUrl } });
    await expect.poll(() => redirected.isClosed(), { timeout: 10_000 }).toBe(true);
    await options.locator('[data-testid="refresh-stopped"][data-kind="redirect"]').waitFor();
    expect(operatorSearch.isClosed()).toBe(false);
  });

  it('a listing still loading when its time is up is a timeout, not a redirect: refresh goes on', async () => {
    // Only the slow listing is due: watched and marked; the first listing unmarked.
    expect(await sendPanelMessage({ type: 'watch:pin', key: SLOW_LISTING_KEY, platform: 'taobao', kind: 'item', ref: '712345678901', name: '陶瓷马克杯', url: SLOW_LISTING_URL })).toEqual({ ok: true });
    expect(await sendPanelMessage({ type: 'watch:update', key: SLOW_LISTING_KEY, refresh: true })).toEqual({ ok: true });
    expect(await sendPanelMessage({ type: 'watch:update', key: LISTING_KEY, refresh: false })).toEqual({ ok: true });
    await ageRefreshState(2 * DAY_MS);
    await options.locator('[data-testid="refresh-resume"]').click();
    // (Playwright announces a page only once it has loaded something: this tab is looked at through the extension's APIs.)
    await expect.poll(() => openTabOf(SLOW_LISTING_URL), { timeout: 20_000 }).toMatchObject({ pendingUrl: SLOW_LISTING_URL });
    expect((await openTabOf(SLOW_LISTING_URL))?.url).toBeUndefined();
    expect(await ageOpenPages()).toBe(1);
    await fireAlarmNow();
    await expect.poll(() => openTabOf(SLOW_LISTING_URL), { timeout: 10_000 }).toBeUndefined();
    await expect.poll(() => setting<{ lastOutcome?: string; lastUrl?: string }>(REFRESH_STATUS_KEY), { timeout: 10_000 }).toMatchObject({ lastOutcome: 'timeout', lastUrl: SLOW_LISTING_URL });
    const settings = await setting<{ enabled?: boolean; stopped?: unknown }>(REFRESH_SETTINGS_KEY);
    expect(settings?.stopped).toBeUndefined();
    expect(settings?.enabled).toBe(true);
  });
});
