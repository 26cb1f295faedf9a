/**
 * Geometry helpers for the offline basemap build.
 *
 * world-atlas polygons are "stitched": a ring that crosses the antimeridian (Chukotka) jumps from
 * +180 to -180 and back, which a flat map draws as a stray line across the whole world. Making the
 * longitudes continuous (170, 179, 181, 185, …) and letting geojson-vt's wrap step cut the result at
 * ±180 gives two clean halves instead.
 */
import type { Feature, Geometry, Position } from 'geojson';

/** Returns the ring or line with longitudes made continuous across the antimeridian. */
export function unwrapLongitudes(coords: readonly Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let prev: number | undefined;
  for (const [lon, lat] of coords) {
    if (prev !== undefined) {
      const delta = lon! + shift - prev;
      if (delta > 180) shift -= 360;
      else if (delta < -180) shift += 360;
    }
    const x = lon! + shift;
    out.push([x, lat!]);
    prev = x;
  }
  // Keep the bulk of the ring on the usual side: a Chukotka ring at 175…190 stays, one at 540 does not.
  const mean = out.reduce((s, p) => s + p[0]!, 0) / out.length;
  const back = Math.round(mean / 360) * 360;
  return back === 0 ? out : out.map(([x, y]) => [x! - back, y!]);
}

/** Unwraps every ring and line of a geometry; points are left alone. */
export function unwrapGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(unwrapLongitudes) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((p) => p.map(unwrapLongitudes)),
      };
    case 'LineString':
      return { type: 'LineString', coordinates: unwrapLongitudes(geometry.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map(unwrapLongitudes) };
    default:
      return geometry;
  }
}

/** Bounding box `[west, south, east, north]` of any geometry. */
export function bboxOf(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x! < box[0]) box[0] = x!;
      if (y! < box[1]) box[1] = y!;
      if (x! > box[2]) box[2] = x!;
      if (y! > box[3]) box[3] = y!;
      return;
    }
    for (const child of c as unknown[]) visit(child);
  };
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => visit(bboxOf(g)));
  else visit(geometry.coordinates);
  return box;
}

/** Splits multi-geometries into one feature per part, so that tiles carry only the parts they touch. */
export function explode(feature: Feature): Feature[] {
  const g = feature.geometry;
  if (g.type === 'MultiPolygon') {
    return g.coordinates.map((coordinates) => ({
      ...feature,
      geometry: { type: 'Polygon', coordinates },
    }));
  }
  if (g.type === 'MultiLineString') {
    return g.coordinates.map((coordinates) => ({
      ...feature,
      geometry: { type: 'LineString', coordinates },
    }));
  }
  return [feature];
}
