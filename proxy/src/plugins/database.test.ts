/**
 * Several proxy instances on one PostgreSQL (DATABASE_URL), as `createServer` builds them, against a
 * real PostgreSQL (store/postgres-server.fixture.ts): what one commits the others serve within two
 * seconds, by notification (the periodic check set far away, so that only a notification can
 * explain it) or by the periodic check when no notification came; migrations once when they start
 * together; and PostgreSQL stopped under traffic: reads from memory, writes a 503 problem, `/readyz`
 * degraded, and writes again once it is back, without a restart.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import type { CreatedConfig } from '#core/widget-config';
import type { ServerConfig } from '../config';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';
import { startPostgresServer } from '../store/postgres-server.fixture';

/** What "agree" means: a write through one instance is served by all within this. */
const AGREE_MS = 2000;
/** How long a restarted PostgreSQL may take to be used again. */
const RECOVERY_MS = 15_000;
/** The periodic check, when it must not be what a test sees. */
const NEVER_MS = 600_000;

const server = await startPostgresServer();

const SHOP = { name: 'Main shop', allowedOrigins: ['https://shop.example'] };

/** An instance on `url`, closed when the test ends. */
async function instance(url: string, overrides: Partial<ServerConfig> = {}) {
  const app = await createServer(
    testConfig({
      databaseUrl: url,
      reloadIntervalMs: NEVER_MS,
      seed: () => [makeBranch('410012'), makeBranch('101000')],
      ...overrides,
    }),
  );
  onTestFinished(() => app.close());
  await app.ready();
  return app;
}

async function createConfig(app: FastifyInstance, body: object = SHOP): Promise<CreatedConfig> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/configs', payload: body });
  expect(res.statusCode).toBe(201);
  return res.json<CreatedConfig>();
}

const configName = async (app: FastifyInstance, id: string, token: string) => {
  const res = await app.inject({
    url: `/api/v1/configs/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
  return res.statusCode === 200 ? res.json<{ name: string }>().name : res.statusCode;
};

/** Polls `read` until it gives `expected`; the time it took. */
async function within<T>(read: () => Promise<T>, expected: T, timeout = AGREE_MS) {
  const started = performance.now();
  await expect.poll(read, { timeout, interval: 10 }).toEqual(expected);
  return performance.now() - started;
}

const database = (url: string) => url.split('/').pop()!;

describe('instances on one PostgreSQL', () => {
  it('serves a configuration saved through one instance from another within 2 s, by notification', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([instance(url), instance(url)]);
    const { config, token } = await createConfig(a);
    expect(await configName(b, config.id, token)).toBe('Main shop');
    // B holds it in memory now; A saves a new version over it.
    const saved = await a.inject({
      method: 'PUT',
      url: `/api/v1/configs/${config.id}`,
      headers: { authorization: `Bearer ${token}`, 'if-match': '"1"' },
      payload: { ...SHOP, name: 'Renamed' },
    });
    expect(saved.statusCode).toBe(200);
    const ms = await within(() => configName(b, config.id, token), 'Renamed');
    expect(ms).toBeLessThan(AGREE_MS);
  });

  it('stops taking an owner token on every instance once it is replaced on one', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([instance(url), instance(url)]);
    const { config, token } = await createConfig(a);
    expect(await configName(b, config.id, token)).toBe('Main shop');
    const rotated = await a.inject({
      method: 'POST',
      url: `/api/v1/configs/${config.id}/token`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(rotated.statusCode).toBe(200);
    await within(() => configName(b, config.id, token), 403);
  });

  it('serves an import applied through one instance from the other within 2 s', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([instance(url), instance(url)]);
    expect((await b.inject('/api/v1/branches/620075')).statusCode).toBe(404);
    await a.store.branches.apply([makeBranch('620075')], { mode: 'merge' });
    const ms = await within(
      async () => (await b.inject('/api/v1/branches/620075')).statusCode,
      200,
    );
    expect(ms).toBeLessThan(AGREE_MS);
  });

  it('picks up a commit that came with no notification at the next periodic check', async () => {
    const url = await server.createDatabase();
    const a = await instance(url, { reloadIntervalMs: 200 });
    const { config, token } = await createConfig(a);
    expect(await configName(a, config.id, token)).toBe('Main shop');
    // Another writer that bumps the data version but sends no NOTIFY (or one lost in a reconnect).
    await server.sql(
      `UPDATE configs SET data = jsonb_set(data::jsonb, '{name}', '"Quietly renamed"')::text WHERE id = $1`,
      [config.id],
      database(url),
    );
    await server.sql(
      "UPDATE data_versions SET version = version + 1 WHERE scope = 'configs'",
      [],
      database(url),
    );
    await within(() => configName(a, config.id, token), 'Quietly renamed');
  });

  it('applies the migrations once when two instances start at the same moment', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([instance(url), instance(url)]);
    const rows = await server.sql('SELECT version FROM schema_migrations', [], database(url));
    expect(rows).toEqual([{ version: 1 }]);
    expect([a.branches.current.size, b.branches.current.size]).toEqual([2, 2]);
  });
});

describe('PostgreSQL stopped under traffic', () => {
  it('serves reads from memory, refuses writes with a 503 naming the database, says degraded, and writes again once it is back', async () => {
    const url = await server.createDatabase();
    const app = await instance(url, { reloadIntervalMs: 200 });
    const { config } = await createConfig(app);
    const ready = async () => (await app.inject('/readyz')).json<{ database: unknown }>().database;
    expect(await ready()).toEqual({ backend: 'postgres', state: 'healthy' });
    // Traffic all along: branch reads, one after another, until the end of the test; each waits
    // for the event loop's next turn (inject() alone never yields to I/O, and the reconnect is I/O).
    const reads: number[] = [];
    let reading = true;
    const traffic = (async () => {
      while (reading) {
        reads.push((await app.inject('/api/v1/branches/410012')).statusCode);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    await server.stop();
    try {
      expect((await app.inject('/api/v1/branches/410012')).statusCode).toBe(200);
      expect((await app.inject(`/api/v1/configs/${config.id}`)).statusCode).toBe(200);
      const refused = await app.inject({ method: 'POST', url: '/api/v1/configs', payload: SHOP });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.headers['retry-after']).toBe('2');
      expect(refused.json()).toMatchObject({
        status: 503,
        type: '/problems/database-unavailable',
        detail: expect.stringMatching(/database is unreachable, so nothing was saved: retry/),
      });
      // A configuration never read before is not in memory: that read is a 503 too.
      const unread = await app.inject('/api/v1/configs/zzzzzzzzzzzz');
      expect(unread.statusCode).toBe(503);
      expect(unread.json()).toMatchObject({ detail: expect.stringMatching(/could not be read/) });
      await within(ready, { backend: 'postgres', state: 'degraded' });
      expect((await app.inject('/readyz')).statusCode).toBe(200);
      expect((await app.inject('/api/v1/branches/410012')).statusCode).toBe(200);
    } finally {
      await server.resume();
    }
    await within(
      async () =>
        (await app.inject({ method: 'POST', url: '/api/v1/configs', payload: SHOP })).statusCode,
      201,
      RECOVERY_MS,
    );
    await within(ready, { backend: 'postgres', state: 'healthy' }, RECOVERY_MS);
    // Reconnected once: one LISTEN connection, not one per failed attempt.
    const listening = await server.sql(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'",
      [database(url)],
    );
    expect(listening).toEqual([{ n: 1 }]);
    reading = false;
    await traffic;
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.filter((status) => status !== 200)).toEqual([]);
  });
});
