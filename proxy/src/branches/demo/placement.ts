/**
 * Where a demo branch stands: around its town's centres (offices in proportion to each centre's
 * people), along the way to a neighbouring town (villages), and always on dry land. Coordinates are
 * rounded to 1e-5° (about a metre), as the compact encoding keeps them.
 */
import type { LonLat } from '#core/geo';
import type { Random } from './random';
import { LandMask } from './land-mask';
import { KM_PER_DEGREE, type Town } from './towns';

/** A branch that would land in water is placed again, this many times at most. */
const PLACEMENT_TRIES = 12;

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

let cachedMask: LandMask | undefined;

/** Draws positions until one is on dry land; falls back to `fallback` (a town centre). */
export function onLand(draw: () => LonLat, fallback: LonLat): LonLat {
  cachedMask ??= LandMask.load();
  for (let i = 0; i < PLACEMENT_TRIES; i++) {
    const p = draw();
    if (cachedMask.isDry(p.lon, p.lat)) return p;
  }
  return { lon: round5(fallback.lon), lat: round5(fallback.lat) };
}

/**
 * A point in town: around one of its centres, picked by weight, normally spread (the town's own
 * centre widely, a district's tightly).
 */
export function drawInTown(random: Random, town: Town, radiusKm: number): LonLat {
  const centre = random.weighted(town.centres.map((c) => [c, c.weight] as const));
  const spread = centre === town.centres[0] ? radiusKm / 2 : radiusKm / 6;
  const kmLat = random.normal() * spread;
  const kmLon = random.normal() * spread;
  return {
    lat: round5(centre.lat + kmLat / KM_PER_DEGREE),
    lon: round5(centre.lon + kmLon / (KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180))),
  };
}

/** A village: along the way to `neighbour` (give or take 3 km), or 4 to 12 km out of a town with none. */
export function drawVillage(random: Random, town: Town, neighbour: Town | undefined): LonLat {
  const cosLat = Math.cos((town.lat * Math.PI) / 180);
  if (neighbour) {
    const t = 0.15 + random.next() * 0.6;
    return {
      lon: round5(
        town.lon +
          (neighbour.lon - town.lon) * t +
          (random.normal() * 3) / (KM_PER_DEGREE * cosLat),
      ),
      lat: round5(
        town.lat + (neighbour.lat - town.lat) * t + (random.normal() * 3) / KM_PER_DEGREE,
      ),
    };
  }
  const km = 4 + random.next() * 8;
  const angle = random.next() * 2 * Math.PI;
  return {
    lon: round5(town.lon + (Math.cos(angle) * km) / (KM_PER_DEGREE * cosLat)),
    lat: round5(town.lat + (Math.sin(angle) * km) / KM_PER_DEGREE),
  };
}
