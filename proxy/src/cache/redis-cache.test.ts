/**
 * The Redis backend against a real redis-server (redis-server.fixture.ts), one per file; each test
 * takes a prefix of its own, so none sees another's keys.
 */
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { cacheContract } from './cache.contract';
import { RedisCache } from './redis-cache';
import { RedisServer } from './redis-server.fixture';

let redis: RedisServer;
let prefixes = 0;

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(() => redis?.dispose());

/** A connected cache under a fresh prefix, closed when the test ends. */
async function connected(options: { maxEntries?: number; now?: () => number } = {}) {
  const prefix = `bp:test${++prefixes}:`;
  const cache = new RedisCache(
    redis.url,
    { prefix, maxEntries: options.maxEntries ?? 10 },
    options.now,
  );
  onTestFinished(() => cache.close());
  expect(await cache.whenReady(5000), `no connection to ${redis.url}`).toBe(true);
  return { cache, prefix };
}

cacheContract('redis', {
  create: async ({ maxEntries, now }) => (await connected({ maxEntries, now })).cache,
});

it('keeps each entry as JSON under the prefix, with Redis’s own expiry at expiresAt', async () => {
  const { cache, prefix } = await connected();
  await cache.set('tariff|a', { value: { cost: 1 }, expiresAt: Date.now() + 60_000 });
  const key = `${prefix}e:tariff|a`;
  expect(JSON.parse(await redis.cli('GET', key))).toMatchObject({ value: { cost: 1 } });
  const ttl = Number(await redis.cli('PTTL', key));
  expect(ttl).toBeGreaterThan(55_000);
  expect(ttl).toBeLessThanOrEqual(60_000);
});

it('stores nothing for an entry already expired', async () => {
  const { cache, prefix } = await connected();
  await cache.set('k', { value: 1, expiresAt: Date.now() - 1 });
  expect(await redis.keys(`${prefix}e:*`)).toEqual([]);
});

it('clears and counts only its own keys, leaving the rest of the Redis alone', async () => {
  const mine = await connected();
  const theirs = await connected();
  await redis.cli('SET', 'someone-else', 'x');
  onTestFinished(async () => void (await redis.cli('DEL', 'someone-else')));
  await mine.cache.set('k', { value: 1, expiresAt: Date.now() + 60_000 });
  await theirs.cache.set('k', { value: 2, expiresAt: Date.now() + 60_000 });
  expect(await mine.cache.size()).toBe(1);
  await mine.cache.clear();
  expect(await redis.keys(`${mine.prefix}*`)).toEqual([]);
  expect((await theirs.cache.get('k'))?.value).toBe(2);
  expect(await redis.cli('GET', 'someone-else')).toBe('x');
});

it('takes a prefix with glob characters literally', async () => {
  const star = new RedisCache(redis.url, { prefix: 'bp:*:' });
  onTestFinished(() => star.close());
  const other = await connected();
  expect(await star.whenReady(5000)).toBe(true);
  await other.cache.set('k', { value: 1, expiresAt: Date.now() + 60_000 });
  await star.clear();
  expect(await star.size()).toBe(0);
  expect((await other.cache.get('k'))?.value).toBe(1);
});

it('counts a use noted from a tier in front when it next drops an entry', async () => {
  const { cache } = await connected({ maxEntries: 2 });
  const later = Date.now() + 60_000;
  await cache.set('a', { value: 'a', expiresAt: later });
  await cache.set('b', { value: 'b', expiresAt: later });
  cache.noteUse('a'); // read from memory: Redis was not asked
  await cache.set('c', { value: 'c', expiresAt: later });
  expect(await cache.get('b')).toBeUndefined();
  expect((await cache.get('a'))?.value).toBe('a');
});

it('shares entries between instances on one Redis and prefix', async () => {
  const { cache, prefix } = await connected();
  const other = new RedisCache(redis.url, { prefix });
  onTestFinished(() => other.close());
  expect(await other.whenReady(5000)).toBe(true);
  await cache.set('k', { value: 'from the first', expiresAt: Date.now() + 60_000 });
  expect((await other.get('k'))?.value).toBe('from the first');
});

it('gives a claim to one instance at a time; only its holder releases it, or time does', async () => {
  const { cache, prefix } = await connected();
  const other = new RedisCache(redis.url, { prefix });
  onTestFinished(() => other.close());
  expect(await other.whenReady(5000)).toBe(true);
  expect(await cache.claim('k', 60_000)).toBe(true);
  expect(await other.claim('k', 60_000)).toBe(false);
  await other.release('k');
  expect(await other.claim('k', 60_000)).toBe(false);
  await cache.release('k');
  expect(await other.claim('k', 50)).toBe(true);
  // Its holder gone silent: the claim runs out by itself.
  await expect.poll(() => cache.claim('k', 60_000), { timeout: 2000 }).toBe(true);
});

it('fails at once, rather than waiting, while it has no connection', async () => {
  const cache = new RedisCache('redis://127.0.0.1:1', { connectTimeoutMs: 200 });
  onTestFinished(() => cache.close());
  const started = performance.now();
  await expect(cache.get('k')).rejects.toThrow();
  expect(performance.now() - started).toBeLessThan(100);
  expect(cache.connected).toBe(false);
});
