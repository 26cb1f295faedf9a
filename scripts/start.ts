/**
 * `npm start`: builds when dist/ is missing or older than the sources, then runs the proxy on its
 * embedded defaults (the demo network, the offline basemap) at http://localhost:8080 (PORT to change).
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, sourceFingerprint } from './fingerprint';

const stamp = await readFile(path.join(DIST, '.build-stamp'), 'utf8').catch(() => '');
if (stamp !== (await sourceFingerprint())) {
  console.log('branch-picker: building (dist/ is missing or out of date)…');
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The bundled proxy (see scripts/build.ts).
await import(path.join(DIST, 'proxy/main.mjs'));
