/**
 * Every story waits for the mocked proxy (a service worker) to control the page, so that the
 * picker's first request is already answered from fixtures.
 */
import type { Preview } from '@storybook/web-components-vite';
import '../widget/src/index';

async function startMockApi(): Promise<void> {
  if (!('serviceWorker' in navigator))
    throw new Error('stories need service workers (a secure origin)');
  await navigator.serviceWorker.register('/mock-api-sw.js', { scope: '/' });
  if (navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
}

const mockApi = startMockApi();

const preview: Preview = {
  loaders: [
    async () => {
      await mockApi;
      return {};
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
