/**
 * `npm run build`: everything the proxy serves, into dist/.
 * 1. the widget (Vite), 2. the offline basemap (skipped when its inputs have not changed: it takes
 * ten seconds), 3. the configurator page, 4. `.br` and `.gz` siblings of text files, which the
 * proxy serves as they are, and 5. a stamp that lets `npm start` know the build is current.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { buildBasemap } from '../proxy/basemap/build';
import { DIST, ROOT, basemapFingerprint, sourceFingerprint } from './fingerprint';

const COMPRESSIBLE = /\.(js|mjs|css|json|html|svg|map)$/;

async function compressTree(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const data = await readFile(file);
    await writeFile(`${file}.gz`, gzipSync(data, { level: 9 }));
    await writeFile(
      `${file}.br`,
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    );
    count++;
  }
  return count;
}

async function main(): Promise<void> {
  const started = performance.now();
  await mkdir(DIST, { recursive: true });
  // The loader sits above the version folder that Vite empties: start the widget's tree afresh.
  await rm(path.join(DIST, 'widget'), { recursive: true, force: true });

  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'widget/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  console.log('widget: built → dist/widget (the loader) and dist/widget/<version>/');

  // The proxy as one ES module: starts in a fraction of the time tsx needs to compile it, and runs
  // without the helpers a dev-time loader adds. Packages stay in node_modules (better-sqlite3 is native).
  await esbuild({
    // The worker that encodes parts of the network is a module of its own, beside main.mjs.
    entryPoints: {
      main: path.join(ROOT, 'proxy/src/main.ts'),
      'subset.worker': path.join(ROOT, 'proxy/src/branches/subsets/subset.worker.ts'),
    },
    outdir: path.join(DIST, 'proxy'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log('proxy: bundled → dist/proxy/main.mjs, subset.worker.mjs');

  const basemapStamp = path.join(DIST, 'basemap', '.stamp');
  const wanted = await basemapFingerprint();
  const current = await readFile(basemapStamp, 'utf8').catch(() => '');
  if (current !== wanted) {
    await buildBasemap(path.join(DIST, 'basemap'));
    await writeFile(basemapStamp, wanted);
  } else {
    console.log('basemap: up to date');
  }
  // Styles are small and change with the code; always rewrite them (buildBasemap also does).

  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'configurator/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  console.log('configurator: built → dist/configurator');

  const compressed =
    (await compressTree(path.join(DIST, 'widget'))) +
    (await compressTree(path.join(DIST, 'configurator')));
  console.log(`compressed: ${compressed} files (.br, .gz)`);

  await writeFile(path.join(DIST, '.build-stamp'), await sourceFingerprint());
  console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
