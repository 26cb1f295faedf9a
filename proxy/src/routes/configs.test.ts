/**
 * Saved configurations through the whole server (in-memory SQLite, `inject`): the life cycle, and
 * every bad request answered with its status, the field it names, and nothing stored changed.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProblemDocument } from '#core/problem';
import type { CreatedConfig, OwnerConfig, WidgetConfigInput } from '#core/widget-config';
import { createServer } from '../server';
import { sqlite, testConfig } from '../server.fixture';

const CONFIGS = '/api/v1/configs';

const SHOP: WidgetConfigInput = {
  name: 'Main shop',
  options: { from: '101000', weight: '1200', types: 'parcel_locker', 'no-list': true },
  appearance: { primary: '#1F8A3A', radius: 8 },
  pricing: { markupPercent: 10, roundTo: 10 },
  allowedOrigins: ['https://shop.example'],
  allowedReturnUrls: ['https://shop.example/checkout/', 'myshop://picked'],
};

let app: FastifyInstance;

beforeEach(async () => {
  app = await createServer(testConfig());
});
afterEach(async () => {
  await app.close();
});

const call = async (options: InjectOptions) => {
  const res = await app.inject(options);
  return { res, body: res.body ? res.json<unknown>() : undefined };
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function create(body: unknown = SHOP): Promise<CreatedConfig> {
  const { res, body: created } = await call({
    method: 'POST',
    url: CONFIGS,
    payload: body as object,
  });
  expect(res.statusCode).toBe(201);
  return created as CreatedConfig;
}

/** Every stored row of both tables: compared before and after a refused request. */
const stored = () =>
  JSON.stringify([
    sqlite(app).prepare('SELECT * FROM configs ORDER BY id').all(),
    sqlite(app).prepare('SELECT * FROM config_versions ORDER BY config_id, version').all(),
  ]);

describe('the life cycle of a configuration', () => {
  it('creates one: 201, everything with its ETag and Location, and the owner token once', async () => {
    const { res, body } = await call({ method: 'POST', url: CONFIGS, payload: SHOP });
    const { config, token } = body as CreatedConfig;
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`${CONFIGS}/${config.id}`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(config.id).toMatch(/^[a-z0-9]{12}$/);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    expect(config).toMatchObject({
      version: 1,
      name: 'Main shop',
      options: SHOP.options,
      appearance: { primary: '#1f8a3a', radius: 8 },
      pricing: { markupPercent: 10, roundTo: 10 },
      allowedOrigins: ['https://shop.example'],
      allowedReturnUrls: ['https://shop.example/checkout/', 'myshop://picked'],
      pochtaWidgetId: null,
    });
    expect(Date.parse(config.createdAt)).toBe(Date.parse(config.updatedAt));
  });

  it('shows the public part to anyone, and everything to its owner', async () => {
    const { config, token } = await create();
    const pub = await call({ url: `${CONFIGS}/${config.id}` });
    expect(pub.res.statusCode).toBe(200);
    expect(pub.res.headers.etag).toBe('"1"');
    expect(pub.body).toEqual({
      id: config.id,
      version: 1,
      options: SHOP.options,
      appearance: { primary: '#1f8a3a', radius: 8 },
    });
    const owner = await call({ url: `${CONFIGS}/${config.id}`, headers: bearer(token) });
    expect(owner.body).toEqual(config);
    expect(owner.res.headers['cache-control']).toBe('private, no-store');
    expect(owner.res.headers.vary).toMatch(/Origin.*Authorization/);
  });

  it('answers 304 to a reader who has the current version', async () => {
    const { config } = await create();
    const res = await app.inject({
      url: `${CONFIGS}/${config.id}`,
      headers: { 'if-none-match': '"1"' },
    });
    expect(res.statusCode).toBe(304);
  });

  it('saves over the version If-Match names, one version up', async () => {
    const { config, token } = await create();
    const { res, body } = await call({
      method: 'PUT',
      url: `${CONFIGS}/${config.id}`,
      headers: { ...bearer(token), 'if-match': '"1"' },
      payload: { ...SHOP, options: { from: '410012' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(body).toMatchObject({ id: config.id, version: 2, options: { from: '410012' } });
    const pub = await call({ url: `${CONFIGS}/${config.id}` });
    expect(pub.body).toMatchObject({ version: 2, options: { from: '410012' } });
  });

  it('keeps every version, and restores an old one as the newest', async () => {
    const { config, token } = await create();
    const put = (from: string, version: number) =>
      call({
        method: 'PUT',
        url: `${CONFIGS}/${config.id}`,
        headers: { ...bearer(token), 'if-match': `"${version}"` },
        payload: { ...SHOP, options: { from } },
      });
    await put('410012', 1);
    await put('344038', 2);
    const list = await call({ url: `${CONFIGS}/${config.id}/versions`, headers: bearer(token) });
    const versions = (list.body as { versions: { version: number; savedAt: string }[] }).versions;
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions.every((v) => !Number.isNaN(Date.parse(v.savedAt)))).toBe(true);

    const restored = await call({
      method: 'POST',
      url: `${CONFIGS}/${config.id}/versions/1/restore`,
      headers: { ...bearer(token), 'if-match': '"3"' },
    });
    expect(restored.res.statusCode).toBe(200);
    expect(restored.res.headers.etag).toBe('"4"');
    expect(restored.body).toMatchObject({ version: 4, options: SHOP.options });
    const missing = await call({
      method: 'POST',
      url: `${CONFIGS}/${config.id}/versions/9/restore`,
      headers: { ...bearer(token), 'if-match': '"4"' },
    });
    expect(missing.res.statusCode).toBe(404);
    expect((missing.body as ProblemDocument).errors?.[0]?.field).toBe('params.version');
  });

  it('makes a new token on request: the new one works, the old one no longer does', async () => {
    const { config, token } = await create();
    const { res, body } = await call({
      method: 'POST',
      url: `${CONFIGS}/${config.id}/token`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(200);
    const fresh = (body as CreatedConfig).token;
    expect(fresh).not.toBe(token);
    const url = `${CONFIGS}/${config.id}`;
    expect((await app.inject({ url, headers: bearer(fresh) })).statusCode).toBe(200);
    expect((await app.inject({ url, headers: bearer(token) })).statusCode).toBe(403);
  });

  it('deletes with the token, history and all; the id is then unknown', async () => {
    const { config, token } = await create();
    const res = await app.inject({
      method: 'DELETE',
      url: `${CONFIGS}/${config.id}`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(204);
    expect((await app.inject(`${CONFIGS}/${config.id}`)).statusCode).toBe(404);
    expect(stored()).toBe('[[],[]]');
  });

  it('imports an export: the fields the server owns are ignored, the rest kept', async () => {
    const { config, token } = await create();
    const exported = (await call({ url: `${CONFIGS}/${config.id}`, headers: bearer(token) }))
      .body as OwnerConfig;
    const copy = await create({ ...exported, version: 42, id: 'aaaaaaaaaaaa' });
    expect(copy.config.id).not.toBe(config.id);
    expect(copy.config.version).toBe(1);
    const { id, version, createdAt, updatedAt, ...document } = exported;
    void [id, version, createdAt, updatedAt];
    expect(copy.config).toMatchObject(document);
  });

  it('finds a configuration by its widget.pochta.ru id; a second claim on that id is a 409', async () => {
    const { config } = await create({ ...SHOP, pochtaWidgetId: 12345 });
    const found = await call({ url: `${CONFIGS}/by-pochta-widget/12345` });
    expect(found.res.statusCode).toBe(200);
    expect(found.body).toMatchObject({ id: config.id, version: 1 });
    expect((await app.inject(`${CONFIGS}/by-pochta-widget/999`)).statusCode).toBe(404);
    const before = stored();
    const taken = await call({
      method: 'POST',
      url: CONFIGS,
      payload: { ...SHOP, pochtaWidgetId: 12345 },
    });
    expect(taken.res.statusCode).toBe(409);
    expect((taken.body as ProblemDocument).errors?.[0]?.field).toBe('body.pochtaWidgetId');
    expect(stored()).toBe(before);
  });

  it('stores the token only as its SHA-256', async () => {
    const { config, token } = await create();
    const row = sqlite(app).prepare('SELECT * FROM configs WHERE id = ?').get(config.id) as Record<
      string,
      unknown
    >;
    expect(row.token_hash).toEqual(createHash('sha256').update(token).digest());
    const everything = JSON.stringify(
      sqlite(app)
        .prepare('SELECT * FROM configs')
        .all()
        .concat(sqlite(app).prepare('SELECT * FROM config_versions').all()),
    );
    expect(everything).not.toContain(token);
  });
});

describe('a bad body', () => {
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    call({
      method: 'POST',
      url: CONFIGS,
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it.each([
    [
      'an unknown field',
      { ...SHOP, colour: 'red' },
      'body.colour',
      /is not part of a configuration/,
    ],
    ['an unknown option', { options: { colour: 'red' } }, 'body.options.colour', /not an option/],
    [
      'the api option',
      { options: { api: 'https://x.example' } },
      'body.options.api',
      /page sets it/,
    ],
    [
      'a postal code that is not one',
      { options: { from: '10100' } },
      'body.options.from',
      /^must be a six-digit postal code, such as 101000$/,
    ],
    ['a flag given as text', { options: { 'no-list': 'yes' } }, 'body.options.no-list', /true/],
    [
      'a colour that is not a colour',
      { options: {}, appearance: { primary: 'green' } },
      'body.appearance.primary',
      /^must be a colour written #rrggbb/,
    ],
    [
      'a markup of -500 %',
      { options: {}, pricing: { markupPercent: -500 } },
      'body.pricing.markupPercent',
      /^must be a percentage from 0 to 1000, got -500$/,
    ],
    [
      'an allowed site that is not an origin',
      { options: {}, allowedOrigins: ['https://shop.example', 'shop.example/checkout'] },
      'body.allowedOrigins.1',
      /is not an origin such as https:\/\/shop.example/,
    ],
    [
      'a return URL that runs a script',
      { options: {}, allowedReturnUrls: ['javascript://alert(1)'] },
      'body.allowedReturnUrls.0',
      /cannot be a return URL/,
    ],
    ['a long name', { options: {}, name: 'x'.repeat(101) }, 'body.name', /at most 100/],
    ['a widget id of -1', { options: {}, pochtaWidgetId: -1 }, 'body.pochtaWidgetId', /above 0/],
  ])('refuses %s with a 400 naming it, storing nothing', async (_what, payload, field, message) => {
    const before = stored();
    const { res, body } = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((body as ProblemDocument).errors).toEqual([
      { field, message: expect.stringMatching(message) },
    ]);
    expect(stored()).toBe(before);
  });

  it('lists every bad field at once', async () => {
    const { body } = await post({
      options: { from: 'x', zoom: '99' },
      appearance: { primary: 'green', radius: 100 },
      pricing: { markupPercent: -1, extraDays: 1.5 },
    });
    expect((body as ProblemDocument).errors?.map((e) => e.field)).toEqual([
      'body.options.from',
      'body.options.zoom',
      'body.appearance.primary',
      'body.appearance.radius',
      'body.pricing.markupPercent',
      'body.pricing.extraDays',
    ]);
  });

  it('refuses 1e400 as an amount, naming the field', async () => {
    const { res, body } = await post('{"options": {}, "pricing": {"markupFixed": 1e400}}');
    expect(res.statusCode).toBe(400);
    expect((body as ProblemDocument).errors?.[0]?.field).toBe('body.pricing.markupFixed');
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    expect((await post('{"options": ')).res.statusCode).toBe(400);
    const array = await post('[1, 2]');
    expect(array.res.statusCode).toBe(400);
    expect((array.body as ProblemDocument).errors?.[0]?.field).toBe('body');
    expect(stored()).toBe('[[],[]]');
  });

  it('refuses a 1 MB body with a 413 problem, storing nothing', async () => {
    const { res } = await post({ options: {}, name: 'x'.repeat(1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stored()).toBe('[[],[]]');
  });
});

describe('a request that may not change a configuration', () => {
  const put = (id: string, headers: Record<string, string>, payload: object = SHOP) =>
    call({ method: 'PUT', url: `${CONFIGS}/${id}`, headers, payload });

  it('is a 401 with a Bearer challenge without a token, a 403 with a wrong one', async () => {
    const { config } = await create();
    const before = stored();
    const none = await put(config.id, { 'if-match': '"1"' });
    expect(none.res.statusCode).toBe(401);
    expect(none.res.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await put(config.id, { ...bearer('not-the-token'), 'if-match': '"1"' });
    expect(wrong.res.statusCode).toBe(403);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `${CONFIGS}/${config.id}`,
      headers: bearer('not-the-token'),
    });
    expect(deleted.statusCode).toBe(403);
    expect(stored()).toBe(before);
  });

  it('is a 428 without If-Match and a 412 with a stale one', async () => {
    const { config, token } = await create();
    await put(config.id, { ...bearer(token), 'if-match': '"1"' });
    const before = stored();
    const missing = await put(config.id, bearer(token));
    expect(missing.res.statusCode).toBe(428);
    const stale = await put(config.id, { ...bearer(token), 'if-match': '"1"' });
    expect(stale.res.statusCode).toBe(412);
    expect((stale.body as ProblemDocument).detail).toMatch(/read it again/);
    expect(stored()).toBe(before);
  });

  it('is a 404 for an id that does not exist, and a 400 for one that cannot be an id', async () => {
    expect((await put('zzzzzzzzzzzz', { ...bearer('t'), 'if-match': '"1"' })).res.statusCode).toBe(
      404,
    );
    const unknown = await call({ url: `${CONFIGS}/zzzzzzzzzzzz` });
    expect(unknown.res.statusCode).toBe(404);
    expect((unknown.body as ProblemDocument).errors?.[0]?.field).toBe('params.id');
    const malformed = await call({ url: `${CONFIGS}/NOT-AN-ID` });
    expect(malformed.res.statusCode).toBe(400);
    expect((malformed.body as ProblemDocument).errors?.[0]?.field).toBe('params.id');
  });

  it('refuses a bad body on save with a 400, keeping the version', async () => {
    const { config, token } = await create();
    const before = stored();
    const bad = await put(
      config.id,
      { ...bearer(token), 'if-match': '"1"' },
      { options: {}, appearance: { primary: 'red' } },
    );
    expect(bad.res.statusCode).toBe(400);
    expect(stored()).toBe(before);
  });
});
