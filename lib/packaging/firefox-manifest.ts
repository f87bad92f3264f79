/**
 * What the Firefox package's manifest needs beyond the Chrome one. WXT builds both from the same
 * config (Manifest V3 for both: see wxt.config.ts) and already turns the side panel entrypoint into
 * Firefox's `sidebar_action`; this adjusts the rest, in WXT's `build:manifestGenerated` hook.
 *
 * - `sidePanel` is a Chrome-only permission (Firefox would warn about an unknown permission):
 *   the toolbar button toggles the sidebar instead (lib/background/toolbar.ts).
 * - `browser_specific_settings.gecko.id` is required for Manifest V3 on Firefox, and is the
 *   add-on's identity on addons.mozilla.org and in the operator's profile: never change it after
 *   the first release, or data stored under the old id is orphaned.
 * - `data_collection_permissions` is required for new add-ons: ShopLens sends nothing anywhere,
 *   so it declares `none`. Firefox understands the key from 140 on desktop and 142 on Android,
 *   hence the minimums (addons-linter warns when a minimum predates a key).
 */

export const FIREFOX_ADDON_ID = 'shoplens@shoplens';

/** The first Firefox with built-in data-collection consent (`data_collection_permissions`): desktop, Android. */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Permissions Chrome has and Firefox does not know. */
const CHROME_ONLY_PERMISSIONS: readonly string[] = ['sidePanel'];

/** The parts of a manifest touched here; the rest passes through unchanged. */
export interface FirefoxManifestFields {
  permissions?: string[];
  side_panel?: unknown;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required: string[]; optional?: string[] };
      [key: string]: unknown;
    };
    gecko_android?: { strict_min_version?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
}

/** Adjusts a manifest WXT generated for Firefox, in place (WXT's hook hands over its object). */
export function adaptManifestForFirefox(manifest: FirefoxManifestFields): void {
  if (manifest.permissions) manifest.permissions = manifest.permissions.filter((permission) => !CHROME_ONLY_PERMISSIONS.includes(permission));
  delete manifest.side_panel;
  const settings = manifest.browser_specific_settings ?? {};
  manifest.browser_specific_settings = {
    ...settings,
    gecko: {
      ...settings.gecko,
      id: FIREFOX_ADDON_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { ...settings.gecko_android, strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  };
}
