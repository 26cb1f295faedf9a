/**
 * Builds the widget into dist/widget/<version>/: the entry (`picker-HASH.js`), hashed chunks beside
 * it (MapLibre, ky and the card, loaded lazily) and the two workers; then the loader
 * (`branch-picker.js`, a name that never changes, so site owners' script tags keep working) into
 * that folder and into dist/widget/. `base: './'` makes every URL relative to the script, so the
 * widget works from whatever origin and path the proxy serves it at.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cssLiterals } from './css-literals.ts';
import { loaderPlugin } from './loader-plugin.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The version folder a shop can pin: `/widget/<version>/`. */
export const WIDGET_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export default defineConfig({
  root,
  base: './',
  plugins: [cssLiterals(), loaderPlugin(WIDGET_VERSION)],
  publicDir: false,
  build: {
    outDir: `dist/widget/${WIDGET_VERSION}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The preload helper would inject <link> tags into the shop's <head>: not ours to touch.
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { picker: 'widget/src/index.ts' },
      // 'allow-extension': lazy chunks (the card) import lit and the catalogue from the entry rather than
      // splitting them into a shared chunk the entry would have to fetch in a second round trip.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: 'picker-[hash].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: '[name]-[hash].js' } },
  },
});
