/**
 * The background refresh of watched listings, wired to the browser: one alarm, background tabs
 * the refresh opens and closes itself, and the stop at the first sign of risk control. The
 * decisions (which page, when, pacing, quiet hours) are lib/watch/refresh.ts; this file does what
 * they say.
 *
 * How a page is refreshed
 * 1. The alarm (REFRESH_ALARM) fires; `tick` asks decideRefresh. To open a page it notes the
 *    time first (pacing holds even if opening fails), then opens the address in an inactive tab
 *    (`tabs.create({ active: false })`: no `tabs` permission needed, and the operator's own tab
 *    keeps the focus) and remembers the tab id in `storage.session` (REFRESH_PAGES_KEY: it
 *    survives the service worker stopping, not a browser restart, after which ids are reused).
 * 2. The content script of that page captures it as on any visit; the capture is stored by the
 *    normal path (lib/background/handle-capture.ts), which then tells `accepted` here: the tab
 *    is closed.
 * 3. A page whose capture has not come after PAGE_TIMEOUT_MS is looked at (an address ShopLens
 *    cannot read means it was sent to a login or verification page; a page still loading its
 *    listing address is only slow) and closed.
 *
 * The stop: a risk signal from the content script of a tab the refresh opened
 * (lib/content/risk-probe.ts), a punish or login address in its page status, a redirect off the
 * readable hosts, or MAX_PAGES_WITHOUT_FIGURES pages in a row without figures. Then the setting
 * says `stopped` (when, why, where), the alarm is cleared, the tabs the refresh opened are closed,
 * and a notification tells the operator. Only the operator turning refresh on again resumes it.
 *
 * Only tabs the refresh opened are ever closed, and only while it still owns them: a tab the
 * operator switches to or closes is forgotten at once (`tabActivated`, `tabRemoved`). Messages
 * from any other tab change nothing here.
 *
 * Every entry point runs in one queue, so a capture arriving during a tick cannot race it.
 */
import type { ShopLensDb } from '../db/schema';
import { readRefreshSettings, readRefreshStatus } from '../settings/background-refresh';
import {
  afterPage,
  decideRefresh,
  nextCheckAt,
  PAGE_TIMEOUT_MS,
  riskSignal,
  tooManyPagesWithoutFigures,
  type PageOutcome,
  type RefreshCandidate,
  type RiskSignal,
} from '../watch/refresh';
import { describeRefreshStop } from '../watch/refresh-text';
import { markRefreshed, saveRefreshStatus, stopRefresh } from '../watch/store';
import type { AcceptedEvent } from './handle-capture';
import { NOTIFICATION_ICON, notificationLangNow, type NotificationLang, type NotificationsApi } from './notify';
import { riskSignalMessageSchema } from './refresh-messages';

export const REFRESH_ALARM = 'shoplens:refresh';
/** Key in `browser.storage.session`: the pages the refresh has open. */
export const REFRESH_PAGES_KEY = 'refreshPages';
export const REFRESH_NOTIFICATION_ID = 'shoplens:refresh-stopped';

/** A page the refresh opened and has not finished with. */
export interface OpenedPage {
  tabId: number;
  /** The watch whose page it is. */
  key: string;
  url: string;
  openedAt: string;
}

/** The browser APIs the refresh uses (WXT's `browser`; fakes in tests). */
export interface RefreshApi {
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): Promise<unknown> | unknown;
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
  };
  tabs: {
    create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
    remove(tabId: number): Promise<void>;
    /**
     * Rejects or resolves undefined when the tab is gone. `url` is absent when ShopLens may not
     * read the tab's page, and also while its first page is still loading: then `pendingUrl` is
     * the address it is loading (absent too when ShopLens may not read that one).
     */
    get(tabId: number): Promise<{ id?: number; url?: string; pendingUrl?: string } | undefined>;
  };
  notifications?: NotificationsApi;
  /** `browser.storage.session`. */
  session: {
    get(keys: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
}

export interface RefreshDeps {
  db: ShopLensDb;
  api: RefreshApi;
  /** The notification's language (the background passes the operator's stored choice, read when the notification is shown). */
  lang: NotificationLang;
  now?: () => Date;
  /** The registry's check: a public listing page ShopLens reads (lib/watch/refresh.ts mayOpen). */
  isListingPage?: (url: string) => boolean;
  /** An in-memory timer to look again when an opened page's time is up (the alarm is the fallback when the worker sleeps). */
  setTimer?: (handler: () => void, ms: number) => unknown;
  log?: (message: string, detail?: unknown) => void;
}

export interface BackgroundRefresh {
  /** Decide and act now (the alarm, a settings change). */
  tick(): Promise<void>;
  onAlarm(alarm: { name: string }): Promise<void>;
  /** At service worker start: an alarm for refresh when it is on and none is set. */
  start(): Promise<void>;
  /** A content message passed every check (handle-capture's onAccepted). */
  accepted(event: AcceptedEvent): Promise<void>;
  /** A `risk-signal` runtime message (unvalidated) and its sender. */
  riskSignal(message: unknown, sender: { tab?: { id?: number } }): Promise<void>;
  tabRemoved(tabId: number): Promise<void>;
  tabActivated(tabId: number): Promise<void>;
}

function isOpenedPage(value: unknown): value is OpenedPage {
  const page = value as Partial<OpenedPage> | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    typeof page.tabId === 'number' &&
    typeof page.key === 'string' &&
    typeof page.url === 'string' &&
    typeof page.openedAt === 'string'
  );
}

export function createBackgroundRefresh(deps: RefreshDeps): BackgroundRefresh {
  const { db, api } = deps;
  const now = () => deps.now?.() ?? new Date();
  const log = deps.log ?? ((message: string, detail?: unknown) => console.warn(`ShopLens: ${message}`, detail ?? ''));

  let queue: Promise<unknown> = Promise.resolve();
  function serialised(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task, task).catch((error: unknown) => log('background refresh failed', error));
    queue = run;
    return run;
  }

  // ----- the pages the refresh has open ------------------------------------------------------

  async function readPages(): Promise<OpenedPage[]> {
    const stored = (await api.session.get(REFRESH_PAGES_KEY))[REFRESH_PAGES_KEY];
    return Array.isArray(stored) ? stored.filter(isOpenedPage) : [];
  }

  async function writePages(pages: readonly OpenedPage[]): Promise<void> {
    await api.session.set({ [REFRESH_PAGES_KEY]: pages });
  }

  async function forget(tabId: number): Promise<OpenedPage | undefined> {
    const pages = await readPages();
    const page = pages.find((p) => p.tabId === tabId);
    if (page) await writePages(pages.filter((p) => p.tabId !== tabId));
    return page;
  }

  async function closeTab(tabId: number): Promise<void> {
    try {
      await api.tabs.remove(tabId);
    } catch {
      // Already closed.
    }
  }

  async function tabOf(tabId: number): Promise<{ url?: string; pendingUrl?: string } | undefined> {
    try {
      return await api.tabs.get(tabId);
    } catch {
      return undefined;
    }
  }

  // ----- stopping ----------------------------------------------------------------------------

  async function stop(signal: RiskSignal, url: string): Promise<void> {
    const at = now();
    const settings = await stopRefresh(db, signal, url, at);
    const pages = await readPages();
    await writePages([]);
    for (const page of pages) await closeTab(page.tabId);
    await saveRefreshStatus(db, (status) => afterPage(status, 'risk', at));
    await api.alarms.clear(REFRESH_ALARM);
    if (settings.stopped && api.notifications) {
      const text = describeRefreshStop(settings.stopped, await notificationLangNow(deps.lang));
      try {
        await api.notifications.create(REFRESH_NOTIFICATION_ID, { type: 'basic', iconUrl: NOTIFICATION_ICON, title: text.title, message: text.body.slice(0, 300), priority: 2 });
      } catch (error) {
        log('refresh stop notification failed', error);
      }
    }
  }

  /** An opened page is done: forget it, close its tab (unless the operator has it), and count it. Returns true when refresh stopped. */
  async function finish(page: OpenedPage, outcome: PageOutcome): Promise<boolean> {
    await forget(page.tabId);
    if (outcome !== 'taken-over') await closeTab(page.tabId);
    const status = await saveRefreshStatus(db, (current) => afterPage(current, outcome, now()));
    if (tooManyPagesWithoutFigures(status)) {
      await stop({ kind: 'noFigures', evidence: '' }, page.url);
      return true;
    }
    return false;
  }

  // ----- deciding ----------------------------------------------------------------------------

  async function candidates(): Promise<RefreshCandidate[]> {
    const watches = (await db.watches.toArray()).filter((watch) => watch.refresh && watch.kind === 'item' && watch.url);
    const entities = await db.entities.bulkGet(watches.map((watch) => watch.key));
    return watches.map((watch, i) => {
      const candidate: RefreshCandidate = { key: watch.key, refresh: watch.refresh };
      if (watch.url) candidate.url = watch.url;
      if (watch.lastRefreshAt) candidate.lastRefreshAt = watch.lastRefreshAt;
      const lastSeen = entities[i]?.lastSeen;
      if (lastSeen) candidate.lastSeen = lastSeen;
      return candidate;
    });
  }

  async function schedule(when: Date | undefined): Promise<void> {
    if (when) await api.alarms.create(REFRESH_ALARM, { when: when.getTime() });
    else await api.alarms.clear(REFRESH_ALARM);
  }

  /** Pages whose time is up: a redirect off the readable pages or a risk address stops refresh; otherwise the page timed out. */
  async function expire(at: Date): Promise<boolean> {
    for (const page of await readPages()) {
      if (at.getTime() - Date.parse(page.openedAt) < PAGE_TIMEOUT_MS) continue;
      const tab = await tabOf(page.tabId);
      if (!tab) {
        await forget(page.tabId);
        continue;
      }
      // A page still loading (a slow or unanswered listing) has no `url` yet, only `pendingUrl`:
      // that is a timeout like any other, not a redirect.
      const address = tab.url || tab.pendingUrl;
      if (!address) {
        // ShopLens may read every listing host: a tab whose address it may not see has left them.
        await stop({ kind: 'redirect', evidence: '' }, page.url);
        return true;
      }
      const sign = riskSignal({ url: address });
      if (sign) {
        await stop(sign, address);
        return true;
      }
      if (await finish(page, 'timeout')) return true;
    }
    return false;
  }

  async function runTick(): Promise<void> {
    const at = now();
    if (await expire(at)) return;
    const settings = await readRefreshSettings(db);
    if (settings.stopped || !settings.enabled) {
      // Turned off: close what it still has open, and sleep.
      const pages = await readPages();
      await writePages([]);
      for (const page of pages) await closeTab(page.tabId);
      await schedule(undefined);
      return;
    }
    const pages = await readPages();
    const status = await readRefreshStatus(db);
    const decision = decideRefresh({
      now: at,
      settings,
      ...(status.lastPageAt ? { lastPageAt: status.lastPageAt } : {}),
      pageOpen: pages.length > 0,
      candidates: await candidates(),
      ...(deps.isListingPage ? { isListingPage: deps.isListingPage } : {}),
    });
    if (decision.action === 'idle') {
      const earliest = pages.length > 0 ? Math.min(...pages.map((p) => Date.parse(p.openedAt) + PAGE_TIMEOUT_MS)) : undefined;
      await schedule(decision.reason === 'busy' && earliest !== undefined ? new Date(Math.max(earliest, at.getTime())) : nextCheckAt(decision, at));
      return;
    }
    // Noted before the tab opens: the pace holds even if opening fails or the worker stops.
    await saveRefreshStatus(db, (current) => ({ ...current, lastPageAt: at.toISOString(), lastKey: decision.key, lastUrl: decision.url }));
    await markRefreshed(db, decision.key, at);
    let tabId: number | undefined;
    try {
      tabId = (await api.tabs.create({ url: decision.url, active: false })).id;
    } catch (error) {
      log('background refresh could not open a tab', error);
    }
    if (tabId === undefined) {
      await saveRefreshStatus(db, (current) => afterPage(current, 'open-failed', at));
      await schedule(nextCheckAt({ action: 'idle', reason: 'too-soon' }, at));
      return;
    }
    await writePages([...(await readPages()), { tabId, key: decision.key, url: decision.url, openedAt: at.toISOString() }]);
    await schedule(nextCheckAt(decision, at));
    deps.setTimer?.(() => void tick(), PAGE_TIMEOUT_MS + 1000);
  }

  function tick(): Promise<void> {
    return serialised(runTick);
  }

  return {
    tick,
    onAlarm(alarm) {
      return alarm.name === REFRESH_ALARM ? tick() : Promise.resolve();
    },
    start() {
      return serialised(async () => {
        const settings = await readRefreshSettings(db);
        if (!settings.enabled || settings.stopped) return;
        // Alarms usually outlive a browser restart, but not always.
        if (!(await api.alarms.get(REFRESH_ALARM))) await schedule(new Date(now().getTime()));
      });
    },
    accepted(event) {
      return serialised(async () => {
        const page = (await readPages()).find((p) => p.tabId === event.tabId);
        if (!page) return; // not a page the refresh opened: the operator's own browsing
        const sign = riskSignal({ url: event.url });
        if (sign) return stop(sign, event.url);
        if (event.type === 'capture') {
          if (!(await finish(page, 'captured'))) await runTick();
        } else if (event.state === 'not-recognised') {
          if (!(await finish(page, 'not-recognised'))) await runTick();
        }
      });
    },
    riskSignal(message, sender) {
      return serialised(async () => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return;
        const parsed = riskSignalMessageSchema.safeParse(message);
        if (!parsed.success) return;
        const page = (await readPages()).find((p) => p.tabId === tabId);
        if (!page) return; // the operator's own tab: never acted on
        await stop({ kind: parsed.data.kind, evidence: parsed.data.evidence }, parsed.data.url);
      });
    },
    tabRemoved(tabId) {
      return serialised(async () => {
        const page = (await readPages()).find((p) => p.tabId === tabId);
        if (page) await finish(page, 'taken-over');
      });
    },
    tabActivated(tabId) {
      return serialised(async () => {
        // The operator switched to a tab the refresh opened: it is theirs now, left open.
        const page = (await readPages()).find((p) => p.tabId === tabId);
        if (page) await finish(page, 'taken-over');
      });
    },
  };
}
