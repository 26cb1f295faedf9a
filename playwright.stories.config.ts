/**
 * The stories test: every story of the static Storybook build (npm run build-storybook), opened in
 * the system Chromium, served from loopback by e2e/storybook/serve.ts.
 */
import { defineConfig } from '@playwright/test';
import { baseConfig } from './e2e/playwright-base';

const PORT = Number(process.env.STORIES_PORT ?? 6007);
const ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  ...baseConfig(ORIGIN),
  testDir: 'e2e/storybook',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs e2e/storybook/serve.ts',
    url: `${ORIGIN}/index.json`,
    env: { STORIES_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
