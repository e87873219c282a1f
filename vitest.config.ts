import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Objective modules run in a bundled process of their own: bundled once for the whole run.
    globalSetup: ['test/setup/module-runner.ts'],
  },
});
