/**
 * A small street archive for tests, written here in the PMTiles v3 layout (127-byte header, one
 * gzip root directory of varints, gzip metadata, gzip MVT tiles), so that no extract has to be
 * downloaded. Its features are synthetic: a grid of named streets, blocks of buildings, a park, a
 * river and a few names around the centre of Saratov, in the Protomaps v4 schema that
 * `@protomaps/basemaps` filters on (`kind`, `kind_detail`, `min_zoom`, `name`, `name:ru`,
 * `name:en`, `script`), so that a real extract draws the same way.
 *
 * Usage: tsx proxy/src/streets/test-archive.fixture.ts <out.pmtiles>
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import { zxyToTileId } from 'pmtiles';
import { tileOf } from './archive';
import { boxPolygon } from './style';

/** The synthetic town's box (west, south, east, north) and centre: central Saratov. */
export const TEST_BOUNDS = [45.99, 51.505, 46.09, 51.56] as const;
export const TEST_CENTRE = [46.034, 51.533] as const;
export const TEST_MAX_ZOOM = 15;
const EXTENT = 4096;

type Props = Record<string, string | number>;
const feature = (geometry: Geometry, properties: Props): Feature => ({
  type: 'Feature',
  properties,
  geometry,
});
const box = (w: number, s: number, e: number, n: number): Geometry => boxPolygon([w, s, e, n]);
const named = (ru: string, en: string): Props => ({
  name: ru,
  'name:ru': ru,
  'name:en': en,
  script: 'Cyrillic',
});

// prettier-ignore
const ACROSS: [string, string][] = [
  ['улица Чапаева', 'Chapaeva Street'], ['улица Радищева', 'Radishcheva Street'],
  ['улица Вольская', 'Volskaya Street'], ['улица Горького', 'Gorkogo Street'],
  ['улица Некрасова', 'Nekrasova Street'], ['улица Мичурина', 'Michurina Street'],
  ['улица Рахова', 'Rakhova Street'], ['улица Астраханская', 'Astrakhanskaya Street'],
  ['улица Зарубина', 'Zarubina Street'], ['улица Шелковичная', 'Shelkovichnaya Street'],
];
// prettier-ignore
const ALONG: [string, string][] = [
  ['проспект Кирова', 'Kirova Avenue'], ['улица Московская', 'Moskovskaya Street'],
  ['улица Советская', 'Sovetskaya Street'], ['улица Кутякова', 'Kutyakova Street'],
  ['улица Челюскинцев', 'Chelyuskintsev Street'], ['улица Сакко и Ванцетти', 'Sakko i Vantsetti Street'],
  ['улица Рабочая', 'Rabochaya Street'], ['улица Большая Казачья', 'Bolshaya Kazachya Street'],
  ['улица Пугачёва', 'Pugachyova Street'], ['улица Куйбышева', 'Kuybysheva Street'],
];

/** The river's west bank: the town lies west of it. */
const BANK = 46.066;

/** Every feature of the synthetic town, by Protomaps layer. */
export function testTown(): Record<string, Feature[]> {
  const [w, s, e, n] = TEST_BOUNDS;
  const lats: number[] = [];
  for (let lat = s + 0.002; lat < n; lat += 0.0022) lats.push(lat);
  const lons: number[] = [];
  for (let lon = w + 0.003; lon < BANK - 0.001; lon += 0.0035) lons.push(lon);
  // A street: a line, major or not, named from a list by its place in the grid.
  const street = (
    line: [number, number][],
    major: boolean,
    detail: string,
    [ru, en]: [string, string],
  ): Feature =>
    feature(
      { type: 'LineString', coordinates: line },
      {
        kind: major ? 'major_road' : 'minor_road',
        kind_detail: major ? detail : 'residential',
        min_zoom: major ? 9 : 12,
        ...named(ru, en),
      },
    );
  const roads: Feature[] = [
    ...lats.map((lat, i) =>
      street(
        [
          [w, lat],
          [BANK, lat],
        ],
        i % 4 === 0,
        'secondary',
        ACROSS[i % ACROSS.length]!,
      ),
    ),
    ...lons.map((lon, j) =>
      street(
        [
          [lon, s],
          [lon, n],
        ],
        j % 5 === 0,
        'primary',
        ALONG[j % ALONG.length]!,
      ),
    ),
  ];
  // An embankment road along the river.
  roads.push(
    feature(
      {
        type: 'LineString',
        coordinates: [
          [BANK - 0.0008, s],
          [BANK - 0.0008, n],
        ],
      },
      {
        kind: 'highway',
        kind_detail: 'trunk',
        min_zoom: 7,
        ...named('Набережная Космонавтов', 'Kosmonavtov Embankment'),
      },
    ),
  );

  const buildings: Feature[] = [];
  const landuse: Feature[] = [];
  for (let i = 0; i + 1 < lats.length; i++) {
    for (let j = 0; j + 1 < lons.length; j++) {
      const [bs, bn, bw, be] = [lats[i]!, lats[i + 1]!, lons[j]!, lons[j + 1]!];
      if (i === 5 && j === 6) {
        landuse.push(
          feature(box(bw, bs, be, bn), { kind: 'park', min_zoom: 11, ...named('Липки', 'Lipki') }),
        );
        continue;
      }
      // Four houses a block, set back from the streets.
      const dx = (be - bw) / 2;
      const dy = (bn - bs) / 2;
      for (const [a, b] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const x0 = bw + a * dx + dx * 0.18;
        const y0 = bs + b * dy + dy * 0.2;
        buildings.push(
          feature(box(x0, y0, x0 + dx * 0.62, y0 + dy * 0.58), { kind: 'building', min_zoom: 14 }),
        );
      }
    }
  }

  return {
    earth: [feature(box(w - 0.02, s - 0.02, e + 0.02, n + 0.02), { kind: 'earth', min_zoom: 0 })],
    water: [
      feature(box(BANK, s - 0.02, e + 0.02, n + 0.02), { kind: 'water', min_zoom: 0 }),
      feature(
        {
          type: 'LineString',
          coordinates: [
            [BANK + 0.012, s - 0.02],
            [BANK + 0.012, n + 0.02],
          ],
        },
        { kind: 'river', min_zoom: 9, ...named('Волга', 'Volga') },
      ),
    ],
    landuse,
    roads,
    buildings,
    pois: [
      feature(
        { type: 'Point', coordinates: [lons[4]! + 0.0012, lats[6]! + 0.0011] },
        { kind: 'post_office', min_zoom: 15, ...named('Почтамт', 'Post office') },
      ),
    ],
    places: [
      feature(
        { type: 'Point', coordinates: [...TEST_CENTRE] },
        { kind: 'locality', min_zoom: 4, population_rank: 13, ...named('Саратов', 'Saratov') },
      ),
      feature(
        { type: 'Point', coordinates: [lons[2]!, lats[9]!] },
        { kind: 'neighbourhood', min_zoom: 12, ...named('Октябрьский', 'Oktyabrsky') },
      ),
    ],
  };
}

export interface ArchiveOptions {
  /** The layers to write (default: the synthetic town). */
  layers?: Record<string, Feature[]>;
  /** The header's tile type (default 1, MVT). */
  tileType?: number;
  /** The zooms to write (default 0 to TEST_MAX_ZOOM). */
  maxZoom?: number;
}

function tileRange(z: number): { x: [number, number]; y: [number, number] } {
  const [w, s, e, n] = TEST_BOUNDS;
  const [west, north] = tileOf(z, w, n);
  const [east, south] = tileOf(z, e, s);
  return { x: [west, east], y: [north, south] };
}

function varints(values: number[]): Buffer {
  const bytes: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes);
}

/** The archive's bytes: every tile of the town from zoom 0 to `maxZoom`. */
export function buildTestArchive(options: ArchiveOptions = {}): Buffer {
  const layers = options.layers ?? testTown();
  const maxZoom = options.maxZoom ?? TEST_MAX_ZOOM;
  const tiles: { id: number; data: Buffer }[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    const indexes = Object.entries(layers).map(([name, features]) => {
      const present = features.filter((f) => Number(f.properties?.min_zoom ?? 0) <= z);
      const index = present.length
        ? new GeoJSONVT(
            { type: 'FeatureCollection', features: present },
            { maxZoom: z, indexMaxZoom: 0, tolerance: 2, extent: EXTENT, buffer: 64 },
          )
        : null;
      return [name, index] as const;
    });
    const range = tileRange(z);
    for (let x = range.x[0]; x <= range.x[1]; x++) {
      for (let y = range.y[0]; y <= range.y[1]; y++) {
        const found: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of indexes) {
          const tile = index?.getTile(z, x, y);
          if (tile && tile.features.length) found[name] = tile;
        }
        if (!Object.keys(found).length) continue;
        const mvt = fromGeojsonVt(found, { version: 2, extent: EXTENT });
        tiles.push({ id: zxyToTileId(z, x, y), data: gzipSync(mvt) });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);

  // The root directory: counts, then tile ids as deltas, run lengths, lengths, offsets (0 for
  // "right after the previous tile", else offset + 1), all varints; gzip as the header says.
  let offset = 0;
  const offsets = tiles.map((t) => {
    const at = offset;
    offset += t.data.length;
    return at;
  });
  const directory = gzipSync(
    Buffer.concat([
      varints([tiles.length]),
      varints(tiles.map((t, i) => t.id - (i ? tiles[i - 1]!.id : 0))),
      varints(tiles.map(() => 1)),
      varints(tiles.map((t) => t.data.length)),
      varints(
        offsets.map((o, i) => (i && o === offsets[i - 1]! + tiles[i - 1]!.data.length ? 0 : o + 1)),
      ),
    ]),
  );
  const metadata = gzipSync(
    JSON.stringify({
      name: 'branch-picker synthetic test town',
      attribution: 'Synthetic test streets (branch-picker), not <b>OpenStreetMap</b>',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
    }),
  );
  const data = Buffer.concat(tiles.map((t) => t.data));

  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (at: number, value: number): void => {
    header.writeBigUInt64LE(BigInt(value), at);
  };
  const rootAt = 127;
  const metaAt = rootAt + directory.length;
  const dataAt = metaAt + metadata.length;
  u64(8, rootAt);
  u64(16, directory.length);
  u64(24, metaAt);
  u64(32, metadata.length);
  u64(40, dataAt); // no leaf directories
  u64(48, 0);
  u64(56, dataAt);
  u64(64, data.length);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(2, 97); // gzip directories and metadata
  header.writeUInt8(2, 98); // gzip tiles
  header.writeUInt8(options.tileType ?? 1, 99);
  header.writeUInt8(0, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (at: number, degrees: number): void => {
    header.writeInt32LE(Math.round(degrees * 1e7), at);
  };
  const [w, s, e, n] = TEST_BOUNDS;
  e7(102, w);
  e7(106, s);
  e7(110, e);
  e7(114, n);
  header.writeUInt8(14, 118);
  e7(119, TEST_CENTRE[0]);
  e7(123, TEST_CENTRE[1]);
  return Buffer.concat([header, directory, metadata, data]);
}

/** Writes the archive to `file` and returns its path. */
export async function writeTestArchive(file: string, options?: ArchiveOptions): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, buildTestArchive(options));
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.argv[2] ?? 'streets.pmtiles');
  await writeTestArchive(out);
  console.log(`test street archive → ${out}`);
}
