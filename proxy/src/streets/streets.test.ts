/**
 * The street basemap as a shop's browser meets it: a small PMTiles archive written by the test
 * (test-archive.fixture.ts) served by the real proxy, its tiles (stored, empty, outside the grid,
 * cached and revalidated), its style (our fonts and colours, no icons we do not ship, the default
 * style the widget asks for), and archives the proxy must refuse at start, each with its reason.
 */
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import type { FastifyInstance } from 'fastify';
import type { StyleSpecification } from 'maplibre-gl';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, LIGHT, DARK } from '../../basemap/style';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';
import { StreetArchive, StreetArchiveUnusable, tileOf } from './archive';
import {
  TEST_BOUNDS,
  TEST_CENTRE,
  buildTestArchive,
  writeTestArchive,
} from './test-archive.fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'bp-streets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tile at `z` holding a point. */
const tileAt = (z: number, [lon, lat]: readonly [number, number]): [number, number, number] => [
  z,
  ...tileOf(z, lon, lat),
];
const url = (t: [number, number, number]): string => `/basemap/streets/${t.join('/')}.mvt`;

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

let app: FastifyInstance;
let file: string;
beforeAll(async () => {
  file = await writeTestArchive(path.join(dir, 'town.pmtiles'));
  app = await createServer(testConfig({ basemapPmtiles: file }));
});
afterAll(() => app.close());

describe('tiles', () => {
  it('serves a tile as stored, gzip, and it decodes to named streets and houses', async () => {
    const res = await app.inject({
      url: url(tileAt(15, TEST_CENTRE)),
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toMatch(/max-age=86400/);
    const tile = new VectorTile(new PbfReader(gunzipSync(res.rawPayload)));
    expect(Object.keys(tile.layers)).toEqual(
      expect.arrayContaining(['earth', 'roads', 'buildings']),
    );
    const roads = tile.layers.roads!;
    const names = new Set(
      Array.from({ length: roads.length }, (_, i) => roads.feature(i).properties['name:ru']),
    );
    expect(names.size).toBeGreaterThan(2);
    expect(tile.layers.buildings!.length).toBeGreaterThan(4);
  });

  it('sends the tile decompressed to a client that takes no gzip', async () => {
    const target = url(tileAt(15, TEST_CENTRE));
    const gz = await app.inject({ url: target, headers: { 'accept-encoding': 'gzip' } });
    const plain = await app.inject({ url: target, headers: { 'accept-encoding': 'identity' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(gunzipSync(gz.rawPayload))).toBe(true);
  });

  it('answers 304 to the ETag it gave, and the ETag is the same on every request', async () => {
    const target = url(tileAt(14, TEST_CENTRE));
    const first = await app.inject({ url: target });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await app.inject({ url: target })).headers.etag).toBe(etag);
    const again = await app.inject({ url: target, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it.each([
    ['outside the archive’s box', tileAt(15, [37.62, 55.75])],
    ['deeper than the archive goes', tileAt(16, TEST_CENTRE)],
    ['far outside at a shallow zoom', [3, 0, 0] as [number, number, number]],
  ])('answers 204 for a tile in the grid the archive does not hold: %s', async (_name, t) => {
    const res = await app.inject({ url: url(t) });
    expect(res.statusCode).toBe(204);
    expect(res.rawPayload.length).toBe(0);
    expect(res.headers['cache-control']).toMatch(/max-age/);
  });

  it.each(['25/0/0', '2/4/0', '2/0/4', 'a/0/0', '1e1/0/0', '0x1/0/0', '-1/0/0', '99999999999/0/0'])(
    'refuses %s with a problem naming the grid',
    async (zxy) => {
      const res = await app.inject({ url: `/basemap/streets/${zxy}.mvt` });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json<{ detail: string }>().detail).toMatch(/z is 0 to 24, x and y 0 to 2\^z - 1/);
      expect(res.body).not.toContain('0x');
    },
  );

  it('is never rate limited: a map pans through hundreds of tiles', async () => {
    const limited = await createServer(
      testConfig({
        basemapPmtiles: file,
        rateLimits: { quotes: 5, lookups: 5, network: 5, configs: 5, 'config-create': 5 },
      }),
    );
    try {
      const codes = new Set<number>();
      for (let i = 0; i < 60; i++) {
        codes.add((await limited.inject({ url: url(tileAt(13, TEST_CENTRE)) })).statusCode);
      }
      codes.add((await limited.inject({ url: '/basemap/streets/style.json' })).statusCode);
      expect([...codes]).toEqual([200]);
    } finally {
      await limited.close();
    }
  });
});

describe('style', () => {
  const style = async (target: string): Promise<StyleSpecification> => {
    const res = await app.inject({ url: target });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    return res.json<StyleSpecification>();
  };
  /** Every string in a layer's layout and paint, expressions included. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];

  it('draws the archive with our fonts, and no icon or font we do not ship', async () => {
    const s = await style('/basemap/streets/style.json');
    const faces = (s as { 'font-faces'?: Record<string, { url: string }[]> })['font-faces']!;
    // The font files are the offline basemap's, one folder up.
    for (const list of Object.values(faces)) {
      for (const face of list) {
        expect(face.url).toMatch(/^\.\.\/fonts\//);
        expect(FONT_FILES).toContain(face.url.replace('../fonts/', ''));
      }
    }
    expect(s.sprite).toBeUndefined();
    expect(s.glyphs).toBeUndefined();
    for (const layer of s.layers) {
      const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
      expect(layout['icon-image']).toBeUndefined();
      // Every face a label names is one we ship (Devanagari stays unused: no such script here).
      const fonts = strings(layout['text-font']).filter((s) =>
        / (Regular|Bold|Italic|Medium)\b/.test(s),
      );
      for (const font of fonts.filter((f) => !f.includes('Devanagari')))
        expect(Object.keys(faces)).toContain(font);
    }
    const streets = s.sources.streets as {
      tiles: string[];
      minzoom: number;
      maxzoom: number;
      bounds: number[];
    };
    expect(streets.tiles).toEqual(['../streets/{z}/{x}/{y}.mvt']);
    expect([streets.minzoom, streets.maxzoom]).toEqual([0, 15]);
    expect(streets.bounds).toEqual([...TEST_BOUNDS]);
    expect(
      s.layers.filter((l) => (l as { source?: string }).source === 'streets').length,
    ).toBeGreaterThan(50);
  });

  it.each([
    ['style.json', LIGHT],
    ['style-dark.json', DARK],
  ])(
    '%s keeps our water and borders, so that the two basemaps look like one product',
    async (name, palette) => {
      const s = await style(`/basemap/streets/${name}`);
      const paint = (id: string) =>
        (s.layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
      expect(paint('water')['fill-color']).toBe(palette.water);
      expect(paint('offline-water')['background-color']).toBe(palette.water);
      expect(paint('offline-land')['fill-color']).toBe(palette.land);
      expect(strings(paint('boundaries'))).toContain(palette.border);
    },
  );

  it.each(['style.json', 'style-dark.json'])(
    '%s names streets readably: 4.5:1 or more against the land at street zooms',
    async (name) => {
      const s = await style(`/basemap/streets/${name}`);
      const paint = (id: string) =>
        (s.layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
      const earth = paint('earth')['fill-color'] as string[];
      const land = earth[earth.length - 1]!;
      for (const id of ['roads_labels_minor', 'roads_labels_major', 'places_subplace']) {
        expect(contrast(paint(id)['text-color'] as string, land)).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('names places in the language asked for', async () => {
    const ru = strings(
      (await style('/basemap/streets/style.json')).layers.find((l) => l.id === 'places_locality'),
    );
    const en = strings(
      (await style('/basemap/streets/style-en.json')).layers.find(
        (l) => l.id === 'places_locality',
      ),
    );
    expect(ru).toContain('name:ru');
    expect(en).toContain('name:en');
  });

  it('is the default style the widget asks for, with URLs from /basemap/', async () => {
    const s = await style('/basemap/style-dark-en.json');
    expect((s.sources.streets as { tiles: string[] }).tiles).toEqual(['streets/{z}/{x}/{y}.mvt']);
    expect((s.sources.basemap as { tiles: string[] }).tiles).toEqual(['tiles/{z}/{x}/{y}.pbf']);
    const resolved = new URL(
      (s.sources.streets as { tiles: string[] }).tiles[0]!,
      'http://p/basemap/style-dark-en.json',
    );
    const [z, x, y] = tileAt(15, TEST_CENTRE);
    const target = resolved.pathname
      .replace('%7Bz%7D', String(z))
      .replace('%7Bx%7D', String(x))
      .replace('%7By%7D', String(y));
    expect((await app.inject({ url: target })).statusCode).toBe(200);
  });

  it('says who drew the map as text, whatever markup the archive carries', async () => {
    const s = await style('/basemap/streets/style.json');
    const attribution = (s.sources.streets as { attribution: string }).attribution;
    expect(attribution).toBe('Synthetic test streets (branch-picker), not OpenStreetMap');
  });

  it('is revalidated by ETag and compressed', async () => {
    const first = await app.inject({
      url: '/basemap/streets/style.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await app.inject({
      url: '/basemap/streets/style.json',
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('readiness', () => {
  it('/readyz says which basemap is served, by file name, not path', async () => {
    const ready = (await app.inject({ url: '/readyz' })).json<{ basemap: unknown }>();
    expect(ready.basemap).toEqual({
      kind: 'streets',
      file: 'town.pmtiles',
      zooms: [0, 15],
      bounds: [...TEST_BOUNDS],
    });
  });

  it('without BASEMAP_PMTILES the offline basemap is the default, and streets are a 404 that says why', async () => {
    const plain = await createServer(testConfig());
    try {
      expect((await plain.inject({ url: '/readyz' })).json<{ basemap: unknown }>().basemap).toEqual(
        { kind: 'offline' },
      );
      const res = await plain.inject({ url: '/basemap/streets/style.json' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json<{ detail: string }>().detail).toContain('BASEMAP_PMTILES');
    } finally {
      await plain.close();
    }
  });
});

describe('archives refused at start', () => {
  const write = (name: string, bytes: Buffer | string): string => {
    const target = path.join(dir, name);
    writeFileSync(target, bytes);
    return target;
  };
  const good = buildTestArchive();

  it.each([
    ['a missing file', () => path.join(dir, 'nowhere.pmtiles'), /no such file/],
    ['a folder', () => dir, /not a file/],
    ['text', () => write('text.pmtiles', 'hello '.repeat(100)), /not a PMTiles archive/],
    [
      'a file shorter than a header',
      () => write('short.pmtiles', good.subarray(0, 60)),
      /too short/,
    ],
    [
      'an archive cut short',
      () => write('cut.pmtiles', good.subarray(0, good.length - 500)),
      /cut short/,
    ],
    [
      'a damaged directory',
      () => {
        const bytes = Buffer.from(good);
        bytes.fill(0x5a, 127, 200); // the gzip root directory, overwritten
        return write('damaged.pmtiles', bytes);
      },
      /directory cannot be read|damaged/,
    ],
    [
      'raster tiles',
      () => write('raster.pmtiles', buildTestArchive({ tileType: 2 })),
      /Png tiles; the street basemap needs vector/,
    ],
    [
      'another schema',
      () =>
        write('omt.pmtiles', buildTestArchive({ layers: { transportation: [], water_name: [] } })),
      /not the Protomaps basemap schema/,
    ],
  ])('%s', async (_name, make, reason) => {
    const target = make();
    const error = await StreetArchive.open(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreetArchiveUnusable);
    expect((error as Error).message).toMatch(reason);
    // And the server does not start on it.
    await expect(createServer(testConfig({ basemapPmtiles: target }))).rejects.toBeInstanceOf(
      StreetArchiveUnusable,
    );
  });
});
