/**
 * The towns search suggests: each distinct town (city within region) of the network, with its
 * branches' centre, extent and count (what "towns by size" ranks by).
 */
import type { Branch } from '#core/branch';
import type { PlaceHit } from '#core/summary';

export function buildPlaces(branches: readonly Branch[]): PlaceHit[] {
  const groups = new Map<string, Branch[]>();
  for (const b of branches) {
    if (!b.address.city) continue;
    const key = `${b.address.city}\u0000${b.address.region}`;
    const list = groups.get(key);
    if (list) list.push(b);
    else groups.set(key, [b]);
  }
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return [...groups.values()].map((list) => {
    const { city, region } = list[0]!.address;
    const lons = list.map((b) => b.location.lon);
    const lats = list.map((b) => b.location.lat);
    return {
      name: city,
      region,
      lon: round(lons.reduce((s, x) => s + x, 0) / list.length),
      lat: round(lats.reduce((s, x) => s + x, 0) / list.length),
      bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      branches: list.length,
    };
  });
}
