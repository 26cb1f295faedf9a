/**
 * `npm start`: builds when needed (scripts/build-if-stale.ts, in a child that exits), then runs the
 * bundled proxy in this very process: plain `node`, no tsx around it, so that a SIGTERM (from npm,
 * a container, a supervisor) reaches the proxy itself, which drains its requests and exits. Serves
 * the demo network and the offline basemap at http://localhost:8080 (PORT to change).
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/build-if-stale.ts')],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

// The bundled proxy (see scripts/build.ts) reads the environment and handles the signals.
await import(pathToFileURL(path.join(root, 'dist/proxy/main.mjs')).href);
