/**
 * The import command against DATABASE_URL: a real process writing to a real PostgreSQL
 * (store/postgres-server.fixture.ts), and a proxy instance on that database serving the result
 * without a restart.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';
import { startPostgresServer } from '../store/postgres-server.fixture';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(ROOT, 'proxy/src/importers/fixtures');
const server = await startPostgresServer();

const run = (databaseUrl: string, ...args: string[]) =>
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'proxy/src/cli/import.ts'),
      ...args,
    ],
    // DATABASE_PATH points nowhere usable: only DATABASE_URL may be written to.
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_PATH: '/nonexistent/x.sqlite' },
      encoding: 'utf8',
    },
  );

it('imports into the PostgreSQL of DATABASE_URL, and a running instance serves it within 2 s', async () => {
  const url = await server.createDatabase();
  const app = await createServer(testConfig({ databaseUrl: url, reloadIntervalMs: 600_000 }));
  onTestFinished(() => app.close());
  expect((await app.inject('/api/v1/branches/115551')).statusCode).toBe(404);

  const result = run(url, path.join(FIXTURES, 'otpravka.json'), '--max-rejected', '50%');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('otpravka: read 3, added 2, updated 0, unchanged 0, removed 0');
  // Where, without the user and password.
  expect(result.stdout).toContain(
    `applied to postgres://127.0.0.1:${server.port}/${url.split('/').pop()}`,
  );
  await expect
    .poll(async () => (await app.inject('/api/v1/branches/115551')).statusCode, { timeout: 2000 })
    .toBe(200);
  const rows = await server.sql('SELECT origin, added FROM imports', [], url.split('/').pop());
  expect(rows).toEqual([{ origin: path.join(FIXTURES, 'otpravka.json'), added: 2 }]);
});

it('says which variable cannot be used, and exits 1, when the PostgreSQL is not there', () => {
  const url = server.url('no_such_database');
  const result = run(url, path.join(FIXTURES, 'otpravka.json'));
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toMatch(
    /^import: DATABASE_URL \(postgres:\/\/127\.0\.0\.1:\d+\/no_such_database\) cannot be used: database "no_such_database" does not exist/,
  );
});
