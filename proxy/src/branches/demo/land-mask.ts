/**
 * Where the demo may put a branch: on land, not in a lake or a river. The same open data the
 * basemap draws (Natural Earth land, OSM lakes and rivers) rasterised once into a bitmap over
 * Russia at 0.01° (about a kilometre), so that 40,000 lookups cost nothing and no demo branch
 * stands in the Volga or the Gulf of Finland.
 *
 * Rasterising is an even-odd scanline fill: for each row of cells, the longitudes where polygon
 * edges cross the row's centre line, sorted; cells between the 1st and 2nd, 3rd and 4th, … are inside.
 */
import type { GeometryCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection as TopoCollection, Topology } from 'topojson-specification';
import { unwrapLongitudes } from '../../../basemap/geometry';
import { readPackageJson } from '../../package-data';

/** The mask covers Russia: Kaliningrad in the west to Chukotka past the antimeridian (191° = -169°). */
const WEST = 19;
const EAST = 191.5;

const SOUTH = 41;
const NORTH = 82;
/** Cell size in degrees. */
const STEP = 0.01;
const COLS = Math.round((EAST - WEST) / STEP);
const ROWS = Math.round((NORTH - SOUTH) / STEP);

type Rings = Position[][];

/** Longitudes west of the box continue past 180, so that Chukotka (-169°) is 191°. */
const unwrap = (lon: number): number => (lon < WEST ? lon + 360 : lon);

function rasterise(rings: Rings): Uint8Array {
  const crossings: number[][] = Array.from({ length: ROWS }, () => []);
  // The even-odd fill needs closed, continuous rings: a ring stitched across the antimeridian is
  // made continuous first, then drawn at every 360° shift that reaches the box (the Aleutians sit
  // at both ends of it). Crossings outside the box still count towards a row's parity.
  const copies: Position[][] = [];
  for (const raw of rings) {
    const ring = unwrapLongitudes(raw);
    let west = Infinity;
    let east = -Infinity;
    for (const p of ring) {
      west = Math.min(west, p[0]!);
      east = Math.max(east, p[0]!);
    }
    for (const shift of [-360, 0, 360]) {
      if (east + shift >= WEST && west + shift <= EAST)
        copies.push(shift ? ring.map(([x, y]) => [x! + shift, y!]) : ring);
    }
  }
  for (const ring of copies) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const x1 = (ring[j]![0]! - WEST) / STEP;
      const y1 = (ring[j]![1]! - SOUTH) / STEP;
      const x2 = (ring[i]![0]! - WEST) / STEP;
      const y2 = (ring[i]![1]! - SOUTH) / STEP;
      const from = Math.max(0, Math.ceil(Math.min(y1, y2) - 0.5));
      const to = Math.min(ROWS - 1, Math.floor(Math.max(y1, y2) - 0.5));
      for (let row = from; row <= to; row++) {
        const y = row + 0.5;
        if ((y1 <= y && y < y2) || (y2 <= y && y < y1))
          crossings[row]!.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
  }
  const bits = new Uint8Array(Math.ceil((COLS * ROWS) / 8));
  for (let row = 0; row < ROWS; row++) {
    const xs = crossings[row]!.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const start = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const end = Math.min(COLS - 1, Math.floor(xs[k + 1]! - 0.5));
      for (let col = start; col <= end; col++) {
        const i = row * COLS + col;
        bits[i >> 3]! |= 1 << (i & 7);
      }
    }
  }
  return bits;
}

const ringsOf = (g: Polygon | MultiPolygon): Rings =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

export class LandMask {
  private readonly land: Uint8Array;
  /** Lakes and rivers apart: the two data sets overlap, and an even-odd fill of both would cancel. */
  private readonly water: Uint8Array[];

  private constructor(land: Uint8Array, water: Uint8Array[]) {
    this.land = land;
    this.water = water;
  }

  /** Builds the mask from the npm-shipped data; takes about a second. */
  static load(): LandMask {
    const topo = readPackageJson<Topology>('world-atlas/land-10m.json');
    const land = feature(topo, topo.objects.land as TopoCollection) as unknown as {
      features: { geometry: Polygon | MultiPolygon }[];
    };
    const landRings = land.features.flatMap((f) => ringsOf(f.geometry));
    const water = ['@geo-maps/earth-lakes-1km', '@geo-maps/earth-rivers-1km'].map((pkg) =>
      rasterise(
        readPackageJson<GeometryCollection>(`${pkg}/map.geo.json`).geometries.flatMap((g) =>
          g.type === 'Polygon' || g.type === 'MultiPolygon' ? ringsOf(g) : [],
        ),
      ),
    );
    return new LandMask(rasterise(landRings), water);
  }

  /** Whether a point is on dry land inside the mask's box. Points outside the box count as land. */
  isDry(lon: number, lat: number): boolean {
    const col = Math.floor((unwrap(lon) - WEST) / STEP);
    const row = Math.floor((lat - SOUTH) / STEP);
    if (col < 0 || col >= COLS || row < 0 || row >= ROWS) return true;
    const i = row * COLS + col;
    const bit = 1 << (i & 7);
    return (this.land[i >> 3]! & bit) !== 0 && this.water.every((w) => (w[i >> 3]! & bit) === 0);
  }
}
