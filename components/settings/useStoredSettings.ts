/**
 * The operator's settings in `browser.storage.local`, live: read once, then kept current through
 * `storage.onChanged`, so a change made in the panel, the options page or another window shows
 * everywhere at once. Diagnostics settings are validated with zod on every read
 * (lib/settings/diagnostics-settings.ts).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseDiagnosticsSettings, readDiagnosticsSettings, type StoredDiagnosticsSettings } from '../../lib/settings/diagnostics-settings';
import { DIAGNOSTICS_SETTINGS_KEY, OVERLAYS_ENABLED_KEY, overlaysEnabledFrom } from '../../lib/settings/keys';

type Changes = Record<string, { newValue?: unknown }>;

function useStorageValue<T>(key: string, read: () => Promise<T>, fromChange: (value: unknown) => T): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let disposed = false;
    let changed = false;
    const listener = (changes: Changes, area: string) => {
      if (area !== 'local' || !(key in changes)) return;
      changed = true;
      setValue(fromChange(changes[key]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    read().then(
      (stored) => {
        // A change that arrived meanwhile is newer than what was read.
        if (!disposed && !changed) setValue(stored);
      },
      () => {
        if (!disposed && !changed) setValue(fromChange(undefined));
      },
    );
    return () => {
      disposed = true;
      browser.storage.onChanged.removeListener(listener);
    };
    // read and fromChange are fixed per key: the key alone decides what is watched.
  }, [key]);
  return value;
}

/** Every shop's diagnostics settings; undefined while loading. */
export function useDiagnosticsSettings(): StoredDiagnosticsSettings | undefined {
  return useStorageValue(DIAGNOSTICS_SETTINGS_KEY, () => readDiagnosticsSettings(browser.storage.local), parseDiagnosticsSettings);
}

/** Whether badges are drawn on backend pages (default on); undefined while loading. */
export function useOverlaysEnabled(): boolean | undefined {
  return useStorageValue(
    OVERLAYS_ENABLED_KEY,
    async () => overlaysEnabledFrom((await browser.storage.local.get(OVERLAYS_ENABLED_KEY))[OVERLAYS_ENABLED_KEY]),
    overlaysEnabledFrom,
  );
}

export async function setOverlaysEnabled(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: enabled });
}
