/**
 * GeoJSON points, for any carrier: a FeatureCollection whose features are Points, their properties
 * named like the CSV columns (flat-record.ts). The geometry gives the coordinates.
 */
import { columnOf, flatBranch } from './flat-record';
import { asText, RowFieldError, ImportError, parseJson, row, type ImportFormat } from './format';

interface Feature {
  type?: string;
  geometry?: { type?: string; coordinates?: unknown };
  properties?: Record<string, unknown> | null;
}

const text = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : asText(v);

export const geojson: ImportFormat = {
  name: 'geojson',
  detect(data, fileName) {
    return (
      /\.geojson$/i.test(fileName) ||
      /"FeatureCollection"/.test(data.subarray(0, 4096).toString('utf8'))
    );
  },
  read(data, fileName) {
    const json = parseJson(data, fileName) as { type?: string; features?: unknown };
    if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
      throw new ImportError(
        'not-geojson',
        `${fileName} is not a GeoJSON FeatureCollection with a "features" array`,
      );
    }
    const rows = (json.features as Feature[]).map((f, i) =>
      row(`features[${i}]`, () => {
        const coords = f?.geometry?.coordinates;
        if (f?.geometry?.type !== 'Point' || !Array.isArray(coords) || coords.length < 2) {
          throw new RowFieldError(
            'geometry',
            `is ${f?.geometry?.type ?? 'missing'}: each feature must be a Point [lon, lat]`,
          );
        }
        const props = Object.fromEntries(
          Object.entries(f.properties ?? {}).map(([k, v]) => [columnOf(k) ?? k, text(v)]),
        );
        // Properties use the CSV column names; the point's coordinates win over any lat/lon there.
        const record: Record<string, string | undefined> = {
          ...props,
          lon: text(coords[0]),
          lat: text(coords[1]),
        };
        return flatBranch(record, 'geojson');
      }),
    );
    return { rows };
  },
};
