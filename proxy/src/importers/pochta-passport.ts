/**
 * Russian Post's branch passport dump (`/1.0/unloading-passport/zip`): a zip holding one JSON text
 * file, `{"passportElements": [...], "unloadingDate", "vsnapshot"}`. Coordinates are strings, hours
 * are Russian text lines, holidays are date ranges with the days worked in them, and ECOM options
 * carry payments, services and the weight limit (kilograms; 0 when unknown).
 * Fields: shared/research/pochta-apis.md §5.
 */
import { unzipSync } from 'fflate';
import type { Branch, BranchHours, BranchService, HoursException } from '#core/branch';
import { addDays } from '#core/open-now';
import { DEFAULT_LIMITS, defaultName, pochtaKind } from './defaults';
import {
  asText,
  RowFieldError,
  ImportError,
  parseJson,
  row,
  type ImportFormat,
  type ReadResult,
  type Warn,
} from './format';
import { clockTime, HoursSyntaxError, parseWorkTimeLines } from './hours-text';
import { joinAddress, placeName, regionName, withKindDot } from './russian-address';
import { resolveTimezone } from './timezone';

interface PassportAddress {
  index?: string;
  region?: string;
  area?: string;
  place?: string;
  location?: string;
  street?: string;
  house?: string;
  corpus?: string;
  building?: string;
}

interface PassportWorkday {
  dt?: string;
  st?: string;
  fn?: string;
  rst?: { st?: string; fn?: string }[];
}

export interface PassportElement {
  address?: PassportAddress;
  ecom?: string;
  ecomOptions?: {
    cardPayment?: boolean;
    cashPayment?: boolean;
    contentsChecking?: boolean;
    partialRedemption?: boolean;
    returnAvailable?: boolean;
    weightLimit?: number;
    withFitting?: boolean;
    brandName?: string;
  };
  holidays?: { ds?: string; df?: string; work?: PassportWorkday[] }[];
  latitude?: string | number;
  longitude?: string | number;
  type?: string;
  workTime?: string[];
}

/** The longest holiday range read; a longer one is a data error, not a closure. */
const MAX_HOLIDAY_DAYS = 366;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const coordinate = (raw: unknown, field: string): number => {
  const n = typeof raw === 'number' ? raw : Number(asText(raw).replace(',', '.'));
  if (raw === undefined || raw === null || raw === '' || !Number.isFinite(n)) {
    throw new RowFieldError(field, `"${asText(raw)}" is not a number`);
  }
  return Math.round(n * 1e6) / 1e6;
};

function exceptionsOf(holidays: PassportElement['holidays']): HoursException[] {
  const out = new Map<string, HoursException>();
  (holidays ?? []).forEach((h, i) => {
    const start = h.ds?.slice(0, 10);
    const end = (h.df ?? h.ds)?.slice(0, 10);
    if (!start || !end || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) {
      throw new RowFieldError(`holidays[${i}]`, `dates "${h.ds}"–"${h.df}" are not YYYY-MM-DD`);
    }
    const worked = new Map((h.work ?? []).map((w) => [w.dt?.slice(0, 10), w]));
    let date = start;
    for (let n = 0; date <= end; n++, date = addDays(date, 1)) {
      if (n > MAX_HOLIDAY_DAYS)
        throw new RowFieldError(`holidays[${i}]`, `${start}–${end} is longer than a year`);
      const w = worked.get(date);
      out.set(date, {
        date,
        hours:
          w?.st && w.fn
            ? {
                open: clockTime(w.st),
                close: clockTime(w.fn, true),
                breaks: (w.rst ?? [])
                  .filter((r) => r.st && r.fn)
                  .map((r) => ({ from: clockTime(r.st!), to: clockTime(r.fn!, true) })),
              }
            : null,
      });
    }
  });
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** One passport element as a branch. Throws RowFieldError naming the field it could not read. */
export function passportBranch(el: PassportElement, warn: Warn = () => {}): Branch {
  const a = el.address ?? {};
  const postalCode = String(a.index ?? '').trim();
  if (!/^\d{6}$/.test(postalCode))
    throw new RowFieldError('address.index', `"${postalCode}" is not a six-digit postal code`);
  let type;
  try {
    type = pochtaKind(el.type);
  } catch (error) {
    throw new RowFieldError('type', (error as Error).message);
  }
  const lat = coordinate(el.latitude, 'latitude');
  const lon = coordinate(el.longitude, 'longitude');
  let hours: BranchHours;
  try {
    hours = {
      weekly: parseWorkTimeLines(el.workTime ?? [], (days) =>
        warn(
          'workTime',
          `names no hours for ${days.join(', ')}: imported as days off; check the passport's lines (${JSON.stringify(el.workTime ?? [])})`,
        ),
      ),
      exceptions: exceptionsOf(el.holidays),
    };
  } catch (error) {
    if (error instanceof HoursSyntaxError) throw new RowFieldError('workTime', error.message);
    throw error;
  }
  const place = placeName(a.place ?? '');
  const street = withKindDot(a.street ?? '');
  const house = [a.house, a.corpus && `корп. ${a.corpus}`, a.building && `стр. ${a.building}`]
    .filter(Boolean)
    .join(', ');
  const region = regionName(a.region ?? '');
  const o = el.ecomOptions ?? {};
  const services: BranchService[] = [];
  if (o.withFitting) services.push('fitting');
  if (o.partialRedemption) services.push('partial-pickup');
  if (o.returnAvailable) services.push('returns');
  if (o.contentsChecking) services.push('contents-check');
  const timezone = resolveTimezone(postalCode, lon, lat);
  if (!timezone)
    throw new RowFieldError(
      'latitude',
      `${lat}, ${lon} is not in Russia: no time zone can be derived`,
    );
  const card = o.cardPayment ?? type !== 'pickup_point';
  const cash = o.cashPayment ?? type === 'post_office';
  return {
    id: postalCode,
    type,
    name: defaultName(type, place, postalCode, o.brandName),
    postalCode,
    address: {
      full: joinAddress([
        postalCode,
        region,
        a.area,
        a.place && withKindDot(a.place),
        a.location,
        street,
        house,
      ]),
      region,
      city: place,
      street,
      house,
    },
    location: { lat, lon },
    timezone,
    hours,
    // Offices take cash on delivery always; lockers and partner points when they take payment at all.
    payments: { card, cash, cod: type === 'post_office' || card || cash },
    limits:
      o.weightLimit && o.weightLimit > 0
        ? { ...DEFAULT_LIMITS[type], maxWeight: Math.round(o.weightLimit * 1000) }
        : DEFAULT_LIMITS[type],
    services,
    temporarilyClosed: false,
    source: 'pochta-passport' as const,
  };
}

/** The JSON inside the zip (or a dump already unzipped). */
function payload(data: Buffer, fileName: string): unknown {
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      throw new ImportError(
        'malformed-zip',
        `${fileName} is not a readable zip: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const names = Object.keys(files).filter((n) => !n.endsWith('/'));
    if (names.length !== 1) {
      throw new ImportError(
        'malformed-zip',
        `${fileName} should hold one JSON text file, holds ${names.length}: ${names.join(', ')}`,
      );
    }
    return parseJson(Buffer.from(files[names[0]!]!), `${fileName}/${names[0]}`);
  }
  return parseJson(data, fileName);
}

export const pochtaPassport: ImportFormat = {
  name: 'pochta-passport',
  detect(data) {
    if (ZIP_MAGIC.every((b, i) => data[i] === b)) return true;
    return data.subarray(0, 4096).toString('utf8').includes('"passportElements"');
  },
  read(data, fileName): ReadResult {
    const json = payload(data, fileName) as { passportElements?: unknown };
    if (!json || typeof json !== 'object' || !Array.isArray(json.passportElements)) {
      throw new ImportError(
        'not-a-passport',
        `${fileName} has no "passportElements" array: not a Russian Post passport dump`,
      );
    }
    return {
      rows: json.passportElements.map((el, i) =>
        row(`passportElements[${i}]`, (warn) => passportBranch(el as PassportElement, warn)),
      ),
    };
  },
};
