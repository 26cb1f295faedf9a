import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code they test (`*.test.ts`); end-to-end specs are Playwright's.
export default defineConfig({
  test: {
    include: ['{core,proxy,widget,scripts,bench,configurator}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
