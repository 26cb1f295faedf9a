/**
 * The quote cache in Redis through real proxies (`createServer`) over real redis-servers and fake
 * Russian Posts: where answers are kept, sharing between instances, `/readyz` through an outage, and
 * the connection's end. Each test starts its own Redis, fakes and proxies.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { startRedisServer, type RedisServer } from '../cache/redis-server.fixture';
import { startFakePochta, type FakePochta } from '../quotes/fake-pochta.fixture';
import { quoteKey } from '../quotes/quote-request';
import { sampleRequest } from '../quotes/quote-request.fixture';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

const seed = () => [
  makeBranch('344038', { location: { lon: 39.7, lat: 47.23 } }),
  makeBranch('115162', { location: { lon: 37.62, lat: 55.75 } }),
];

/** sampleRequest()'s parcel as the widget asks for it. */
const QUOTE = '/api/v1/quote?from=344038&to=115162&weight=100';
/** The keys its two answers are kept under in Redis. */
const KEYS = (['delivery', 'tariff'] as const).map(
  (k) => `bp:quote:e:${quoteKey(k, sampleRequest())}`,
);
/** How long a restarted Redis may take to be used again: reconnection attempts are 1 s apart at most. */
const RECOVERY_MS = 10_000;

/** A listening proxy in live mode over `fake`, its cache in `redis`; closed when the test ends. */
async function proxy(
  fake: FakePochta,
  redis: RedisServer,
): Promise<{ app: FastifyInstance; base: string }> {
  const defaults = testConfig().quotes;
  const app = await createServer(
    testConfig({
      seed,
      quotes: {
        ...defaults,
        mode: 'live',
        tariffUrl: fake.url,
        deliveryUrl: fake.url,
        redisUrl: redis.url,
      },
    }),
  );
  onTestFinished(() => app.close());
  return { app, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** Connections named as the proxy names its own, in Redis's CLIENT LIST. */
const proxyConnections = async (redis: RedisServer) =>
  (await redis.cli('CLIENT', 'LIST')).split('\n').filter((l) => / name=branch-picker /.test(l))
    .length;

describe('the quote cache in Redis', () => {
  it('keeps a quote’s answers in Redis, under the quote keys', async () => {
    const redis = await startRedisServer();
    const { base } = await proxy(await startFakePochta(), redis);
    expect((await getJson(`${base}${QUOTE}`)).body).toMatchObject({
      source: 'pochta',
      stale: false,
    });
    expect(await redis.keys('bp:quote:e:*')).toEqual(KEYS);
  });

  it('answers a second instance on the same Redis from the first one’s answer, asking Russian Post nothing', async () => {
    const redis = await startRedisServer();
    const [fakeA, fakeB] = [await startFakePochta(), await startFakePochta()];
    const first = await proxy(fakeA, redis);
    const second = await proxy(fakeB, redis);
    const answered = await getJson(`${first.base}${QUOTE}`);
    const shared = await getJson(`${second.base}${QUOTE}`);
    expect(shared).toEqual(answered);
    expect(fakeA.calls.length).toBe(2);
    expect(fakeB.calls.length).toBe(0);
  });

  it('asks Russian Post once for many identical cold quotes spread over two instances at once', async () => {
    const redis = await startRedisServer();
    // One Russian Post behind both, slow enough that every request arrives while it is asked.
    const fake = await startFakePochta({ delayMs: 300 });
    const instances = [await proxy(fake, redis), await proxy(fake, redis)];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => getJson(`${instances[i % 2]!.base}${QUOTE}`)),
    );
    expect(answers.every((a) => a.status === 200 && a.body.source === 'pochta')).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.body.cost))).size).toBe(1);
    // One call per calculator (tariff and delivery), not one per instance.
    expect(fake.calls.map((c) => c.path).sort()).toEqual([
      '/v2/calculate/delivery',
      '/v2/calculate/tariff',
    ]);
  });

  it('says in /readyz that the cache is degraded while Redis is down, stays ready, and still quotes', async () => {
    const redis = await startRedisServer();
    const { base } = await proxy(await startFakePochta(), redis);
    expect((await getJson(`${base}/readyz`)).body.cache).toEqual({
      backend: 'redis',
      state: 'healthy',
    });
    await redis.stop();
    await expect
      .poll(async () => (await getJson(`${base}/readyz`)).body.cache)
      .toEqual({ backend: 'redis', state: 'degraded' });
    expect(await getJson(`${base}/readyz`)).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
    const started = performance.now();
    expect(await getJson(`${base}${QUOTE}`)).toMatchObject({
      status: 200,
      body: { source: 'pochta' },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    await redis.resume();
    await expect
      .poll(async () => (await getJson(`${base}/readyz`)).body.cache, { timeout: RECOVERY_MS })
      .toEqual({ backend: 'redis', state: 'healthy' });
  });

  it('starts without its Redis, and uses it once it answers', async () => {
    const redis = await startRedisServer();
    await redis.stop();
    const { base } = await proxy(await startFakePochta(), redis);
    expect(await getJson(`${base}/readyz`)).toMatchObject({
      status: 200,
      body: { cache: { backend: 'redis', state: 'degraded' } },
    });
    await redis.resume();
    await expect
      .poll(async () => (await getJson(`${base}/readyz`)).body.cache, { timeout: RECOVERY_MS })
      .toEqual({ backend: 'redis', state: 'healthy' });
    await getJson(`${base}${QUOTE}`);
    expect(await redis.keys('bp:quote:e:*')).toEqual(KEYS);
  });

  it('closes its Redis connection when the server closes', async () => {
    const redis = await startRedisServer();
    const { app } = await proxy(await startFakePochta(), redis);
    expect(await proxyConnections(redis)).toBe(1);
    await app.close();
    await expect.poll(() => proxyConnections(redis)).toBe(0);
  });
});
