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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { cssLiterals } from '../widget/css-literals.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The packages the built files import: the package's dependencies (npm/package.json). The bundle
 * must import nothing else, and each of them (pack.ts checks both).
 */
export const RUNTIME_PACKAGES = Object.keys(
  (
    JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
);

/** A bare import of a runtime package (`lit`, `lit/directive.js`), not a Vite query (`?inline`). */
const isRuntimeImport = (id: string): boolean =>
  !id.includes('?') && RUNTIME_PACKAGES.some((p) => id === p || id.startsWith(`${p}/`));

const MODULE_URL = '__moduleUrl';

/**
 * webpack reads `new URL(variable, import.meta.url)` as "some file of this folder" and puts a
 * lookup there that throws at run time for any URL it did not list. The variables in the widget's
 * two such calls (util/create-worker.ts, map/map-controller.ts) hold absolute URLs already, so the
 * base only has to be a URL: `import.meta.url` read apart, which webpack leaves alone (or makes the
 * file's own URL) and Vite keeps.
 */
function moduleUrlBase(): Plugin {
  const call = /new URL\(([A-Za-z_$][\w$]*), import\.meta\.url\)/g;
  return {
    name: 'branch-picker:module-url-base',
    renderChunk(code, chunk) {
      if (!code.match(call)) return null;
      if (code.includes(MODULE_URL)) throw new Error(`${chunk.fileName} already has ${MODULE_URL}`);
      return `const ${MODULE_URL} = import.meta.url;\n${code.replace(call, `new URL($1, ${MODULE_URL})`)}`;
    },
  };
}

export default defineConfig({
  root,
  plugins: [cssLiterals(), moduleUrlBase()],
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
