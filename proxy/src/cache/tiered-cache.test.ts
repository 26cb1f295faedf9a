/**
 * Memory before Redis, against real redis-servers (redis-server.fixture.ts): the shared contract,
 * the memory tier's short life, and outages: a Redis stopped and started again, and one frozen.
 * Tests that stop their Redis start one of their own.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cacheContract } from './cache.contract';
import { RedisCache } from './redis-cache';
import { RedisServer, startRedisServer } from './redis-server.fixture';
import { TieredCache, type defaultTieredCacheOptions } from './tiered-cache';

/** What an outage may cost one call: the command timeout (500 ms) and change. */
const OUTAGE_CALL_MS = 1000;
/** How long a restarted Redis may take to be used again: reconnection attempts are 1 s apart at most. */
const RECOVERY_MS = 10_000;

let shared: RedisServer;
let prefixes = 0;

beforeAll(async () => {
  shared = await RedisServer.start();
});
afterAll(() => shared?.dispose());

interface Setup {
  server?: RedisServer;
  maxEntries?: number;
  prefix?: string;
  now?: () => number;
  options?: Partial<typeof defaultTieredCacheOptions>;
}

/** A tiered cache over a connected RedisCache under a fresh prefix (or `prefix`), closed when the test ends. */
async function tiered({ server = shared, maxEntries = 10, prefix, now, options }: Setup = {}) {
  prefix ??= `bp:tiered${++prefixes}:`;
  const redis = new RedisCache(server.url, { prefix, maxEntries }, now);
  expect(await redis.whenReady(5000), `no connection to ${server.url}`).toBe(true);
  const cache = new TieredCache(redis, { hotEntries: maxEntries, ...options }, now);
  onTestFinished(() => cache.close());
  return { cache, prefix };
}

/** `call`'s result and how long it took, in ms. */
async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

const later = () => Date.now() + 60_000;

cacheContract('tiered (memory before Redis)', {
  create: async ({ maxEntries, now }) => (await tiered({ maxEntries, now })).cache,
});

describe('the memory tier', () => {
  it('serves a hot entry without asking Redis, and asks again after hotMs', async () => {
    let t = 1_000_000;
    const { cache, prefix } = await tiered({ now: () => t });
    await cache.set('k', { value: 'v1', expiresAt: t + 60_000 });
    // Another instance's write, straight into Redis.
    await shared.cli('SET', `${prefix}e:k`, JSON.stringify({ value: 'v2', expiresAt: t + 60_000 }));
    expect((await cache.get('k'))?.value).toBe('v1');
    t += 5000;
    expect((await cache.get('k'))?.value).toBe('v2');
  });

  it('finds what another instance on the same Redis wrote', async () => {
    const first = await tiered();
    const second = await tiered({ prefix: first.prefix });
    await first.cache.set('k', { value: 'from the first', expiresAt: later() });
    expect((await second.cache.get('k'))?.value).toBe('from the first');
  });
});

describe('when Redis goes away', () => {
  it('answers every call within a second, from memory, while Redis is stopped', async () => {
    const server = await startRedisServer();
    const { cache } = await tiered({ server, options: { hotMs: 60_000 } });
    await cache.set('before', { value: 'kept in memory', expiresAt: later() });
    await server.stop();
    const get = await timed(() => cache.get('before'));
    expect(get).toMatchObject({ result: { value: 'kept in memory' } });
    const set = await timed(() =>
      cache.set('during', { value: 'memory only', expiresAt: later() }),
    );
    expect((await cache.get('during'))?.value).toBe('memory only');
    const miss = await timed(() => cache.get('never set'));
    expect(miss.result).toBeUndefined();
    const size = await timed(() => cache.size());
    const del = await timed(() => cache.delete('during'));
    expect(await cache.get('during')).toBeUndefined();
    const clear = await timed(() => cache.clear());
    for (const call of [get, set, miss, size, del, clear])
      expect(call.ms).toBeLessThan(OUTAGE_CALL_MS);
    expect(cache.state).toBe('degraded');
  });

  it('is healthy again by itself once Redis is back, and writes go to Redis again', async () => {
    const server = await startRedisServer();
    const { cache, prefix } = await tiered({ server });
    await server.stop();
    await expect.poll(() => cache.state).toBe('degraded');
    await server.resume();
    await expect.poll(() => cache.state, { timeout: RECOVERY_MS }).toBe('healthy');
    await cache.set('after', { value: 'shared again', expiresAt: later() });
    expect(await server.keys(`${prefix}e:*`)).toEqual([`${prefix}e:after`]);
    expect(JSON.parse(await server.cli('GET', `${prefix}e:after`))).toMatchObject({
      value: 'shared again',
    });
  });

  it('tells each change of state once, with the error on the way down', async () => {
    const server = await startRedisServer();
    const changes: [string, unknown][] = [];
    const { cache } = await tiered({
      server,
      options: { onStateChange: (state, error) => changes.push([state, error]) },
    });
    await server.stop();
    for (let i = 0; i < 5; i++) await cache.get('k'); // failing calls change nothing more
    await expect.poll(() => changes.length).toBe(1);
    await server.resume();
    await expect.poll(() => cache.state, { timeout: RECOVERY_MS }).toBe('healthy');
    expect(changes).toEqual([
      ['degraded', expect.any(Error)],
      ['healthy', undefined],
    ]);
  });
});

describe('when Redis stalls', () => {
  it('costs one call the command timeout, then leaves Redis alone until a PING answers', async () => {
    const server = await startRedisServer();
    const { cache } = await tiered({ server, options: { hotMs: 60_000 } });
    await cache.set('before', { value: 'kept in memory', expiresAt: later() });
    server.freeze();
    const first = await timed(() => cache.get('not in memory'));
    expect(first.result).toBeUndefined();
    expect(first.ms).toBeLessThan(OUTAGE_CALL_MS);
    expect(cache.state).toBe('degraded');
    const next = await timed(() =>
      cache.set('during', { value: 'memory only', expiresAt: later() }),
    );
    expect(next.ms).toBeLessThan(50);
    expect((await cache.get('before'))?.value).toBe('kept in memory');
    server.thaw();
    await expect.poll(() => cache.state, { timeout: RECOVERY_MS }).toBe('healthy');
  });
});
