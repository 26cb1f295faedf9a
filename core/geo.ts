/**
 * Geometry shared by the proxy and the widget (contract): a point, a box, and the great-circle
 * distance between two points, with one earth radius everywhere, so that the list's "1,2 км", the
 * search's ranking and the estimator's distance bands agree.
 */

/** A point in degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** `[west, south, east, north]` in degrees; west may be below -180 when a view crosses the antimeridian. */
export type BBox = [west: number, south: number, east: number, north: number];

/** The mean earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine), exact to a few metres at town scale. */
export function distanceMetres(a: LonLat, b: LonLat): number {
  const h =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point lies inside a box (edges included); the box must not cross the antimeridian. */
export function inBox(p: LonLat, [w, s, e, n]: BBox): boolean {
  return p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n;
}
