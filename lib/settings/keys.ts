/**
 * Keys in `browser.storage.local` for the operator's settings. Dependency-free, so the content
 * script can read `overlaysEnabled` without loading zod (tests/unit/content/import-graph.test.ts).
 */

/** Per-shop diagnostics settings (./diagnostics-settings.ts), one object under one key. */
export const DIAGNOSTICS_SETTINGS_KEY = 'diagnosticsSettings';

/** Whether badges are drawn beside the figures on backend pages; absent means on. */
export const OVERLAYS_ENABLED_KEY = 'overlaysEnabled';

/** The stored value of OVERLAYS_ENABLED_KEY read as a switch: only an explicit `false` turns overlays off. */
export function overlaysEnabledFrom(value: unknown): boolean {
  return value !== false;
}
