/**
 * How long raw captures are kept, how much storage ShopLens uses, and what happened when the
 * disk was full.
 *
 * Retention: raw captures (the `captures` table: whole page readings, the bulk of the database)
 * older than N days are deleted; observations (one small row per figure, the time series) are
 * kept forever. Two exceptions keep the panel useful: the newest capture of every page is kept
 * whatever its age (the panel shows it when the page is opened again), and N = null keeps
 * everything. An observation whose capture was deleted keeps its value and `captureId`; only
 * re-deriving it (./rederive.ts) is no longer possible.
 *
 * The setting lives in `storage.local` (not in the database, so a restore never changes it).
 * The background applies it when it starts and when the setting changes; the options page asks
 * for that through lib/background/handle-data.ts (the background is the only database writer).
 *
 * A full disk: lib/db/store.ts writes a capture in one transaction and answers
 * `{stored: false, reason: 'quota'}` without a half-written row; the background then records
 * the moment here (STORAGE_FULL_KEY) so the options page and panel can say so plainly.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { ShopLensDb } from './schema';

/** Days raw captures are kept unless the operator chooses otherwise. */
export const DEFAULT_CAPTURE_DAYS = 365;
export const MIN_CAPTURE_DAYS = 1;
export const MAX_CAPTURE_DAYS = 3650;

export interface RetentionSettings {
  /** Raw captures older than this many days are deleted; null keeps them forever. */
  captureDays: number | null;
}

export const DEFAULT_RETENTION: RetentionSettings = { captureDays: DEFAULT_CAPTURE_DAYS };

/** Key in `browser.storage.local`. */
export const RETENTION_KEY = 'retention';
/** Key in `browser.storage.local`: when a capture last could not be stored because the disk was full. */
export const STORAGE_FULL_KEY = 'storageFull';

const DAY_MS = 24 * 3600 * 1000;
const DELETE_CHUNK = 500;

export function isValidCaptureDays(days: unknown): days is number | null {
  return days === null || (typeof days === 'number' && Number.isInteger(days) && days >= MIN_CAPTURE_DAYS && days <= MAX_CAPTURE_DAYS);
}

/** The stored setting; the default when nothing (or something invalid) is stored. */
export async function readRetention(): Promise<RetentionSettings> {
  const stored = (await browser.storage.local.get(RETENTION_KEY))[RETENTION_KEY] as { captureDays?: unknown } | undefined;
  const days = stored?.captureDays;
  return isValidCaptureDays(days) ? { captureDays: days } : DEFAULT_RETENTION;
}

export async function writeRetention(settings: RetentionSettings): Promise<void> {
  if (!isValidCaptureDays(settings.captureDays)) throw new Error(`invalid retention: ${String(settings.captureDays)}`);
  await browser.storage.local.set({ [RETENTION_KEY]: { captureDays: settings.captureDays } });
}

export interface PruneResult {
  /** Captures deleted. */
  deleted: number;
  /** Captures past the limit kept because each is the newest of its page. */
  keptNewest: number;
}

/**
 * Deletes raw captures taken more than `captureDays` days before `now`, except the newest
 * capture of each page. Observations are not touched. Works in chunks, one transaction each:
 * every chunk on its own is a consistent deletion.
 */
export async function pruneCaptures(db: ShopLensDb, settings: RetentionSettings, now: Date = new Date()): Promise<PruneResult> {
  const result: PruneResult = { deleted: 0, keptNewest: 0 };
  if (settings.captureDays === null) return result;
  const cutoff = new Date(now.getTime() - settings.captureDays * DAY_MS).toISOString();
  const oldIds = (await db.captures.where('capturedAt').below(cutoff).primaryKeys()) as string[];
  for (let start = 0; start < oldIds.length; start += DELETE_CHUNK) {
    const ids = oldIds.slice(start, start + DELETE_CHUNK);
    await db.transaction('rw', db.captures, async () => {
      const rows = (await db.captures.bulkGet(ids)).filter((row) => row !== undefined);
      const pageKeys = [...new Set(rows.map((row) => row.pageKey))];
      const newest = await Promise.all(
        pageKeys.map((pageKey) => db.captures.where('[pageKey+capturedAt]').between([pageKey, Dexie.minKey], [pageKey, Dexie.maxKey]).last()),
      );
      const keep = new Set(newest.map((row) => row?.id));
      const doomed = rows.filter((row) => !keep.has(row.id)).map((row) => row.id);
      result.keptNewest += rows.length - doomed.length;
      await db.captures.bulkDelete(doomed);
      result.deleted += doomed.length;
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Storage used

export interface StorageUse {
  /** Bytes the extension's origin uses (all of IndexedDB and storage), as the browser estimates. */
  usage: number;
  /** Bytes it may use; with `unlimitedStorage` this is most of the free disk. */
  quota: number;
}

/** The browser's estimate, or undefined where the Storage API is missing. */
export async function storageUse(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<StorageUse | undefined> {
  if (!storage?.estimate) return undefined;
  try {
    const estimate = await storage.estimate();
    if (typeof estimate.usage !== 'number' || typeof estimate.quota !== 'number') return undefined;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return undefined;
  }
}

export interface TableCounts {
  entities: number;
  captures: number;
  observations: number;
}

export async function tableCounts(db: ShopLensDb): Promise<TableCounts> {
  const [entities, captures, observations] = await Promise.all([db.entities.count(), db.captures.count(), db.observations.count()]);
  return { entities, captures, observations };
}

// ---------------------------------------------------------------------------------------------
// A full disk

export interface StorageFullRecord {
  /** ISO time of the latest capture refused because the disk was full. */
  at: string;
  /** How many captures were refused since the record was last cleared. */
  count: number;
}

export async function readStorageFull(): Promise<StorageFullRecord | undefined> {
  const stored = (await browser.storage.local.get(STORAGE_FULL_KEY))[STORAGE_FULL_KEY] as Partial<StorageFullRecord> | undefined;
  if (!stored || typeof stored.at !== 'string' || typeof stored.count !== 'number') return undefined;
  return { at: stored.at, count: stored.count };
}

export async function recordStorageFull(now: Date = new Date()): Promise<void> {
  const previous = await readStorageFull();
  await browser.storage.local.set({ [STORAGE_FULL_KEY]: { at: now.toISOString(), count: (previous?.count ?? 0) + 1 } });
}

/** Called once space was freed (captures pruned, a restore written): the warning no longer holds. */
export async function clearStorageFull(): Promise<void> {
  await browser.storage.local.remove(STORAGE_FULL_KEY);
}
