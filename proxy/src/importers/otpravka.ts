/**
 * Russian Post's Otpravka post-office JSON (`/postoffice/1.0/{code}`, `/postoffice/1.0/nearby`): one
 * office object or an array of them. Kebab-case fields; `working-hours` per `weekday-id` (1 is
 * Monday) with times like `"08:00:00.000"` and `lunches`; `holidays` by date with an optional
 * `schedule`. Fields: shared/research/pochta-apis.md §3.3.
 */
import { WEEKDAYS, type Branch, type DayHours, type Weekday } from '#core/branch';
import { DEFAULT_LIMITS, defaultName, pochtaKind } from './defaults';
import { asText, RowFieldError, ImportError, parseJson, row, type ImportFormat } from './format';
import { clockTime } from './hours-text';
import { joinAddress, placeName, regionName } from './russian-address';
import { resolveTimezone } from './timezone';

interface Schedule {
  'weekday-id'?: number;
  'begin-worktime'?: string;
  'end-worktime'?: string;
  lunches?: { 'begin-lunchtime'?: string; 'end-lunchtime'?: string }[];
}

export interface OtpravkaOffice {
  'postal-code'?: string;
  'type-code'?: string;
  latitude?: number | string;
  longitude?: number | string;
  region?: string;
  district?: string;
  settlement?: string;
  'address-source'?: string;
  'working-hours'?: Schedule[];
  holidays?: { date?: string; schedule?: Schedule }[];
  'is-temporary-closed'?: boolean;
  'is-closed'?: boolean;
}

function dayOf(s: Schedule, field: string): DayHours | null {
  if (!s['begin-worktime'] || !s['end-worktime']) return null;
  try {
    return {
      open: clockTime(s['begin-worktime']),
      close: clockTime(s['end-worktime'], true),
      breaks: (s.lunches ?? [])
        .filter((l) => l['begin-lunchtime'] && l['end-lunchtime'])
        .map((l) => ({
          from: clockTime(l['begin-lunchtime']!),
          to: clockTime(l['end-lunchtime']!, true),
        })),
    };
  } catch (error) {
    throw new RowFieldError(field, (error as Error).message);
  }
}

const number = (raw: unknown, field: string): number => {
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (raw === undefined || raw === null || raw === '' || !Number.isFinite(n))
    throw new RowFieldError(field, `"${asText(raw)}" is not a number`);
  return Math.round(n * 1e6) / 1e6;
};

export function otpravkaBranch(o: OtpravkaOffice): Branch {
  const postalCode = String(o['postal-code'] ?? '').trim();
  if (!/^\d{6}$/.test(postalCode))
    throw new RowFieldError('postal-code', `"${postalCode}" is not a six-digit postal code`);
  let type;
  try {
    type = pochtaKind(o['type-code']);
  } catch (error) {
    throw new RowFieldError('type-code', (error as Error).message);
  }
  const lat = number(o.latitude, 'latitude');
  const lon = number(o.longitude, 'longitude');
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, null])) as Record<
    Weekday,
    DayHours | null
  >;
  (o['working-hours'] ?? []).forEach((s, i) => {
    const id = s['weekday-id'];
    if (!Number.isInteger(id) || id! < 1 || id! > 7) {
      throw new RowFieldError(
        `working-hours[${i}].weekday-id`,
        `${String(id)} is not a weekday 1 (Monday) to 7 (Sunday)`,
      );
    }
    weekly[WEEKDAYS[id! - 1]!] = dayOf(s, `working-hours[${i}]`);
  });
  const exceptions = (o.holidays ?? []).map((h, i) => {
    const date = h.date?.slice(0, 10) ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new RowFieldError(`holidays[${i}].date`, `"${h.date}" is not a date YYYY-MM-DD`);
    return { date, hours: h.schedule ? dayOf(h.schedule, `holidays[${i}].schedule`) : null };
  });
  const region = regionName(o.region ?? '');
  const city = placeName(o.settlement ?? '');
  const timezone = resolveTimezone(postalCode, lon, lat);
  if (!timezone)
    throw new RowFieldError(
      'latitude',
      `${lat}, ${lon} is not in Russia: no time zone can be derived`,
    );
  return {
    id: postalCode,
    type,
    name: defaultName(type, city, postalCode),
    postalCode,
    address: {
      full: joinAddress([postalCode, region, o.district, city, o['address-source']]),
      region,
      city,
      street: o['address-source'] ?? '',
      house: '',
    },
    location: { lat, lon },
    timezone,
    hours: { weekly, exceptions },
    // Otpravka does not list payments: offices take cards, cash and COD; lockers take cards.
    payments: { card: true, cash: type !== 'parcel_locker', cod: true },
    limits: DEFAULT_LIMITS[type],
    services: type === 'post_office' ? ['returns'] : [],
    temporarilyClosed: Boolean(o['is-temporary-closed'] || o['is-closed']),
    source: 'otpravka',
  };
}

export const otpravka: ImportFormat = {
  name: 'otpravka',
  detect(data) {
    const head = data.subarray(0, 4096).toString('utf8');
    return /^\s*[[{]/.test(head.replace(/^\uFEFF/, '')) && head.includes('"postal-code"');
  },
  read(data, fileName) {
    const json = parseJson(data, fileName);
    const list = Array.isArray(json) ? json : [json];
    if (!list.every((o) => o && typeof o === 'object')) {
      throw new ImportError(
        'not-otpravka',
        `${fileName} should hold an office object or an array of them`,
      );
    }
    return {
      rows: list.map((o, i) =>
        row(Array.isArray(json) ? `[${i}]` : 'office', () => otpravkaBranch(o as OtpravkaOffice)),
      ),
    };
  },
};
