/**
 * The quote endpoints through real HTTP: validation, single-flight under load, rate limiting,
 * metrics and the OpenAPI description.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { defaultQuoteConfig } from '../config';
import { FakePochta, startFakePochta, type FakePochtaOptions } from '../quotes/fake-pochta.fixture';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

const seed = () => [
  makeBranch('344038', { location: { lon: 39.7, lat: 47.23 } }),
  makeBranch('115162', { location: { lon: 37.62, lat: 55.75 } }),
];

/** A listening proxy in live mode over the given fake Russian Post; closed by the caller. */
async function liveProxy(fake: FakePochta): Promise<{ app: FastifyInstance; base: string }> {
  const app = await createServer(
    testConfig({
      seed,
      quotes: {
        ...defaultQuoteConfig(),
        mode: 'live',
        tariffUrl: fake.url,
        deliveryUrl: fake.url,
      },
    }),
  );
  return { app, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

/** A proxy of the test's own over a fake of its own, both stopped when the test ends. */
async function ownProxy(options: FakePochtaOptions = {}) {
  const fake = await startFakePochta(options);
  const proxy = await liveProxy(fake);
  onTestFinished(() => proxy.app.close());
  return { fake, ...proxy };
}

// Read-only tests share one proxy over one fake, which none of them changes.
const shared = new FakePochta();
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  await shared.start();
  ({ app, base } = await liveProxy(shared));
});
afterAll(async () => {
  await app.close();
  await shared.stop();
});

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
};

describe('GET /api/v1/quote', () => {
  it('answers cost and delivery time for the parcel, with its source', async () => {
    const { status, body, headers } = await get('/api/v1/quote?from=344038&to=115162&weight=100');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      service: 'parcel-online',
      cost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
      delivery: { minDays: 4, maxDays: 4, deadline: '2022-10-10T23:59:00' },
      source: 'pochta',
      stale: false,
    });
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a quote held fresh in memory exactly as it answered it first', async () => {
    const path = '/api/v1/quote?from=344038&to=620075&weight=730&value=1200';
    const first = await get(path);
    const again = await get(path);
    const third = await get(path);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    for (const header of [
      'content-type',
      'cache-control',
      'x-content-type-options',
      'access-control-allow-origin',
    ])
      expect([again, third].map((r) => r.headers.get(header))).toEqual([
        first.headers.get(header),
        first.headers.get(header),
      ]);
    expect(third.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(third.headers.get('x-content-type-options')).toBe('nosniff');
    expect(again.body).toMatchObject({ source: 'pochta', stale: false, service: 'parcel-online' });
    // A bad request is refused on the way in as before.
    expect(
      (await get('/api/v1/quote?from=344038&to=620075&weight=730&value=10&cod=20')).status,
    ).toBe(400);
  });

  it('answers tariff and delivery apart', async () => {
    expect((await get('/api/v1/tariff?from=344038&to=115162&weight=100')).body).toMatchObject({
      cost: { amount: 50.4 },
    });
    expect((await get('/api/v1/delivery?from=344038&to=115162&weight=100')).body).toMatchObject({
      delivery: { minDays: 4 },
    });
  });

  it('makes one upstream call for 1,000 identical concurrent requests from clients', async () => {
    const own = await ownProxy({ delayMs: 200 });
    const responses = await Promise.all(
      Array.from({ length: 1000 }, () =>
        fetch(`${own.base}/api/v1/tariff?from=344038&to=115162&weight=777`),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(own.fake.callsTo('/tariff')).toBe(1);
  });

  it.each([
    ['from=34403&to=115162&weight=100', 'query.from', /six-digit postal code/],
    ['to=115162&weight=100', 'query.from', /required property 'from'/],
    ['from=344038&to=115162&weight=0', 'query.weight', /grams, a whole number from 1 to 50000/],
    ['from=344038&to=115162&weight=25000', 'query.weight', /at most 20000 g for parcel-online/],
    [
      'from=344038&to=115162&weight=6000&service=first-class',
      'query.weight',
      /at most 5000 g for first-class/,
    ],
    [
      'from=344038&to=115162&weight=100&service=pigeon',
      'query.service',
      /one of parcel, parcel-online, courier-online, ems, first-class, ecom/,
    ],
    [
      'from=344038&to=115162&weight=100&value=-5',
      'query.value',
      /declared value in rubles, from 0/,
    ],
    ['from=344038&to=115162&weight=100&value=100&cod=500', 'query.cod', /must not exceed value/],
    [
      'from=344038&to=115162&weight=100&length=30',
      'query.length',
      /length, width and height go together/,
    ],
  ])('rejects %s with a 400 naming %s', async (query, field, message) => {
    const { status, body } = await get(`/api/v1/quote?${query}`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});

describe('guard rails and observability', () => {
  it('limits requests per client address with 429 and Retry-After', async () => {
    const limited = await createServer(
      testConfig({
        seed,
        rateLimits: { ...testConfig().rateLimits, quotes: 3 },
      }),
    );
    const url = `${await limited.listen({ port: 0, host: '127.0.0.1' })}/api/v1/quote?from=344038&to=115162&weight=100`;
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(url)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await fetch(url);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    } finally {
      await limited.close();
    }
  });

  it('counts requests, cache outcomes and upstream latency for Prometheus', async () => {
    // Twice: the second is a cache hit, whichever test asked first.
    await get('/api/v1/quote?from=344038&to=115162&weight=100');
    await get('/api/v1/quote?from=344038&to=115162&weight=100');
    const res = await fetch(`${base}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /bp_http_requests_total\{route="\/api\/v1\/quote",method="GET",status="200"\} \d+/,
    );
    expect(text).toMatch(/bp_quote_cache_total\{kind="tariff",result="hit"\} \d+/);
    expect(text).toMatch(
      /bp_upstream_request_duration_seconds_count\{upstream="tariff",outcome="ok"\} \d+/,
    );
    expect(text).toMatch(/bp_upstream_breaker_state\{upstream="tariff"\} 0/);
    // Counts go up by what was answered since, exactly.
    const quoted = (t: string) =>
      Number(
        /bp_http_requests_total\{route="\/api\/v1\/quote",method="GET",status="200"\} (\d+)/.exec(
          t,
        )![1],
      );
    const hits = (t: string) =>
      Number(/bp_quote_cache_total\{kind="tariff",result="hit"\} (\d+)/.exec(t)![1]);
    for (let i = 0; i < 3; i++) await get('/api/v1/quote?from=344038&to=115162&weight=100');
    const after = await (await fetch(`${base}/metrics`)).text();
    expect(quoted(after) - quoted(text)).toBe(3);
    expect(hits(after) - hits(text)).toBe(3);
  });

  it('describes the API in OpenAPI from the schemas that validate it', async () => {
    const { body } = await get('/openapi.json');
    const paths = body.paths as Record<
      string,
      { get: { parameters: { name: string; required?: boolean }[] } }
    >;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/quote',
        '/api/v1/tariff',
        '/api/v1/delivery',
        '/api/v1/branches',
        '/api/v1/branches/search',
        '/api/v1/branches/nearby',
        '/api/v1/branches/{id}',
      ]),
    );
    const params = paths['/api/v1/quote']!.get.parameters;
    expect(params.find((p) => p.name === 'weight')).toMatchObject({ required: true });
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'weight', 'service', 'value', 'cod']),
    );
  });

  it('shows the upstreams’ health in /readyz', async () => {
    expect((await get('/readyz')).body).toMatchObject({
      quotes: { source: 'live', tariff: 'closed', delivery: 'closed' },
    });
  });
});
