/**
 * Storybook for `<branch-picker>`: every state the buyer can meet, fed by a mocked proxy (a
 * service worker over generated fixtures, see stories/mock-api/) and the built offline basemap.
 * `npm run storybook` generates the fixtures first; so does `npm run build-storybook`.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [
    { from: '../dist/storybook-fixtures', to: '/' },
    { from: '../dist/basemap', to: '/basemap' },
  ],
  // Offline: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    worker: { ...viteConfig.worker, format: 'es' },
    // MapLibre is one big lazy chunk, as in the widget's own build.
    build: { ...viteConfig.build, chunkSizeWarningLimit: 1200 },
  }),
};

export default config;
