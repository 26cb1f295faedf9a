/**
 * Numbers as an attacker writes them: `1e400` and `Infinity` become ±Infinity when coerced, and
 * must be refused like any number out of range, on every route that takes one, with a problem
 * that names the field.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createServer(
    testConfig({
      seed: () => [makeBranch('410012'), makeBranch('101000')],
    }),
  );
});
afterAll(() => app.close());

const QUOTE = '/api/v1/quote?from=101000&to=410012&weight=1000';
const CASES: [string, string][] = [
  ['/api/v1/branches/nearby?lon=46&lat=51&limit=', 'query.limit'],
  ['/api/v1/branches/nearby?lat=51&limit=5&lon=', 'query.lon'],
  ['/api/v1/branches/nearby?lon=46&limit=5&lat=', 'query.lat'],
  ['/api/v1/branches/nearby?lon=46&lat=51&radius=', 'query.radius'],
  ['/api/v1/branches/search?q=Саратов&limit=', 'query.limit'],
  [`${QUOTE}&value=`, 'query.value'],
  [`${QUOTE}&cod=`, 'query.cod'],
  [`${QUOTE}&order=`, 'query.order'],
  ['/api/v1/quote?from=101000&to=410012&weight=', 'query.weight'],
  [`${QUOTE}&length=`, 'query.length'],
];

describe.each(['1e400', '-1e400', 'Infinity', '-Infinity', 'NaN', '1e308'])('%s', (number) => {
  it.each(CASES)('is refused in %s… naming %s', async (url, field) => {
    const res = await app.inject(`${url}${encodeURIComponent(number)}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<{ errors?: { field: string; message: string }[] }>();
    const named = body.errors?.find((e) => e.field === field);
    // What is allowed, in words: the schema's description, or "a finite number".
    expect(named?.message).toMatch(/^must be .*(\d|finite)/);
  });
});
