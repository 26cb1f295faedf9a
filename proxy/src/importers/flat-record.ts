/**
 * A branch from a flat record: a CSV row or a GeoJSON feature's properties. One column mapping for
 * both, documented in the README (Importing data): required `id`, `type`, `postal_code`, `lat`,
 * `lon` (GeoJSON takes them from its geometry) and an address; the rest optional.
 */
import {
  BRANCH_SERVICES,
  WEEKDAYS,
  type Branch,
  type BranchService,
  type BranchSource,
  type BranchType,
  type DayHours,
  type Weekday,
} from '#core/branch';
import { DEFAULT_LIMITS, defaultName } from './defaults';
import { RowFieldError } from './format';
import { HoursSyntaxError, parseDayText, parseWeekText } from './hours-text';
import { joinAddress } from './russian-address';
import { resolveTimezone } from './timezone';

/** Column names as documented, with the aliases people use for them. */
export const COLUMNS: Readonly<Record<string, readonly string[]>> = {
  id: ['id', 'code', 'код'],
  type: ['type', 'тип'],
  name: ['name', 'название'],
  postal_code: ['postal_code', 'postalcode', 'postcode', 'zip', 'index', 'индекс'],
  lat: ['lat', 'latitude', 'широта'],
  lon: ['lon', 'lng', 'long', 'longitude', 'долгота'],
  address: ['address', 'full_address', 'адрес'],
  region: ['region', 'регион'],
  city: ['city', 'town', 'settlement', 'город'],
  street: ['street', 'улица'],
  house: ['house', 'дом'],
  timezone: ['timezone', 'tz'],
  hours: ['hours', 'work_time', 'часы'],
  ...Object.fromEntries(WEEKDAYS.map((d) => [d, [d]])),
  card: ['card', 'карта'],
  cash: ['cash', 'наличные'],
  cod: ['cod', 'cash_on_delivery', 'наложенный_платеж'],
  max_weight: ['max_weight', 'max_weight_g', 'weight_limit'],
  services: ['services', 'услуги'],
  temporarily_closed: ['temporarily_closed', 'closed'],
};

/** Columns a CSV must have (GeoJSON has lat and lon in its geometry). */
export const REQUIRED_COLUMNS = ['id', 'type', 'postal_code', 'lat', 'lon'] as const;

const ALIAS_TO_COLUMN = new Map<string, string>(
  Object.entries(COLUMNS).flatMap(([column, aliases]) => aliases.map((a) => [a, column] as const)),
);

/** The documented column a header name stands for, if any. */
export const columnOf = (header: string): string | undefined =>
  ALIAS_TO_COLUMN.get(
    header
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );

const TYPES: Readonly<Record<string, BranchType>> = {
  post_office: 'post_office',
  office: 'post_office',
  отделение: 'post_office',
  опс: 'post_office',
  parcel_locker: 'parcel_locker',
  locker: 'parcel_locker',
  postamat: 'parcel_locker',
  почтомат: 'parcel_locker',
  апс: 'parcel_locker',
  pickup_point: 'pickup_point',
  pickup: 'pickup_point',
  pvz: 'pickup_point',
  пвз: 'pickup_point',
};

const TRUE = /^(1|true|yes|y|да|д|\+)$/i;
const FALSE = /^(0|false|no|n|нет|н|-|)$/i;

function flag(value: string | undefined, field: string): boolean {
  const v = (value ?? '').trim();
  if (TRUE.test(v)) return true;
  if (FALSE.test(v)) return false;
  throw new RowFieldError(field, `"${v}" is not yes or no (1/0, true/false, да/нет)`);
}

function number(value: string | undefined, field: string): number {
  const v = (value ?? '').trim().replace(',', '.');
  const n = Number(v);
  if (v === '' || !Number.isFinite(n))
    throw new RowFieldError(field, `"${value ?? ''}" is not a number`);
  return n;
}

/** Builds a branch from a record keyed by documented column names. */
export function flatBranch(
  record: Readonly<Record<string, string | undefined>>,
  source: BranchSource,
): Branch {
  const get = (column: string) => record[column]?.trim() ?? '';
  const id = get('id');
  if (!id) throw new RowFieldError('id', 'is empty');
  const rawType = get('type').toLowerCase();
  const type = TYPES[rawType];
  if (!type)
    throw new RowFieldError(
      'type',
      `"${get('type')}" is not one of post_office, parcel_locker, pickup_point`,
    );
  const postalCode = get('postal_code');
  if (!/^\d{6}$/.test(postalCode))
    throw new RowFieldError('postal_code', `"${postalCode}" is not a six-digit postal code`);
  const lat = Math.round(number(record.lat, 'lat') * 1e6) / 1e6;
  const lon = Math.round(number(record.lon, 'lon') * 1e6) / 1e6;

  let weekly: Record<Weekday, DayHours | null>;
  try {
    if (get('hours')) weekly = parseWeekText(get('hours'));
    else
      weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, parseDayText(get(d))])) as Record<
        Weekday,
        DayHours | null
      >;
  } catch (error) {
    if (error instanceof HoursSyntaxError) {
      const day = WEEKDAYS.find((d) => get(d) && error.message.includes(`"${get(d)}"`));
      throw new RowFieldError(get('hours') ? 'hours' : (day ?? 'hours'), error.message);
    }
    throw error;
  }

  const city = get('city');
  const street = get('street');
  const house = get('house');
  const region = get('region');
  const full =
    get('address') || joinAddress([postalCode, region, city && `г. ${city}`, street, house]);
  if (!get('address') && !city)
    throw new RowFieldError(
      'address',
      'is empty: give "address", or "city" with "street" and "house"',
    );
  const services = get('services')
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of services) {
    if (!(BRANCH_SERVICES as readonly string[]).includes(s)) {
      throw new RowFieldError('services', `"${s}" is not one of ${BRANCH_SERVICES.join(', ')}`);
    }
  }
  const timezone = get('timezone') || resolveTimezone(postalCode, lon, lat);
  if (!timezone)
    throw new RowFieldError(
      'timezone',
      `is empty and ${lat}, ${lon} is not in Russia: give an IANA zone`,
    );
  return {
    id,
    type,
    name: get('name') || defaultName(type, city, postalCode),
    postalCode,
    address: { full, region, city, street, house },
    location: { lat, lon },
    timezone,
    hours: { weekly, exceptions: [] },
    payments: {
      card: flag(record.card, 'card'),
      cash: flag(record.cash, 'cash'),
      cod: flag(record.cod, 'cod'),
    },
    limits: get('max_weight')
      ? { ...DEFAULT_LIMITS[type], maxWeight: Math.round(number(record.max_weight, 'max_weight')) }
      : DEFAULT_LIMITS[type],
    services: services as BranchService[],
    temporarilyClosed: flag(record.temporarily_closed, 'temporarily_closed'),
    source,
  };
}
