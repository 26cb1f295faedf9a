/**
 * What both Playwright configurations share: the system Chromium (Playwright cannot download its
 * own browsers here; CHROMIUM_PATH overrides /usr/bin/chromium), one worker, no retries, no
 * focused tests, traces kept for failures.
 */
import { existsSync } from 'node:fs';
import type { PlaywrightTestConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const baseConfig = (baseURL: string): PlaywrightTestConfig => ({
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions: existsSync(chromium) ? { executablePath: chromium } : {},
    trace: 'retain-on-failure',
  },
});
