/**
 * Writes the mocked API's fixtures for Storybook: a slice of the deterministic demo network (all of
 * Saratov oblast, where the stories look, and every 20th branch elsewhere, so that the whole
 * country still shows clusters), in the same formats the proxy serves. Also makes sure the offline
 * basemap is built, since the stories draw on it, and bundles the mocked proxy's service worker
 * (mock-api-sw.ts, over core/). Output: dist/storybook-fixtures/ (generated, not committed; same
 * input, same bytes).
 *
 * Usage: tsx stories/mock-api/generate.ts
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { encodeCompact } from '#core/compact';
import { buildBasemap } from '../../proxy/basemap/build';
import { generateDemoNetwork } from '../../proxy/src/branches/demo/generate';
import { DIST } from '../../scripts/fingerprint';

/** The region the stories are set in, and one branch in twenty from everywhere else. */
const FOCUS_REGION = 'Саратовская область';
const SAMPLE_EVERY = 20;

export const FIXTURES_DIR = path.join(DIST, 'storybook-fixtures');

async function main(): Promise<void> {
  const all = generateDemoNetwork();
  const branches = all.filter(
    (b, i) => b.address.region === FOCUS_REGION || i % SAMPLE_EVERY === 0,
  );
  await mkdir(FIXTURES_DIR, { recursive: true });
  const data = {
    network: encodeCompact(branches),
    branches: Object.fromEntries(branches.map((b) => [b.id, b])),
  };
  await writeFile(path.join(FIXTURES_DIR, 'mock-api-data.json'), JSON.stringify(data));
  console.log(`storybook fixtures: ${branches.length} branches → ${FIXTURES_DIR}`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'mock-api-sw.ts')],
    outfile: path.join(FIXTURES_DIR, 'mock-api-sw.js'),
    bundle: true,
    // A classic script: service workers registered without `type: 'module'` take one.
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });

  const style = path.join(DIST, 'basemap', 'style.json');
  if (
    await access(style).then(
      () => false,
      () => true,
    )
  )
    await buildBasemap(path.join(DIST, 'basemap'));
}

await main();
