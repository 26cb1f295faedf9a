/**
 * Boxes snapped outwards to a grid, so that the parts of the network a client asks for share a few
 * cache keys instead of one per float. The grid's step is a power of two degrees between a quarter
 * and a half of the box's longer side (at least 1/64°, about 1.7 km), so a snapped box is at most
 * about twice as wide as the one asked for, and the boxes that are expensive to encode (the big
 * ones) have few distinct keys: a world-sized box has one.
 */
import type { BBox } from '#core/geo';

/** The finest step, in degrees. */
const MIN_STEP = 1 / 64;

/** The grid line at or below `x` (a tiny `x` can round to the line above it: then one lower). */
const down = (x: number, step: number) => {
  const line = Math.floor(x / step) * step;
  return line > x ? line - step : line;
};
const up = (x: number, step: number) => {
  const line = Math.ceil(x / step) * step;
  return line < x ? line + step : line;
};
const clamp = (x: number, limit: number) => Math.max(-limit, Math.min(limit, x));

/**
 * The box on the grid that contains `box`. A box whose west edge is east of its east edge crosses
 * 180° and stays so; one that comes to cover every longitude becomes -180 to 180.
 */
export function snapBox([w, s, e, n]: BBox): BBox {
  const width = w <= e ? e - w : e - w + 360;
  const span = Math.max(width, n - s);
  const step = Math.max(MIN_STEP, 2 ** Math.ceil(Math.log2(span / 4)));
  const south = clamp(down(s, step), 90);
  const north = clamp(up(n, step), 90);
  let west = down(w, step);
  let east = up(e, step);
  if (w > e ? east - west + 360 >= 360 : east - west >= 360) return [-180, south, 180, north];
  // Edges pushed past ±180 wrap around, which makes the box cross the antimeridian.
  if (west < -180) west += 360;
  if (east > 180) east -= 360;
  return [west, south, east, north];
}
