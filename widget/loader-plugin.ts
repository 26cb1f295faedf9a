/**
 * A Vite plugin that writes the loader (src/loader/loader.ts) once the widget's bundle is written:
 * esbuild makes it a classic script, with the version and this build's file names filled in, into
 * the version folder (`/widget/<version>/branch-picker.js`, pinned, immutable) and above it
 * (`/widget/branch-picker.js`, the one most sites load).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

export const LOADER_FILE = 'branch-picker.js';
/** The widget.pochta.ru drop-in, which the proxy serves at `/map/widget/widget.js`. */
export const DROP_IN_FILE = 'ecom-widget.js';

/** A classic, minified script from one of our sources, with constants filled in. */
async function classicScript(source: string, define: Record<string, string>): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, source)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define,
  });
  return result.outputFiles[0]!.contents;
}

export function loaderPlugin(version: string): Plugin {
  return {
    name: 'branch-picker:loader',
    apply: 'build',
    async writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) throw new Error('loader: the widget build has no entry chunk');
      const map = chunks.find((c) => c.facadeModuleId?.endsWith('map/map-controller.ts'));
      const workers = Object.keys(bundle).filter((f) => /worker-[\w-]+\.js$/.test(f));
      const outDir = options.dir!;
      const code = await classicScript('src/loader/loader.ts', {
        __BP_VERSION__: JSON.stringify(version),
        __BP_ENTRY__: JSON.stringify(entry.fileName),
        __BP_PRELOAD__: JSON.stringify([...(map ? [map.fileName] : []), ...workers]),
      });
      await writeFile(path.join(outDir, LOADER_FILE), code);
      await writeFile(path.join(outDir, '..', LOADER_FILE), code);
      // The drop-in keeps its placeholder: the proxy fills in its default sender as it serves it.
      const dropIn = await classicScript('src/pochta/ecom-start-widget.ts', {
        __BP_DEFAULT_SENDER__: '__BP_DEFAULT_SENDER__',
      });
      await writeFile(path.join(outDir, '..', DROP_IN_FILE), dropIn);
    },
  };
}
