import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Fixture builds run the real Astro CLI; they are slow and must not overlap.
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
