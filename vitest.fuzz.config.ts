import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run fuzz`: the fast-check properties of tests/fuzz/ with at least 100,000 inputs per target
// (tests/fuzz/runs.ts). `npm test` runs the same files with a few thousand inputs.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/fuzz/**/*.fuzz.ts'],
    environment: 'happy-dom',
    env: { CIVISCOPE_FUZZ: '1' },
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
    // One file at a time: the machine's cores are shared.
    fileParallelism: false,
    // The reader fuzz reuses one parsed document per fixture (undoing each input's mutations) and
    // parses only every 50th input afresh: it stays near 1 GB.
    execArgv: ['--max-old-space-size=4096'],
  },
});
