import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium, driven by playwright-core.
// One file at a time, so that two Chromium instances never compete for the machine's 2 cores.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
