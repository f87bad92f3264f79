/**
 * What the content script last reported for each tab ("waiting for figures", "not recognised",
 * "captured"), kept in `storage.session` so the side panel can show it and it survives the
 * service worker being stopped (but not a browser restart, when it would be stale anyway).
 *
 * The panel reads it with WXT storage: `storage.getItem<PageStatusMap>(PAGE_STATUS_ITEM)` or
 * `storage.watch(PAGE_STATUS_ITEM, …)`, then `pageStatusFor(map, { tabId, url })`.
 */
import { browser } from 'wxt/browser';
import type { PageState } from './messages';
import { pageKeyOf } from '../db/keys';

export interface PageStatusRecord {
  tabId: number;
  url: string;
  /** pageKeyOf(url), so a panel opened with `?url=` can find the status without a tab id. */
  pageKey: string;
  adapterId: string | null;
  state: PageState;
  /** ISO time the background received the report. */
  at: string;
}

/** Keyed by tab id (as a string). */
export type PageStatusMap = Record<string, PageStatusRecord>;

/** Key in `browser.storage.session`. */
export const PAGE_STATUS_KEY = 'pageStatus';
/** The same item in WXT storage notation. */
export const PAGE_STATUS_ITEM = `session:${PAGE_STATUS_KEY}` as const;
/** Oldest reports are dropped beyond this many tabs (closed tabs are also forgotten explicitly). */
const MAX_TABS = 100;

// Reports arrive concurrently; each update reads and writes the whole map, so they run one at
// a time (the service worker is a single thread, a promise chain is enough).
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function readMap(): Promise<PageStatusMap> {
  const stored = (await browser.storage.session.get(PAGE_STATUS_KEY))[PAGE_STATUS_KEY];
  return stored && typeof stored === 'object' ? (stored as PageStatusMap) : {};
}

export function recordPageStatus(record: PageStatusRecord): Promise<void> {
  return serialised(async () => {
    const map = await readMap();
    map[String(record.tabId)] = record;
    const records = Object.values(map).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const kept: PageStatusMap = {};
    for (const r of records.slice(0, MAX_TABS)) kept[String(r.tabId)] = r;
    await browser.storage.session.set({ [PAGE_STATUS_KEY]: kept });
  });
}

export function forgetTabStatus(tabId: number): Promise<void> {
  return serialised(async () => {
    const map = await readMap();
    if (!(String(tabId) in map)) return;
    delete map[String(tabId)];
    await browser.storage.session.set({ [PAGE_STATUS_KEY]: map });
  });
}

/**
 * The status for what the panel shows: the tab's own report when it is about the same page,
 * else the newest report about that page from any tab.
 */
export function pageStatusFor(map: PageStatusMap | null | undefined, where: { tabId?: number; url: string }): PageStatusRecord | undefined {
  if (!map) return undefined;
  const pageKey = pageKeyOf(where.url);
  const own = where.tabId === undefined ? undefined : map[String(where.tabId)];
  if (own && own.pageKey === pageKey) return own;
  let newest: PageStatusRecord | undefined;
  for (const record of Object.values(map)) {
    if (record.pageKey === pageKey && (!newest || record.at > newest.at)) newest = record;
  }
  return newest;
}
