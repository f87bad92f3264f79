import { defineConfig } from 'wxt';
import { adapterHostPatterns } from './lib/adapters/hosts';
import { ADAPTERS } from './lib/adapters/registry';
import { bridgeHostPatterns, PAGE_BRIDGE_FILE } from './lib/bridge/hosts';
import { adaptManifestForFirefox } from './lib/packaging/firefox-manifest';

// The page-world bridge (entrypoints/page-bridge.ts) is exposed only on hosts whose adapters read
// fetched JSON; with none, the entry is left out (an empty `matches` is invalid).
const bridgeHosts = bridgeHostPatterns(ADAPTERS);

// The manifest is kept to what ShopLens uses; tests/unit/manifest.test.ts pins it,
// so a new permission is always a deliberate, reviewed change.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Manifest V3 for Firefox too (WXT's default there is V2): one API surface (`action`, the
  // extension pages CSP with wasm-unsafe-eval), and the package passes addons-linter cleanly.
  manifestVersion: 3,
  // The hook adds the Firefox id and data-collection declaration (lib/packaging/firefox-manifest.ts)
  // after WXT checked for them; tests/e2e/package.test.ts checks they are there.
  suppressWarnings: { firefoxId: true, firefoxDataCollection: true },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') adaptManifestForFirefox(manifest);
    },
  },
  zip: {
    // The Firefox sources package (for the store's review) holds what builds the extension, not local run output.
    excludeSources: ['tests/**', 'demo-output/**', 'test-results/**', 'bench/results.json', 'stats.html'],
  },
  manifest: {
    name: 'ShopLens 店镜',
    description: '电商运营的数据助手：读取后台与商品页数据，本地保存历史并解读。Marketplace figures, kept and explained locally.',
    // alarms: the optional background refresh of watched listings (off by default). Its tabs are
    // opened and closed by id, which needs no `tabs` permission.
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'alarms', 'notifications'],
    host_permissions: adapterHostPatterns,
    action: { default_title: 'ShopLens 店镜' },
    ...(bridgeHosts.length > 0 ? { web_accessible_resources: [{ resources: [PAGE_BRIDGE_FILE], matches: bridgeHosts }] } : {}),
    content_security_policy: {
      // wasm-unsafe-eval lets the side panel compile jieba-wasm; nothing else is relaxed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
