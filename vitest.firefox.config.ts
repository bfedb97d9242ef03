import { defineConfig } from 'vitest/config';

// Real-Firefox smoke test: the Firefox MV3 build in Debian's firefox-esr, driven by puppeteer-core
// over WebDriver BiDi. One Firefox at a time; its start and the extension install are slow on 2 cores.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
