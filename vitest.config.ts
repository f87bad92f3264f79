import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit, fixture and panel tests. Browser tests (real Chromium) have their own config:
// vitest.browser.config.ts, run after `wxt build` by `npm run test:browser`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20_000,
  },
});
