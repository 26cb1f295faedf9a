/**
 * Search, nearby and the network by box and type, over the whole demo network, through real HTTP.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Branch } from '#core/branch';
import { decodeCompact } from '#core/compact';
import { generateDemoNetwork } from '../branches/demo/generate';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';
import type { BranchSummary } from './branches';

let app: FastifyInstance;
let base: string;
let network: Branch[];
const SARATOV = { lon: 46.0342, lat: 51.5331 };

/**
 * The oracle for distances, independent of the code under test: the spherical law of cosines (the
 * proxy uses haversine) on the IUGG mean earth radius. Both agree to well under a metre at town scale.
 */
function lawOfCosinesMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }) {
  const rad = Math.PI / 180;
  const cos =
    Math.sin(a.lat * rad) * Math.sin(b.lat * rad) +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return 6_371_008.8 * Math.acos(Math.min(1, cos));
}

beforeAll(async () => {
  network = generateDemoNetwork();
  app = await createServer(testConfig({ seed: () => network }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

interface SearchBody {
  results: BranchSummary[];
  places: { name: string; region: string; branches: number }[];
  unmatched?: string[];
  layout?: string;
}
const search = async (params: Record<string, string>) => {
  const res = await fetch(
    `${base}/api/v1/branches/search?${new URLSearchParams(params).toString()}`,
  );
  return {
    status: res.status,
    body: (await res.json()) as SearchBody & { errors?: { field: string; message: string }[] },
  };
};

describe('search', () => {
  it('puts the exact postal code first', async () => {
    const { body } = await search({ q: '410012' });
    expect(body.results[0]).toMatchObject({
      id: '410012',
      postalCode: '410012',
      address: { city: 'Саратов' },
    });
  });

  it('finds postal codes by their start', async () => {
    const { body } = await search({ q: '4100', limit: '20' });
    expect(body.results).toHaveLength(20);
    expect(body.results.every((r) => r.postalCode.startsWith('4100'))).toBe(true);
  });

  it('finds a town in any case, and offers the town itself as a place', async () => {
    const { body } = await search({ q: 'САРАТОВ' });
    expect(body.results.length).toBe(10);
    expect(
      body.results.every(
        (r) => r.address.city === 'Саратов' || r.address.region.startsWith('Саратов'),
      ),
    ).toBe(true);
    expect(body.places[0]).toMatchObject({ name: 'Саратов', region: 'Саратовская область' });
  });

  it('finds a town typed in Latin letters as well', async () => {
    const latin = await search({ q: 'saratov' });
    const cyrillic = await search({ q: 'саратов' });
    expect(latin.body.results.map((r) => r.id)).toEqual(cyrillic.body.results.map((r) => r.id));
    expect((await search({ q: 'moscow' })).body.places[0]?.name).toBe('Москва');
  });

  it('finds a street with its house number, the words in any order', async () => {
    const target = network.find(
      (b) => b.address.city === 'Саратов' && /^\d+$/.test(b.address.house),
    )!;
    const street = target.address.street.replace(/^\S+\s/, ''); // "ул. Ленина" → "Ленина"
    for (const q of [
      `${street} ${target.address.house} Саратов`,
      `саратов ${target.address.house} ${street.toLowerCase()}`,
    ]) {
      const { body } = await search({ q, limit: '50' });
      expect(body.results.map((r) => r.id)).toContain(target.id);
    }
  });

  it('treats ё and е alike', async () => {
    const { body } = await search({ q: 'молодежная саратов' });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.address.full.includes('Молодёжная'))).toBe(true);
  });

  it('ranks equal matches by distance from near, in metres', async () => {
    const { body } = await search({
      q: 'почтомат',
      near: `${SARATOV.lon},${SARATOV.lat}`,
      limit: '5',
    });
    expect(body.results).toHaveLength(5);
    const distances = body.results.map((r) => r.distance!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(15_000);
    const first = body.results[0]!;
    expect(Math.abs(first.distance! - lawOfCosinesMetres(SARATOV, first.location))).toBeLessThan(1);
  });

  it('filters by type', async () => {
    const { body } = await search({ q: 'саратов', types: 'parcel_locker', limit: '50' });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.type === 'parcel_locker')).toBe(true);
  });

  it.each([
    ['a typo', { q: 'Владивасток' }, 'Владивосток', {}],
    ['the wrong layout', { q: 'cfhfnjd' }, 'Саратов', { layout: 'саратов' }],
    ['an everyday name', { q: 'Питер' }, 'Санкт-Петербург', {}],
    ['an abbreviation', { q: 'Н. Новгород' }, 'Нижний Новгород', {}],
    ['a word nothing has', { q: 'Москва Тверская' }, 'Москва', { unmatched: ['Тверская'] }],
  ])('understands %s: %j is %s', async (_kind, params, town, extra) => {
    const { status, body } = await search({ ...params, near: '37.6,55.7' });
    expect(status).toBe(200);
    expect(body.places[0]?.name).toBe(town);
    expect(body.results[0]?.address.city).toBe(town);
    expect(body).toMatchObject(extra);
    if (!('unmatched' in extra)) expect(body.unmatched).toBeUndefined();
  });

  it('answers a query that matches nothing with empty lists, naming the words', async () => {
    const { status, body } = await search({ q: 'zzqx' });
    expect(status).toBe(200);
    expect(body).toEqual({ query: 'zzqx', results: [], places: [], unmatched: ['zzqx'] });
  });

  it.each([
    [{}, 'query.q', /must have required property 'q'/],
    [{ q: 'саратов', limit: '0' }, 'query.limit', /must be a whole number from 1 to 50/],
    [{ q: 'саратов', near: 'Саратов' }, 'query.near', /must be "longitude,latitude"/],
    [{ q: 'саратов', near: '200,10' }, 'query.near', /longitude -180 to 180/],
    [
      { q: 'саратов', types: 'kiosk' },
      'query.types',
      /comma-separated list of post_office, parcel_locker, pickup_point/,
    ],
  ])('rejects %j with a 400 naming %s', async (params, field, message) => {
    const { status, body } = await search(params);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});

describe('nearby', () => {
  const nearby = async (params: Record<string, string>) => {
    const res = await fetch(
      `${base}/api/v1/branches/nearby?${new URLSearchParams(params).toString()}`,
    );
    return {
      status: res.status,
      body: (await res.json()) as { results: BranchSummary[]; errors?: unknown[] },
    };
  };

  it('returns the nearest branches by great-circle distance, nearest first, in metres', async () => {
    const { body } = await nearby({
      lon: String(SARATOV.lon),
      lat: String(SARATOV.lat),
      limit: '5',
    });
    expect(body.results).toHaveLength(5);
    // Brute force over the whole network: the five nearest by the oracle.
    const expected = network
      .map((b) => ({ id: b.id, d: lawOfCosinesMetres(SARATOV, b.location) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 5);
    expect(body.results.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    body.results.forEach((r, i) =>
      expect(Math.abs(r.distance! - expected[i]!.d)).toBeLessThanOrEqual(0.5 + 1e-6),
    );
  });

  it('filters by type and radius', async () => {
    const { body } = await nearby({
      lon: String(SARATOV.lon),
      lat: String(SARATOV.lat),
      limit: '100',
      types: 'pickup_point',
      radius: '5',
    });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.type === 'pickup_point' && r.distance! <= 5000)).toBe(true);
  });

  it('rejects a latitude off the planet, naming it', async () => {
    const { status, body } = await nearby({ lon: '46', lat: '91' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { field: 'query.lat', message: 'must be a latitude from -90 to 90' },
    ]);
  });
});

describe('the network by box and type', () => {
  const networkOf = async (query: string) => {
    const res = await fetch(`${base}/api/v1/branches?${query}`);
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      served: res.headers.get('x-bbox')?.split(',').map(Number),
      body: await res.json(),
    };
  };
  const inside = (lon: number, lat: number, [w, s, e, n]: readonly number[]) =>
    lon >= w! && lon <= e! && lat >= s! && lat <= n!;

  it('serves the branches of the box on its grid, which holds the box asked for', async () => {
    const box = [45.9, 51.4, 46.2, 51.7] as const;
    const { body, etag, served } = await networkOf(`bbox=${box.join(',')}`);
    // The box served, 1/16° lines around the one asked for (a 0.3° box).
    expect(served).toEqual([45.875, 51.375, 46.25, 51.75]);
    const points = decodeCompact(body);
    const expected = network.filter((b) => inside(b.location.lon, b.location.lat, served!));
    expect(points.map((p) => p.id).sort()).toEqual(expected.map((b) => b.id).sort());
    const asked = network.filter((b) => inside(b.location.lon, b.location.lat, box));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(points.length + 1);
    expect(etag).not.toBe((await networkOf('')).etag);
  });

  it('answers boxes that differ in their last digits from one encoding', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        networkOf(`bbox=${37.51 + i * 0.0001},55.71,${37.7 + i * 0.0001},55.8&types=post_office`),
      ),
    );
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('serves a box around the whole world as the whole network', async () => {
    const world = await networkOf('bbox=-179.99,-89.9,179.98,89.7');
    expect(world.etag).toBe((await networkOf('')).etag);
    expect(world.served).toBeUndefined();
  });

  it('serves only the types asked for', async () => {
    const points = decodeCompact((await networkOf('types=parcel_locker,pickup_point')).body);
    expect(points).toHaveLength(4_500);
    expect(points.every((p) => p.type !== 'post_office')).toBe(true);
  });

  it('serves a box across the antimeridian (Chukotka)', async () => {
    const points = decodeCompact((await networkOf('bbox=170,60,-170,70')).body);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.lon >= 170 || p.lon <= -170)).toBe(true);
    expect(points.some((p) => p.lon < 0)).toBe(true);
  });

  it.each([
    ['bbox=1,2,3', /"west,south,east,north"/],
    ['bbox=40,55,41,54', /south must not be north of north/],
    ['bbox=40,-95,41,54', /south and north must be -90 to 90/],
    ['types=post_office,kiosk', /comma-separated list/],
  ])('rejects %s with a 400 that says what is allowed', async (query, message) => {
    const { status, body } = await networkOf(query);
    expect(status).toBe(400);
    expect((body as { detail: string }).detail).toMatch(message);
  });
});
