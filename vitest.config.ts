import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}', 'tests/fuzz/**/*.fuzz.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
