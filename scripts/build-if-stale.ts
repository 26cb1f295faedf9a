/**
 * The first half of `npm start`: builds when dist/ is missing or older than the sources, and exits.
 * TypeScript, so run by tsx as a child of scripts/start.mjs, which then runs the proxy itself.
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
    { cwd: ROOT, stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
