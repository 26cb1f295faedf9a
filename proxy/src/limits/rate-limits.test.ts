/**
 * Rate limits by route group, through real HTTP: the routes of a group share one count per client
 * address, groups count apart, and what is not in a group (health, static files) is never limited.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

let app: FastifyInstance;
let base: string;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'bp-limits-'));
  mkdirSync(path.join(dist, 'widget'));
  writeFileSync(path.join(dist, 'widget/branch-picker.js'), 'console.log(1)');
  app = await createServer(
    testConfig({
      seed: () => [makeBranch('410012'), makeBranch('101000')],
      distDir: dist,
      trustProxy: true,
      rateLimits: { quotes: 3, lookups: 2, network: 2, configs: 2, 'config-create': 1 },
    }),
  );
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const status = async (url: string, client = '203.0.113.1') =>
  (await fetch(`${base}${url}`, { headers: { 'x-forwarded-for': client } })).status;
const quote = 'from=101000&to=410012&weight=500';

it('counts the three quote routes as one budget per client address', async () => {
  const statuses = [
    await status(`/api/v1/tariff?${quote}`),
    await status(`/api/v1/delivery?${quote}`),
    await status(`/api/v1/quote?${quote}`),
    await status(`/api/v1/quote?${quote}`),
  ];
  expect(statuses).toEqual([200, 200, 200, 429]);
  // Another buyer is not held back by the first.
  expect(await status(`/api/v1/quote?${quote}`, '203.0.113.2')).toBe(200);
});

it('counts search, nearby and branches apart from quotes and from the network', async () => {
  const client = '198.51.100.7';
  expect(await status('/api/v1/branches/search?q=410012', client)).toBe(200);
  expect(await status('/api/v1/branches/nearby?lon=46&lat=51.5', client)).toBe(200);
  expect(await status('/api/v1/branches/410012', client)).toBe(429);
  expect(await status(`/api/v1/quote?${quote}`, client)).toBe(200);
  expect(await status('/api/v1/branches', client)).toBe(200);
  expect(await status('/api/v1/branches?types=post_office', client)).toBe(200);
  expect(await status('/api/v1/branches', client)).toBe(429);
});

it('never limits health checks or the widget’s files, and says nothing of limits on them', async () => {
  const client = '192.0.2.9';
  for (let i = 0; i < 20; i++) {
    const health = await fetch(`${base}/healthz`, { headers: { 'x-forwarded-for': client } });
    const file = await fetch(`${base}/widget/branch-picker.js`, {
      headers: { 'x-forwarded-for': client },
    });
    expect([health.status, file.status]).toEqual([200, 200]);
    expect(file.headers.get('x-ratelimit-limit')).toBeNull();
  }
});

it('answers past the limit with a problem that says when to come back', async () => {
  const client = '192.0.2.44';
  await status(`/api/v1/quote?${quote}`, client);
  await status(`/api/v1/quote?${quote}`, client);
  await status(`/api/v1/quote?${quote}`, client);
  const res = await fetch(`${base}/api/v1/quote?${quote}`, {
    headers: { 'x-forwarded-for': client },
  });
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await res.json()).toMatchObject({ status: 429, detail: expect.stringMatching(/\d/) });
});

it('says nothing of limits well within them, and shows the limit coming past half of it', async () => {
  const client = '192.0.2.61';
  const heads = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${base}/api/v1/quote?${quote}`, {
      headers: { 'x-forwarded-for': client },
    });
    heads.push([
      res.status,
      res.headers.get('x-ratelimit-limit'),
      res.headers.get('x-ratelimit-remaining'),
    ]);
    expect(Number(res.headers.get('x-ratelimit-reset') ?? 60)).toBeLessThanOrEqual(60);
  }
  // A budget of 3: the first is within half of it, the second spends two thirds.
  expect(heads).toEqual([
    [200, null, null],
    [200, '3', '1'],
    [200, '3', '0'],
    [429, '3', '0'],
  ]);
});

it('counts an IPv6 client by its /64, so that rotating addresses within it gains nothing', async () => {
  const statuses = [];
  for (const host of ['1', '2', 'abcd', 'ffff:1'])
    statuses.push(await status(`/api/v1/quote?${quote}`, `2001:db8:1:2::${host}`));
  expect(statuses).toEqual([200, 200, 200, 429]);
  // The next /64 is another client, and an IPv4-mapped address counts as its IPv4 one.
  expect(await status(`/api/v1/quote?${quote}`, '2001:db8:1:3::1')).toBe(200);
  for (let i = 0; i < 3; i++) await status(`/api/v1/quote?${quote}`, '192.0.2.77');
  expect(await status(`/api/v1/quote?${quote}`, '::ffff:192.0.2.77')).toBe(429);
});
