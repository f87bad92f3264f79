import { defineConfig } from 'wxt';
import { adapterHostPatterns } from './lib/adapters/hosts';

// The manifest is kept to what ShopLens uses; tests/unit/manifest.test.ts pins it,
// so a new permission is always a deliberate, reviewed change.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'ShopLens 店镜',
    description: '读取电商后台与商品页的数据，在浏览器本地保存历史并给出解读。Reads marketplace figures, keeps their history locally, explains them.',
    default_locale: undefined,
    permissions: ['storage', 'unlimitedStorage', 'sidePanel'],
    host_permissions: adapterHostPatterns,
    action: { default_title: 'ShopLens 店镜' },
    content_security_policy: {
      // wasm-unsafe-eval lets the side panel compile jieba-wasm; nothing else is relaxed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
