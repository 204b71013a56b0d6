import { defineConfig } from 'vitest/config';

// Unit tests run the engine in Node on the WASM backend (DEVELOPERS.md); e2e/ belongs to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: tests that train models compete for them, so files run one after another.
    fileParallelism: false,
  },
});
