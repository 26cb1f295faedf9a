/**
 * Builds the configurator page into dist/configurator/ (served by the proxy at /configurator/):
 * index.html and its hashed module. The widget is not bundled: the page loads the proxy's own
 * loader, as any site does.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/configurator', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: false,
    reportCompressedSize: false,
  },
});
