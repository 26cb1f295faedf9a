/**
 * End-to-end tests in real Chromium against the built artefacts served by the real proxy, with the
 * shop's page on a second origin. Chromium is the system one (see e2e/playwright-base.ts).
 */
import { defineConfig } from '@playwright/test';
import { baseConfig } from './e2e/playwright-base';

const PROXY_PORT = Number(process.env.E2E_PROXY_PORT ?? 8090);
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 8091);
const STREETS_PORT = Number(process.env.E2E_STREETS_PORT ?? 8092);
export const PROXY_ORIGIN = `http://127.0.0.1:${PROXY_PORT}`;
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
/** A second proxy, with a street basemap: the synthetic archive its command writes first. */
export const STREETS_ORIGIN = `http://127.0.0.1:${STREETS_PORT}`;
const STREETS_ARCHIVE = 'node_modules/.cache/branch-picker-e2e/streets.pmtiles';

const tsx = 'node node_modules/tsx/dist/cli.mjs';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // The stories have their own config (playwright.stories.config.ts) and server.
  testIgnore: 'storybook/**',
  ...baseConfig(HOST_ORIGIN),
  timeout: 90_000,
  webServer: [
    {
      // The proxy as built, as `npm start` runs it.
      command: 'node dist/proxy/main.mjs',
      url: `${PROXY_ORIGIN}/readyz`,
      // A database of its own, in memory: the demo network, whatever the developer imported locally.
      env: {
        PORT: String(PROXY_PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_PATH: ':memory:',
        // The test shop may frame the embed page and be sent back to; localhost:… is another origin.
        EMBED_ALLOWED_ORIGINS: HOST_ORIGIN,
        EMBED_RETURN_URLS: `${HOST_ORIGIN}/return/,myshop://picked`,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `${tsx} proxy/src/streets/test-archive.fixture.ts ${STREETS_ARCHIVE} && node dist/proxy/main.mjs`,
      url: `${STREETS_ORIGIN}/readyz`,
      env: {
        PORT: String(STREETS_PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_PATH: ':memory:',
        BASEMAP_PMTILES: STREETS_ARCHIVE,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `${tsx} e2e/host-server.ts`,
      url: `${HOST_ORIGIN}/snippet.html`,
      env: { HOST_PORT: String(HOST_PORT), PROXY_ORIGIN, STREETS_ORIGIN },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
