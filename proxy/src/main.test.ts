/**
 * The proxy's entry point as a supervisor runs it: a database it cannot use ends the process at
 * once with one line that names DATABASE_PATH, not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'bp-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([
  [
    'a file that is not a database',
    () => {
      const file = path.join(dir, 'garbage.db');
      writeFileSync(file, 'this is not SQLite, only text long enough to fill a header '.repeat(20));
      return file;
    },
  ],
  [
    'a path under a file',
    () => {
      const file = path.join(dir, 'plain.txt');
      writeFileSync(file, 'x');
      return path.join(file, 'branches.db');
    },
  ],
])('exits with one line naming DATABASE_PATH for %s', (_name, make) => {
  const database = make();
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'proxy/src/main.ts')],
    {
      env: { ...process.env, DATABASE_PATH: database, PORT: '0', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`DATABASE_PATH=${database} cannot be used:`);
});
