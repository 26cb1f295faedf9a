/**
 * Builds the npm package's code into dist/npm/ (scripts/pack.ts runs it): `index.js`, the entry
 * that defines `<branch-picker>`; `chunks/` (the map with MapLibre's stylesheet inlined, and the
 * card), still loaded lazily; `workers/` (the network worker and MapLibre's), each one
 * self-contained file. The packages the widget imports at run time stay imports, for the shop's
 * bundler to resolve and share; ky stays a lazy `import('ky')`.
 *
 * A worker is referenced as `new URL('../workers/x.js', import.meta.url)`, a pattern Vite and
 * webpack 5 both see: they copy the file into the shop's build and rewrite the URL to it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cssLiterals } from '../widget/css-literals.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The packages the built files import; the bundle must import nothing else (pack.ts checks). */
export const RUNTIME_PACKAGES = ['lit', '@lit/task', 'zustand', 'ky', 'maplibre-gl'] as const;

/** A bare import of a runtime package (`lit`, `lit/directive.js`), not a Vite query (`?inline`). */
const isRuntimeImport = (id: string): boolean =>
  !id.includes('?') && RUNTIME_PACKAGES.some((p) => id === p || id.startsWith(`${p}/`));

export default defineConfig({
  root,
  plugins: [cssLiterals()],
  publicDir: false,
  build: {
    outDir: 'dist/npm',
    emptyOutDir: true,
    target: 'es2022',
    // Readable code: the shop's bundler minifies it. The workers are minified (below): no bundler
    // touches them.
    minify: false,
    sourcemap: false,
    modulePreload: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
    lib: { entry: 'widget/src/index.ts', formats: ['es'], fileName: 'index' },
    rollupOptions: {
      external: isRuntimeImport,
      output: { chunkFileNames: 'chunks/[name].js' },
    },
  },
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: 'workers/[name].js', minify: true } },
  },
  experimental: {
    // Relative to the chunk that names the file, with `./` or `../` in front: webpack reads a bare
    // `workers/x.js` as a package name.
    renderBuiltUrl(fileName, { hostId, hostType }) {
      if (hostType !== 'js') return { relative: true };
      const relative = path.posix.relative(path.posix.dirname(hostId), fileName);
      const url = relative.startsWith('.') ? relative : `./${relative}`;
      return { runtime: `new URL(${JSON.stringify(url)}, import.meta.url).href` };
    },
  },
});
