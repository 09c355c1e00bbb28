import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'sim/**/*.test.ts', 'cli/**/*.test.ts', 'ui/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
