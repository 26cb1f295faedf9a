/**
 * The z/x/y of a tile URL, checked against the tile grid: whole numbers written plainly (no `1e1`,
 * no `0x10`), z from 0 to the route's deepest zoom, x and y from 0 to 2^z - 1. Anything else is a
 * 400 problem naming what is allowed.
 */
import { HttpProblem } from '../errors';

export interface TileParams {
  z: string;
  x: string;
  y: string;
}

const WHOLE = /^\d{1,8}$/;

export function tileCoordinates(params: TileParams, maxZoom: number): [number, number, number] {
  const parts = [params.z, params.x, params.y];
  const [z, x, y] = parts.map((p) => (WHOLE.test(p) ? Number(p) : NaN)) as [number, number, number];
  const valid = z <= maxZoom && x < 2 ** z && y < 2 ** z; // NaN fails every comparison
  if (!valid) {
    // Only digits are echoed: the path may hold anything.
    const shown = parts.map((p) => (WHOLE.test(p) ? p : '?')).join('/');
    throw new HttpProblem(
      400,
      'invalid-tile',
      `No tile ${shown}: z is 0 to ${maxZoom}, x and y 0 to 2^z - 1.`,
    );
  }
  return [z, x, y];
}
