/**
 * Who may use a saved configuration, decided by the proxy: reads of it and quotes priced by it
 * answer its allowed sites and the proxy's own origin (never with `*`), refuse other sites with a
 * 403 that says what to add, and writes come only from the proxy's own origin. And a quote with
 * `config` is priced by that configuration's rules; one without, by the server's.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import type { ProblemDocument } from '#core/problem';
import type { CreatedConfig, WidgetConfigInput } from '#core/widget-config';
import type { QuoteAnswer } from '#core/quote';
import { createServer } from '../server';
import { sqlite, testConfig } from '../server.fixture';

const SHOP = 'https://shop.example';
/** `inject` reaches the proxy as http://localhost. */
const OWN = 'http://localhost';
const QUOTE = 'from=344038&to=115162&weight=1000';

const DOCUMENT: WidgetConfigInput = {
  options: { from: '344038' },
  pricing: { markupPercent: 50, extraDays: 2 },
  allowedOrigins: [SHOP],
};

let app: FastifyInstance;
let id: string;
let token: string;

beforeAll(async () => {
  app = await createServer(
    testConfig({
      seed: () => [
        makeBranch('344038', { location: { lon: 39.7, lat: 47.23 } }),
        makeBranch('115162', { location: { lon: 37.62, lat: 55.75 } }),
      ],
    }),
  );
  const res = await app.inject({ method: 'POST', url: '/api/v1/configs', payload: DOCUMENT });
  ({
    config: { id },
    token,
  } = res.json<CreatedConfig>());
});
afterAll(async () => {
  await app.close();
});

const read = (url: string, origin?: string) =>
  app.inject({ url, headers: origin ? { origin } : {} });

describe.each([
  ['reading the configuration', () => `/api/v1/configs/${id}`],
  ['a quote priced by it', () => `/api/v1/quote?${QUOTE}&config=${id}`],
  ['its tariff', () => `/api/v1/tariff?${QUOTE}&config=${id}`],
  ['its delivery time', () => `/api/v1/delivery?${QUOTE}&config=${id}`],
])('%s', (_what, url) => {
  it('refuses a site not in its allowed sites with a 403 that says what to add', async () => {
    const res = await read(url(), 'https://evil.example');
    expect(res.statusCode).toBe(403);
    expect(res.json<ProblemDocument>().detail).toContain(
      "add https://evil.example to the configuration's allowed sites",
    );
    expect(res.headers['access-control-allow-origin']).not.toBe('*');
  });

  it('answers an allowed site with that origin in Access-Control-Allow-Origin, never *', async () => {
    const res = await read(url(), SHOP);
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('answers the proxy’s own origin, and a request with no Origin', async () => {
    expect((await read(url(), OWN)).statusCode).toBe(200);
    const plain = await read(url());
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the proxy’s own origin', () => {
  it('is the one the browser used, through a reverse proxy when TRUST_PROXY is on', async () => {
    const behind = await createServer(testConfig({ trustProxy: true }));
    try {
      const created = await behind.inject({
        method: 'POST',
        url: '/api/v1/configs',
        payload: DOCUMENT,
        headers: {
          origin: 'https://picker.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'picker.example',
        },
      });
      expect(created.statusCode).toBe(201);
      const direct = await behind.inject({
        method: 'POST',
        url: '/api/v1/configs',
        payload: DOCUMENT,
        headers: { origin: 'https://picker.example' },
      });
      expect(direct.statusCode).toBe(403);
    } finally {
      await behind.close();
    }
  });
});

describe('writes from another site', () => {
  const stored = () => JSON.stringify(sqlite(app).prepare('SELECT * FROM config_versions').all());

  it.each([
    ['POST', (): string => '/api/v1/configs'],
    ['PUT', (): string => `/api/v1/configs/${id}`],
    ['DELETE', (): string => `/api/v1/configs/${id}`],
    ['POST', (): string => `/api/v1/configs/${id}/token`],
    ['POST', (): string => `/api/v1/configs/${id}/versions/1/restore`],
  ] as const)(
    'refuses %s %s even from an allowed site, with no CORS header',
    async (method, url) => {
      const before = stored();
      const res = await app.inject({
        method,
        url: url(),
        headers: { origin: SHOP, authorization: `Bearer ${token}`, 'if-match': '"1"' },
        payload: DOCUMENT,
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(stored()).toBe(before);
    },
  );

  it('grants no preflight', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: `/api/v1/configs/${id}`,
      headers: { origin: SHOP, 'access-control-request-method': 'PUT' },
    });
    expect(res.statusCode).toBe(403);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('a quote priced by a configuration', () => {
  it('applies its markup and extra days; a quote without it does not', async () => {
    const own = (await read(`/api/v1/quote?${QUOTE}`)).json<QuoteAnswer>();
    const priced = (await read(`/api/v1/quote?${QUOTE}&config=${id}`)).json<QuoteAnswer>();
    expect(own.cost.amount).toBe(own.carrierCost.amount);
    expect(priced.carrierCost.amount).toBe(own.carrierCost.amount);
    expect(priced.cost.amount).toBeCloseTo(own.carrierCost.amount * 1.5, 2);
    expect(priced.delivery.minDays).toBe(own.delivery.minDays + 2);
  });

  it('is a 404 naming query.config for a configuration that does not exist', async () => {
    const res = await read(`/api/v1/quote?${QUOTE}&config=zzzzzzzzzzzz`, SHOP);
    expect(res.statusCode).toBe(404);
    expect(res.json<ProblemDocument>().errors?.[0]?.field).toBe('query.config');
  });

  it('is a 400 naming query.config for one that cannot be an id', async () => {
    const res = await read(`/api/v1/quote?${QUOTE}&config=nope`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemDocument>().errors?.[0]?.field).toBe('query.config');
  });

  it('follows a save at once: the cached configuration is dropped on every write', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: `/api/v1/configs/${id}`,
      headers: { authorization: `Bearer ${token}`, 'if-match': '*' },
      payload: { ...DOCUMENT, pricing: { markupFixed: 100 } },
    });
    expect(put.statusCode).toBe(200);
    const q = (await read(`/api/v1/tariff?${QUOTE}&config=${id}`)).json<QuoteAnswer>();
    expect(q.cost.amount).toBeCloseTo(q.carrierCost.amount + 100, 2);
    const back = await app.inject({
      method: 'POST',
      url: `/api/v1/configs/${id}/versions/1/restore`,
      headers: { authorization: `Bearer ${token}`, 'if-match': '*' },
    });
    expect(back.statusCode).toBe(200);
  });
});
