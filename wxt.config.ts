import { defineConfig } from 'wxt';
import { adapterHostPatterns } from './lib/adapters/hosts';
import { ADAPTERS } from './lib/adapters/registry';
import { bridgeHostPatterns, PAGE_BRIDGE_FILE } from './lib/bridge/hosts';

// The page-world bridge (entrypoints/page-bridge.ts) is exposed only on hosts whose adapters read
// fetched JSON; with none, the entry is left out (an empty `matches` is invalid).
const bridgeHosts = bridgeHostPatterns(ADAPTERS);

// The manifest is kept to what ShopLens uses; tests/unit/manifest.test.ts pins it,
// so a new permission is always a deliberate, reviewed change.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'ShopLens 店镜',
    description: '电商运营的数据助手：读取后台与商品页数据，本地保存历史并解读。Marketplace figures, kept and explained locally.',
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'notifications'],
    host_permissions: adapterHostPatterns,
    action: { default_title: 'ShopLens 店镜' },
    ...(bridgeHosts.length > 0 ? { web_accessible_resources: [{ resources: [PAGE_BRIDGE_FILE], matches: bridgeHosts }] } : {}),
    content_security_policy: {
      // wasm-unsafe-eval lets the side panel compile jieba-wasm; nothing else is relaxed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
