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
    // The reader fuzz yields to the event loop as it runs (happy-dom's WeakRef'd results stay alive
    // until it does): the whole fuzz run stays under ~0.5 GB.
    execArgv: ['--max-old-space-size=4096'],
  },
});
