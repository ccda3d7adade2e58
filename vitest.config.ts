import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 30_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'] } },
      // The property suites share one target: one file at a time, so the rate-limit suite is not disturbed.
      { extends: true, test: { name: 'properties', include: ['properties/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
