/**
 * Watchlist writes: pin, unpin, edit a watch, mark alerts seen, change the refresh settings.
 * Background only (the database has one writer): the panel asks through the messages of
 * ./messages.ts, handled by lib/background/handle-panel.ts.
 */
import Dexie from 'dexie';
import type { EntityKind, ShopLensDb } from '../db/schema';
import type { Platform } from '../capture/schema';
import { defaultRules } from './defaults';
import { parseRefreshSettings, parseRefreshStatus } from '../settings/background-refresh';
import { REFRESH_SETTINGS_KEY, REFRESH_STATUS_KEY, stopForRisk, type RefreshSettings, type RefreshStatus, type RiskSignal } from './refresh';
import type { WatchRole, WatchRow, WatchRule } from './types';

export interface PinRequest {
  key: string;
  platform: Platform;
  kind: EntityKind;
  ref: string;
  name: string;
  role?: WatchRole;
  url?: string;
}

/** Pins an entity with the default rules of its kind; pinning again keeps rules and memory. */
export async function pinEntity(db: ShopLensDb, request: PinRequest, now: Date = new Date()): Promise<WatchRow> {
  const nowIso = now.toISOString();
  return db.transaction('rw', db.watches, async () => {
    const existing = await db.watches.get(request.key);
    if (existing) {
      const updated: WatchRow = { ...existing, name: request.name || existing.name, updatedAt: nowIso };
      if (request.role) updated.role = request.role;
      if (request.url) updated.url = request.url;
      await db.watches.put(updated);
      return updated;
    }
    const row: WatchRow = {
      key: request.key,
      platform: request.platform,
      kind: request.kind,
      ref: request.ref,
      name: request.name,
      role: request.role ?? 'unset',
      rules: defaultRules(request.kind),
      state: {},
      refresh: false,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    if (request.url) row.url = request.url;
    await db.watches.add(row);
    return row;
  });
}

/** Unpins an entity; its alerts stay in the list until the operator clears them. */
export async function unpinEntity(db: ShopLensDb, key: string): Promise<void> {
  await db.watches.delete(key);
}

export interface WatchUpdate {
  role?: WatchRole;
  rules?: WatchRule[];
  refresh?: boolean;
}

/**
 * Changes a watch's role, rules or refresh flag. A rule whose threshold or metric changed
 * forgets its memory, so it measures from the next figure instead of an old reference.
 */
export async function updateWatch(db: ShopLensDb, key: string, update: WatchUpdate, now: Date = new Date()): Promise<WatchRow | undefined> {
  return db.transaction('rw', db.watches, async () => {
    const existing = await db.watches.get(key);
    if (!existing) return undefined;
    const next: WatchRow = { ...existing, updatedAt: now.toISOString() };
    if (update.role) next.role = update.role;
    if (update.refresh !== undefined) next.refresh = update.refresh;
    if (update.rules) {
      const before = new Map(existing.rules.map((rule) => [rule.id, JSON.stringify(rule)]));
      const changed = new Set(update.rules.filter((rule) => before.get(rule.id) !== JSON.stringify(rule)).map((rule) => rule.id));
      const change = Object.fromEntries(Object.entries(existing.state.change ?? {}).filter(([memoryKey]) => !changed.has(memoryKey.split('|')[0]!)));
      next.rules = update.rules;
      next.state = { ...existing.state, change };
    }
    await db.watches.put(next);
    return next;
  });
}

/** Marks alerts seen: the given ids, or every unseen alert. */
export async function markAlertsSeen(db: ShopLensDb, ids?: readonly string[]): Promise<number> {
  return db.transaction('rw', db.alerts, async () => {
    const keys = ids ?? (await db.alerts.where('[seen+at]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys());
    const rows = (await db.alerts.bulkGet([...keys])).filter((row) => row !== undefined && row.seen === 0);
    await db.alerts.bulkPut(rows.map((row) => ({ ...row!, seen: 1 as const })));
    return rows.length;
  });
}

/** Deletes every alert (the panel's "clear"). */
export async function clearAlerts(db: ShopLensDb): Promise<void> {
  await db.alerts.clear();
}

/**
 * Changes the refresh settings (the stored row validated first, lib/settings/background-refresh.ts).
 * `stopped: undefined` forgets a risk stop: only the operator turning refresh on again does that.
 */
export async function saveRefreshSettings(db: ShopLensDb, settings: Partial<RefreshSettings>): Promise<RefreshSettings> {
  return db.transaction('rw', db.settings, async () => {
    const stored = parseRefreshSettings((await db.settings.get(REFRESH_SETTINGS_KEY))?.value);
    const next = parseRefreshSettings({ ...stored, ...settings });
    if ('stopped' in settings && settings.stopped === undefined) delete next.stopped;
    if (settings.enabled !== undefined && !next.stopped) next.enabled = settings.enabled;
    const value: Record<string, unknown> = { ...next };
    if (!next.stopped) delete value.stopped;
    await db.settings.put({ key: REFRESH_SETTINGS_KEY, value });
    return next;
  });
}

/** Stops the refresh for a sign of risk control, keeping the reason (background only). */
export async function stopRefresh(db: ShopLensDb, signal: RiskSignal, url: string, now: Date): Promise<RefreshSettings> {
  return db.transaction('rw', db.settings, async () => {
    const stored = parseRefreshSettings((await db.settings.get(REFRESH_SETTINGS_KEY))?.value);
    const next = stopForRisk(stored, signal, url, now);
    await db.settings.put({ key: REFRESH_SETTINGS_KEY, value: next });
    return next;
  });
}

/** Replaces what the refresh did last (background only). */
export async function saveRefreshStatus(db: ShopLensDb, update: (status: RefreshStatus) => RefreshStatus): Promise<RefreshStatus> {
  return db.transaction('rw', db.settings, async () => {
    const next = update(parseRefreshStatus((await db.settings.get(REFRESH_STATUS_KEY))?.value));
    await db.settings.put({ key: REFRESH_STATUS_KEY, value: next });
    return next;
  });
}

/** Notes that refresh opened a watch's page just now (so the page is not due again for `hoursPerPage`). */
export async function markRefreshed(db: ShopLensDb, key: string, now: Date): Promise<void> {
  await db.watches.update(key, { lastRefreshAt: now.toISOString() });
}
