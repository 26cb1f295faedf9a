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
 *
 * The towns are in `towns.ts`, positions in `placement.ts`, postal codes in `postal-codes.ts`; this
 * file decides how many branches of each kind a town gets and what each branch is like.
 */
import type { Branch, BranchLimits, BranchService, BranchType } from '#core/branch';
import type { LonLat } from '#core/geo';
import { CITY_REGIONS, REGIONS, timezoneFor } from '../regions';
import { apportion } from './apportion';
import { lockerHours, pickupPointHours, postOfficeHours, type SettlementSize } from './hours';
import { LOCKER_SITES, PARTNER_SITES, SETTLEMENT_KINDS, STREETS, VILLAGES } from './names';
import { drawInTown, drawVillage, onLand } from './placement';
import { assignPostalCodes } from './postal-codes';
import { Random } from './random';
import { buildTowns } from './towns';

/** What network to generate; every option has a default. */
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

/** The network `npm start` seeds: about 40,500 branches. */
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

    const inTown = (): LonLat => onLand(() => drawInTown(random, town, radiusKm), town);

    const make = (
      type: BranchType,
      where: LonLat,
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
    for (let i = 0; i < town.villages; i++) {
      // A village lies along the way to a neighbouring town, or near the town when it has none.
      const neighbour = town.neighbours.length ? random.pick(town.neighbours) : undefined;
      const where = onLand(() => drawVillage(random, town, neighbour), town);
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
