/**
 * Builds the widget into dist/widget: one entry (`branch-picker.js`, a name that never changes,
 * so site owners' script tags keep working), hashed chunks beside it (MapLibre, loaded lazily),
 * and the two workers. `base: './'` makes every URL relative to the script, so the widget works
 * from whatever origin and path the proxy serves it at.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cssLiterals } from './css-literals';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [cssLiterals()],
  publicDir: false,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The preload helper would inject <link> tags into the shop's <head>: not ours to touch.
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { 'branch-picker': 'widget/src/index.ts' },
      // 'allow-extension': lazy chunks (the card) import lit and the catalogue from the entry rather than
      // splitting them into a shared chunk the entry would have to fetch in a second round trip.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: 'branch-picker.js',
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
