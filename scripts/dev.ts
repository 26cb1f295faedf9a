/**
 * `npm run dev`: the proxy restarting on every change to its code, and the widget rebuilt on every
 * change to its own (refresh the page to see it). Builds the basemap first when it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT } from './fingerprint';

const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');

if (
  !(await access(path.join(DIST, 'basemap', 'style.json')).then(
    () => true,
    () => false,
  ))
) {
  const built = spawnSync(process.execPath, [tsx, 'scripts/build.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const children = [
  spawn(process.execPath, [vite, 'build', '--watch', '--config', 'widget/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn(process.execPath, [tsx, 'watch', 'proxy/src/main.ts'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = (): void => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
