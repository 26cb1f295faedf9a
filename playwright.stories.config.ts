/**
 * The stories test: every story of the static Storybook build (npm run build-storybook), opened in
 * the system Chromium, served from loopback by e2e/storybook/serve.ts.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.STORIES_PORT ?? 6007);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e/storybook',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: ORIGIN,
    launchOptions: existsSync(chromium) ? { executablePath: chromium } : {},
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs e2e/storybook/serve.ts',
    url: `${ORIGIN}/index.json`,
    env: { STORIES_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
