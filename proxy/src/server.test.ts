import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Branch } from '#core/branch';
import { makeBranch } from '#core/branch.fixture';
import { decodeCompact, toPoint } from '#core/compact';
import { createServer } from './server';
import { testConfig } from './server.fixture';

const branch = (id: string, lon: number, lat: number): Branch =>
  makeBranch(id, { location: { lon, lat } });
const fixture = [
  branch('410012', 46.03478, 51.53312),
  branch('410001', 46.01, 51.54),
  branch('101000', 37.61556, 55.75222),
];

let app: FastifyInstance;
let base: string;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'bp-dist-'));
  await mkdir(path.join(dist, 'widget'), { recursive: true });
  await mkdir(path.join(dist, 'basemap', 'tiles', '0', '0'), { recursive: true });
  await mkdir(path.join(dist, 'configurator'), { recursive: true });
  await writeFile(path.join(dist, 'widget', 'branch-picker.js'), 'export const x = 1;');
  await writeFile(path.join(dist, 'widget', 'map-controller-AbCdEf12.js'), 'export const y = 2;');
  // A version folder as the build writes it: chunks with their pre-compressed copies.
  await mkdir(path.join(dist, 'widget', '0.1.0'), { recursive: true });
  const chunk = `export const z = ${JSON.stringify('x'.repeat(4000))};`;
  await writeFile(path.join(dist, 'widget', '0.1.0', 'map-controller-AbCdEf12.js'), chunk);
  await writeFile(
    path.join(dist, 'widget', '0.1.0', 'map-controller-AbCdEf12.js.br'),
    brotliCompressSync(chunk),
  );
  await writeFile(path.join(dist, 'widget', '0.1.0', 'branch-picker.js'), '(() => {})();');
  await writeFile(
    path.join(dist, 'basemap', 'style-dark.json'),
    JSON.stringify({
      version: 8,
      layers: Array.from({ length: 200 }, (_, i) => ({ id: `layer-${i}`, type: 'background' })),
    }),
  );
  await writeFile(path.join(dist, 'basemap', 'style.json'), '{"version":8}');
  await writeFile(
    path.join(dist, 'basemap', 'tiles', '0', '0', '0.pbf'),
    Buffer.from([0x1a, 0x00]),
  );
  await writeFile(path.join(dist, 'configurator', 'index.html'), '<!doctype html><title>c</title>');
  app = await createServer(
    testConfig({ distDir: dist, publicDir: path.join(dist, 'configurator'), seed: () => fixture }),
  );
  await app.branches.current.compressed;
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${url}`, { headers });

describe('GET /api/v1/branches', () => {
  it('serves the whole network in the compact encoding, brotli when accepted', async () => {
    const res = await get('/api/v1/branches', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const points = decodeCompact(await res.json());
    expect(points).toEqual(fixture.map(toPoint).sort((a, b) => Number(a.id) - Number(b.id)));
  });

  it('sends brotli, gzip or identity bytes by Accept-Encoding, all the same document', async () => {
    // node:http, because fetch would decompress the body by itself.
    const raw = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(`${base}/api/v1/branches`, { headers: { 'accept-encoding': encoding } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await raw('gzip, deflate, br');
    const gz = await raw('gzip');
    const plain = await raw('identity');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.headers.vary).toMatch(/accept-encoding/);
  });

  it('has a strong ETag and answers 304 to a matching If-None-Match', async () => {
    const first = await get('/api/v1/branches');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await get('/api/v1/branches', { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('lets any origin read it (the widget runs on shops’ sites)', async () => {
    const res = await get('/api/v1/branches', { origin: 'https://shop.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('GET /api/v1/branches/:id', () => {
  it('serves one branch in full', async () => {
    const res = await get('/api/v1/branches/410012');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(fixture[0]);
  });

  it('answers an unknown id with a problem+json 404 naming the id', async () => {
    const res = await get('/api/v1/branches/999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 404,
      type: '/problems/branch-not-found',
      detail: expect.stringContaining('999999'),
    });
  });

  it('answers a malformed id with a 400 that names the parameter and what is allowed', async () => {
    const res = await get(`/api/v1/branches/${encodeURIComponent('41 0012<script>')}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([
      { field: 'params.id', message: expect.stringMatching(/1 to 64 letters, digits/) },
    ]);
  });
});

describe('the rest of the server', () => {
  it('reports liveness and readiness', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await get('/readyz')).json()).toEqual({
      status: 'ready',
      branches: 3,
      quotes: { source: 'estimate', tariff: 'closed', delivery: 'closed' },
      cache: { backend: 'memory', state: 'healthy' },
      rateLimits: { backend: 'memory', state: 'healthy' },
      database: { backend: 'sqlite', state: 'healthy' },
      basemap: { kind: 'offline' },
    });
  });

  it('answers a request line Node cannot parse with problem+json 400 saying why', async () => {
    // Raw UTF-8 in the URL, as a hand-written client might send; browsers percent-encode it.
    const { port } = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          Buffer.concat([
            Buffer.from('GET /api/v1/branches/search?q='),
            Buffer.from('Саратов', 'utf8'),
            Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
          ]),
        ),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Content-Type: application/problem+json');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { detail: string };
    expect(body.detail).toContain('percent-encoded');
  });

  it('answers unknown paths with problem+json 404, never HTML or a stack', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('serves the widget entry with a short cache and hashed chunks for a year, to any origin', async () => {
    const entry = await get('/widget/branch-picker.js', { origin: 'https://shop.example' });
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('public, max-age=300');
    expect(entry.headers.get('access-control-allow-origin')).toBe('*');
    const chunk = await get('/widget/map-controller-AbCdEf12.js');
    expect(chunk.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('caches a chunk for a year whatever the encoding, and a pinned version folder too', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await get('/widget/0.1.0/map-controller-AbCdEf12.js', {
        'accept-encoding': encoding,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control'), encoding).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    const pinned = await get('/widget/0.1.0/branch-picker.js');
    expect(pinned.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('sends text compressed: pre-compressed chunks as built, styles and pages on the fly', async () => {
    const chunk = await fetch(`${base}/widget/0.1.0/map-controller-AbCdEf12.js`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(chunk.headers.get('content-encoding')).toBe('br');
    const style = await get('/basemap/style-dark.json', { 'accept-encoding': 'br, gzip' });
    expect(style.headers.get('content-encoding')).toBe('br');
    expect((await style.json()) as { layers: unknown[] }).toMatchObject({ version: 8 });
  });

  it('serves basemap tiles, and an empty 204 for a tile the build left out (open sea)', async () => {
    const tile = await get('/basemap/tiles/0/0/0.pbf');
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('application/x-protobuf');
    const sea = await get('/basemap/tiles/3/1/1.pbf');
    expect(sea.status).toBe(204);
    const bad = await get('/basemap/tiles/3/9/1.pbf');
    expect(bad.status).toBe(400);
  });
});
