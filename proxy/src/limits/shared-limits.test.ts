/**
 * Rate limits counted in Redis across instances: a buyer spread over two proxies behind a load
 * balancer has one budget, and with Redis gone each proxy goes on counting alone, failing nothing.
 * Real proxies, a real redis-server.
 */
import type { FastifyInstance } from 'fastify';
import { expect, it, onTestFinished } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { startRedisServer, type RedisServer } from '../cache/redis-server.fixture';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

const QUOTE = '/api/v1/quote?from=101000&to=410012&weight=500';

async function proxy(redis: RedisServer): Promise<{ app: FastifyInstance; base: string }> {
  const config = testConfig({
    seed: () => [makeBranch('410012'), makeBranch('101000')],
    trustProxy: true,
    rateLimits: { ...testConfig().rateLimits, quotes: 4 },
  });
  const app = await createServer({ ...config, quotes: { ...config.quotes, redisUrl: redis.url } });
  onTestFinished(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  await expect.poll(() => app.rateLimitState().state, { timeout: 5000 }).toBe('healthy');
  return { app, base };
}

const status = async (base: string, client: string) =>
  (await fetch(`${base}${QUOTE}`, { headers: { 'x-forwarded-for': client } })).status;

it('gives a buyer spread over two instances one budget', async () => {
  const redis = await startRedisServer();
  const [a, b] = [await proxy(redis), await proxy(redis)];
  const statuses = [];
  for (const base of [a.base, b.base, a.base, b.base, a.base, b.base])
    statuses.push(await status(base, '203.0.113.5'));
  expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  expect(await redis.keys('bp:limit:*')).toEqual(['bp:limit:203.0.113.5quotes']);
});

it('counts on each instance alone while Redis is down, and together again once it is back', async () => {
  const redis = await startRedisServer();
  const a = await proxy(redis);
  await redis.stop();
  await expect.poll(() => a.app.rateLimitState().state, { timeout: 5000 }).toBe('degraded');
  const ready = (await (await fetch(`${a.base}/readyz`)).json()) as Record<string, unknown>;
  expect(ready.rateLimits).toEqual({ backend: 'redis', state: 'degraded' });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push(await status(a.base, '198.51.100.20'));
  expect(statuses).toEqual([200, 200, 200, 200, 429]);
  await redis.resume();
  await expect.poll(() => a.app.rateLimitState().state, { timeout: 10_000 }).toBe('healthy');
  expect(await status(a.base, '198.51.100.21')).toBe(200);
  expect(await redis.keys('bp:limit:*')).toEqual(['bp:limit:198.51.100.21quotes']);
});
