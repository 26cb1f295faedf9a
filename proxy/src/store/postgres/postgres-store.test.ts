/**
 * The PostgreSQL backend against a real PostgreSQL (postgres-server.fixture.ts): the store
 * contracts, each test on a database of its own; migrations applied once when two instances start
 * together; commits heard by notification; and one line's worth of error for a database that
 * cannot be used.
 */
import { onTestFinished, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { configStoreContract } from '../../configs/config-store.contract';
import { validateConfig } from '../../configs/validate';
import { branchStoreContract } from '../branch-store.contract';
import { DatabaseUnusable } from '../database';
import { openStore } from '../open-store';
import { startPostgresServer } from '../postgres-server.fixture';
import type { StoreChange } from '../store';
import { PG_MIGRATIONS } from './migrations';
import { openPostgresStore } from './postgres-store';

const server = await startPostgresServer();

/** A store on `url`, closed when the test ends. */
async function open(url: string, options: { listen?: boolean; now?: () => number } = {}) {
  const store = await openPostgresStore(url, { listen: false, ...options });
  onTestFinished(() => store.close());
  return store;
}

branchStoreContract('postgres', {
  create: async () => {
    const url = await server.createDatabase();
    return {
      store: (await open(url)).branches,
      other: async () => (await open(url)).branches,
    };
  },
});

configStoreContract('postgres', {
  create: async (now) => {
    const url = await server.createDatabase();
    return {
      store: (await open(url, { now })).configs,
      other: async () => (await open(url, { now })).configs,
    };
  },
});

it('applies each migration once when two instances start at the same moment', async () => {
  const url = await server.createDatabase();
  await Promise.all([open(url), open(url), open(url)]);
  const rows = await server.sql<{ version: number }>(
    'SELECT version FROM schema_migrations ORDER BY version',
    [],
    url.split('/').pop(),
  );
  expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_m, i) => i + 1));
});

it('hears every commit by notification, its own marked local', async () => {
  const url = await server.createDatabase();
  const listening = await open(url, { listen: true });
  const writer = await open(url);
  const heard: StoreChange[] = [];
  listening.onChange((change) => heard.push(change));
  await writer.branches.apply([makeBranch('410001')], { mode: 'merge' });
  await listening.configs.create(
    'aaaaaaaaaaaa',
    validateConfig({ name: 'Main' }),
    Buffer.alloc(32),
  );
  await expect
    .poll(() => heard)
    .toEqual([
      { kind: 'branches', local: false },
      { kind: 'config', id: 'aaaaaaaaaaaa', local: true },
    ]);
});

it('refuses a database newer than it knows, naming the version', async () => {
  const url = await server.createDatabase();
  await open(url);
  await server.sql('INSERT INTO schema_migrations (version) VALUES (99)', [], url.split('/').pop());
  await expect(openPostgresStore(url)).rejects.toThrow(
    /schema version 99, newer than this proxy knows/,
  );
});

it.each([
  [
    'a wrong password',
    () => server.url().replace(':fixture-password@', ':s3cret@'),
    /password authentication failed for user "postgres"/,
  ],
  [
    'a database that is not there',
    () => server.url('no_such_database'),
    /database "no_such_database" does not exist/,
  ],
])('says DATABASE_URL and what is wrong, never the password, for %s', async (_name, url, why) => {
  const error = await openStore({ database: ':memory:', databaseUrl: url() }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseUnusable);
  expect(error).toMatchObject({ variable: 'DATABASE_URL' });
  expect((error as DatabaseUnusable).message).toMatch(why);
  const shown = JSON.stringify([(error as DatabaseUnusable).path, (error as Error).message]);
  expect(shown).not.toMatch(/s3cret|fixture-password/);
});
