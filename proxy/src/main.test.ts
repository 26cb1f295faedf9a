/**
 * The proxy's entry point as a supervisor runs it: a database it cannot use ends the process at
 * once with one line that names DATABASE_PATH or DATABASE_URL (never its password), not a stack
 * trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startPostgresServer } from './store/postgres-server.fixture';

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

/** main.ts run with `env` added; its exit status and stderr lines. */
function start(env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'proxy/src/main.ts')],
    {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: run.status, lines: run.stderr.trim().split('\n') };
}

it('exits with one line naming DATABASE_URL and why, never its password, for a PostgreSQL nobody answers at', async () => {
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  const { status, lines } = start({
    DATABASE_URL: `postgres://shop:hunter2secret@127.0.0.1:${port}/branch_picker`,
  });
  expect(status).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^branch-picker: DATABASE_URL \(postgres:\/\/127\.0\.0\.1:\d+\/branch_picker\) cannot be used: .*ECONNREFUSED/,
  );
  expect(lines[0]).not.toContain('hunter2secret');
});

it('refuses a DATABASE_URL that is not a PostgreSQL URL in one line, never echoing it', () => {
  const { status, lines } = start({ DATABASE_URL: 'mysql://shop:hunter2secret@db/branch_picker' });
  expect(status).toBe(1);
  expect(lines).toEqual([
    'branch-picker: DATABASE_URL must be a postgres:// or postgresql:// URL such as postgres://user:password@127.0.0.1:5432/branch_picker, got a mysql:// one',
  ]);
});

it('exits with one line naming DATABASE_URL when PostgreSQL refuses its password', async () => {
  const server = await startPostgresServer();
  const { status, lines } = start({
    DATABASE_URL: server.url().replace(':fixture-password@', ':hunter2secret@'),
  });
  expect(status).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^branch-picker: DATABASE_URL \(postgres:\/\/127\.0\.0\.1:\d+\/postgres\) cannot be used: password authentication failed for user "postgres" \(28P01\)\. Check/,
  );
  expect(lines[0]).not.toContain('hunter2secret');
});

it('exits with one line naming BASEMAP_PMTILES and what is wrong with the file', () => {
  const file = path.join(dir, 'not-tiles.pmtiles');
  writeFileSync(file, 'an HTML page saved by mistake '.repeat(40));
  const { status, lines } = start({ BASEMAP_PMTILES: file, DATABASE_PATH: ':memory:' });
  expect(status).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`BASEMAP_PMTILES=${file} cannot be served: not a PMTiles archive`);
});
