/**
 * Adapter kill switches: the ids of page adapters the operator switched off in the options page,
 * kept in `browser.storage.local` under `disabledAdapters` (an array of adapter ids).
 *
 * Why a switch: when a marketplace changes a page and an adapter starts misreading it, the
 * operator must be able to stop it at once, without waiting for an update. A switched-off
 * adapter is not used by the content script (read once before it starts: no bridge, no reading,
 * no status) and the background refuses captures that name it (checked on every capture, so the
 * switch also holds for pages already open when it was flipped).
 *
 * The stored value is untrusted like everything in storage (another version of ShopLens, a
 * hand edit): anything that is not a short list of short strings reads as "nothing disabled".
 * Reading never throws. When storage cannot be read at all the switches fail open (everything
 * enabled) and the failure is logged: storage.local failing is rare, and the background checks
 * again on every capture.
 *
 * Content-script code: wxt/browser only.
 */
import { browser } from 'wxt/browser';
import type { PageAdapter } from '../adapters/types';

export const DISABLED_ADAPTERS_KEY = 'disabledAdapters';
/** More ids than any registry will hold; a larger stored list is not ours. */
const MAX_IDS = 500;
const MAX_ID_CHARS = 60;

/** The part of a `browser.storage` area used here (fakeBrowser's in tests). */
export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The stored value as a set of ids; anything malformed is an empty set. */
export function parseDisabledAdapters(value: unknown): Set<string> {
  if (!Array.isArray(value) || value.length > MAX_IDS) return new Set();
  const ids = new Set<string>();
  for (const id of value as unknown[]) {
    if (typeof id === 'string' && id !== '' && id.length <= MAX_ID_CHARS) ids.add(id);
  }
  return ids;
}

export async function readDisabledAdapters(
  area: StorageAreaLike = browser.storage.local,
  log: (message: string, detail?: unknown) => void = (message, detail) => console.debug(`ShopLens: ${message}`, detail ?? ''),
): Promise<Set<string>> {
  try {
    const stored = await area.get(DISABLED_ADAPTERS_KEY);
    return parseDisabledAdapters(stored?.[DISABLED_ADAPTERS_KEY]);
  } catch (error) {
    log('adapter switches not readable; every adapter stays on', error);
    return new Set();
  }
}

/** Switches one adapter on or off; the stored list stays sorted and free of duplicates. */
export async function setAdapterEnabled(id: string, enabled: boolean, area: StorageAreaLike = browser.storage.local): Promise<Set<string>> {
  const stored = await area.get(DISABLED_ADAPTERS_KEY);
  const disabled = parseDisabledAdapters(stored?.[DISABLED_ADAPTERS_KEY]);
  if (enabled) disabled.delete(id);
  else disabled.add(id);
  await area.set({ [DISABLED_ADAPTERS_KEY]: [...disabled].sort() });
  return disabled;
}

/** The adapters still switched on, in registry order. */
export function enabledAdapters(adapters: readonly PageAdapter[], disabled: ReadonlySet<string>): PageAdapter[] {
  return adapters.filter((adapter) => !disabled.has(adapter.id));
}
