/**
 * What a shop's page on another origin may do with the public resources: read them all, and be
 * answered a preflight only for the read API (the branches and quotes); elsewhere a preflight is a
 * 404, since files, tiles and pages are read with simple requests.
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
let dist: string;
const SHOP = 'https://shop.example';

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'bp-cors-'));
  mkdirSync(path.join(dist, 'widget'));
  writeFileSync(path.join(dist, 'widget/branch-picker.js'), 'console.log(1)');
  app = await createServer(testConfig({ seed: () => [makeBranch('410012')], distDir: dist }));
});
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const preflight = (url: string) =>
  app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin: SHOP,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'accept-language',
    },
  });

it.each(['/api/v1/branches/search?q=410', '/api/v1/quote?from=1', '/api/v1/branches/410012'])(
  'answers a preflight for %s: GET and HEAD from any origin, for a day',
  async (url) => {
    const res = await preflight(url);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(res.headers['access-control-allow-headers']).toBe('accept-language');
    expect(res.headers['access-control-max-age']).toBe('86400');
  },
);

it.each(['/widget/branch-picker.js', '/embed', '/basemap/style.json', '/nowhere'])(
  'answers no preflight for %s, which simple requests read',
  async (url) => {
    const res = await preflight(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  },
);

it('lets any origin read the API and the widget’s files', async () => {
  for (const url of ['/api/v1/branches/410012', '/widget/branch-picker.js']) {
    const res = await app.inject({ url, headers: { origin: SHOP } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  }
});
