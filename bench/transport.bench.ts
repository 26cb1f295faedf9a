/**
 * Bytes of the whole network on the wire: our compact encoding against GeoJSON of the same branches,
 * raw, gzip (level 9) and brotli (quality 11). Two GeoJSON baselines: with the same fields the compact
 * encoding carries (a fair comparison), and with only id and type (the least a map could live with).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Branch } from '#core/branch';
import { encodeCompact, toPoint } from '#core/compact';

export interface SizeRow {
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
}

const sizes = (name: string, text: string): SizeRow => {
  const buf = Buffer.from(text);
  return {
    name,
    raw: buf.byteLength,
    gzip: gzipSync(buf, { level: 9 }).byteLength,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.byteLength,
      },
    }).byteLength,
  };
};

/** GeoJSON of the branches, each feature carrying `properties(branch)`. */
export function toGeoJson(branches: readonly Branch[], properties: (b: Branch) => object): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: branches.map((b) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [b.location.lon, b.location.lat] },
      properties: properties(b),
    })),
  });
}

export function transportSizes(branches: readonly Branch[]): SizeRow[] {
  return [
    sizes('compact (ours)', JSON.stringify(encodeCompact(branches))),
    sizes(
      'GeoJSON, same fields',
      toGeoJson(branches, (b) => {
        const { lon: _lon, lat: _lat, ...rest } = toPoint(b);
        return rest;
      }),
    ),
    sizes(
      'GeoJSON, id and type only',
      toGeoJson(branches, (b) => ({ id: b.id, type: b.type })),
    ),
  ];
}
