import { describe, expect, it } from 'vitest';
import {
  adaptManifestForFirefox,
  FIREFOX_ADDON_ID,
  FIREFOX_ANDROID_MIN_VERSION,
  FIREFOX_MIN_VERSION,
  type FirefoxManifestFields,
} from '../../../lib/packaging/firefox-manifest';

type Manifest = FirefoxManifestFields & Record<string, unknown>;

function adapted(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  adaptManifestForFirefox(copy);
  return copy;
}

const GECKO = {
  id: FIREFOX_ADDON_ID,
  strict_min_version: FIREFOX_MIN_VERSION,
  data_collection_permissions: { required: ['none'] },
};

describe('adaptManifestForFirefox', () => {
  it.each<[string, string[] | undefined, string[] | undefined]>([
    ['drops the Chrome-only sidePanel permission', ['storage', 'sidePanel', 'notifications'], ['storage', 'notifications']],
    ['keeps every other permission in order', ['storage', 'unlimitedStorage', 'alarms', 'notifications'], ['storage', 'unlimitedStorage', 'alarms', 'notifications']],
    ['leaves a manifest without permissions without them', undefined, undefined],
  ])('%s', (_name, permissions, expected) => {
    expect(adapted({ ...(permissions ? { permissions } : {}) }).permissions).toEqual(expected);
  });

  it('removes side_panel (Firefox has sidebar_action, which WXT writes) and keeps the rest untouched', () => {
    const result = adapted({
      name: 'ShopLens 店镜',
      side_panel: { default_path: 'sidepanel.html' },
      sidebar_action: { default_panel: 'sidepanel.html' },
      host_permissions: ['*://sycm.taobao.com/*'],
    });
    expect(result).not.toHaveProperty('side_panel');
    expect(result.sidebar_action).toEqual({ default_panel: 'sidepanel.html' });
    expect(result.host_permissions).toEqual(['*://sycm.taobao.com/*']);
    expect(result.name).toBe('ShopLens 店镜');
  });

  it('declares the add-on id, no data collection, and the first versions that understand that', () => {
    expect(adapted({}).browser_specific_settings).toEqual({
      gecko: GECKO,
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    });
  });

  it('overrides conflicting gecko settings but keeps unrelated ones', () => {
    const result = adapted({
      browser_specific_settings: {
        gecko: { id: 'other@example.com', strict_min_version: '109.0', update_url: 'https://example.com/updates.json' },
        gecko_android: { strict_min_version: '120.0', strict_max_version: '200.*' },
      },
    });
    expect(result.browser_specific_settings).toEqual({
      gecko: { ...GECKO, update_url: 'https://example.com/updates.json' },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION, strict_max_version: '200.*' },
    });
  });

  it('uses an id in the form addons.mozilla.org accepts (email-like or a GUID in braces)', () => {
    expect(FIREFOX_ADDON_ID).toMatch(/^(\{[0-9a-f-]{36}\}|[a-z0-9-._]*@[a-z0-9-._]+)$/i);
  });
});
