import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives a real Chromium with the built extension
// (.output/chrome-mv3). One file at a time: each launches its own browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
