/**
 * The compact transport of the branch network: what the map, the counts and the filters need of
 * every branch, in a columnar JSON that compresses well. Not GeoJSON: 40,000 branches as GeoJSON
 * weigh megabytes, this weighs a few hundred kilobytes before compression.
 *
 * Tricks, each at the step that uses it:
 * - records are sorted by id so that numeric ids (postal indexes) become small deltas;
 * - coordinates are fixed-point integers (1e-5°, about a metre) stored as deltas from the previous
 *   record: neighbouring postal codes are neighbouring places, so deltas are short;
 * - values that repeat (type, time zone, weekly hours, limits) go to dictionaries, records keep an index;
 * - payments and closure are bits of one small integer.
 */
import type { Branch, BranchHours, BranchLimits, BranchPayments, BranchType } from './branch';

export const COMPACT_FORMAT = 'branch-picker.compact/1';

/** Coordinates are integers in units of 1 / COORD_SCALE degrees (1e-5° ≈ 1.1 m). */
export const COORD_SCALE = 100_000;

const FLAG_CARD = 1;
const FLAG_CASH = 2;
const FLAG_COD = 4;
const FLAG_CLOSED = 8;

/** What the compact transport carries of a branch: enough to draw, count, filter and tell open-now. */
export interface BranchPoint {
  id: string;
  type: BranchType;
  postalCode: string;
  lon: number;
  lat: number;
  timezone: string;
  hours: BranchHours;
  payments: BranchPayments;
  limits: BranchLimits;
  temporarilyClosed: boolean;
}

/** The wire shape. Arrays are columns: entry `i` of each belongs to record `i`. */
export interface CompactBranches {
  format: typeof COMPACT_FORMAT;
  count: number;
  scale: number;
  dict: {
    type: BranchType[];
    timezone: string[];
    hours: BranchHours[];
    limits: BranchLimits[];
  };
  /** Ids as deltas, present when every id is a canonical non-negative integer. */
  idDelta?: number[];
  /** Ids as strings, present otherwise. */
  id?: string[];
  /** Postal code per record, `0` when it equals the id. */
  postalCode: (string | 0)[];
  lon: number[];
  lat: number[];
  type: number[];
  timezone: number[];
  hours: number[];
  limits: number[];
  flags: number[];
}

/** Thrown when a payload is not a compact branch list this code understands. */
export class CompactFormatError extends Error {
  readonly code = 'compact-format';
  constructor(detail: string) {
    super(`Not a ${COMPACT_FORMAT} payload: ${detail}`);
    this.name = 'CompactFormatError';
  }
}

/** Projects a full branch onto what the compact transport carries. */
export function toPoint(branch: Branch): BranchPoint {
  return {
    id: branch.id,
    type: branch.type,
    postalCode: branch.postalCode,
    lon: branch.location.lon,
    lat: branch.location.lat,
    timezone: branch.timezone,
    hours: branch.hours,
    payments: branch.payments,
    limits: branch.limits,
    temporarilyClosed: branch.temporarilyClosed,
  };
}

const isCanonicalInteger = (id: string): boolean => /^(0|[1-9]\d{0,14})$/.test(id);

/** Orders ids numerically when both are integers, otherwise as strings; a stable total order. */
export function compareIds(a: string, b: string): number {
  const an = isCanonicalInteger(a);
  const bn = isCanonicalInteger(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A dictionary that hands out a stable index per distinct value (by JSON identity). */
class Dictionary<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  /** Shared objects are looked up by identity first: serialising 40,000 schedules costs more. */
  private readonly seen = new Map<T, number>();
  indexOf(value: T): number {
    let i = this.seen.get(value);
    if (i !== undefined) return i;
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    this.seen.set(value, i);
    return i;
  }
}

/** Encodes branches (full records or points) into the compact transport. */
export function encodeCompact(branches: readonly (Branch | BranchPoint)[]): CompactBranches {
  const points = branches.map((b) => ('location' in b ? toPoint(b) : b));
  points.sort((a, b) => compareIds(a.id, b.id));
  const numericIds = points.every((p) => isCanonicalInteger(p.id));

  const types = new Dictionary<BranchType>();
  const zones = new Dictionary<string>();
  const hours = new Dictionary<BranchHours>();
  const limits = new Dictionary<BranchLimits>();
  const out: CompactBranches = {
    format: COMPACT_FORMAT,
    count: points.length,
    scale: COORD_SCALE,
    dict: {
      type: types.values,
      timezone: zones.values,
      hours: hours.values,
      limits: limits.values,
    },
    postalCode: [],
    lon: [],
    lat: [],
    type: [],
    timezone: [],
    hours: [],
    limits: [],
    flags: [],
  };
  const ids: (number | string)[] = [];
  let prevId = 0;
  let prevLon = 0;
  let prevLat = 0;
  for (const p of points) {
    if (numericIds) {
      const id = Number(p.id);
      ids.push(id - prevId);
      prevId = id;
    } else {
      ids.push(p.id);
    }
    out.postalCode.push(p.postalCode === p.id ? 0 : p.postalCode);
    const lon = Math.round(p.lon * COORD_SCALE);
    const lat = Math.round(p.lat * COORD_SCALE);
    out.lon.push(lon - prevLon);
    out.lat.push(lat - prevLat);
    prevLon = lon;
    prevLat = lat;
    out.type.push(types.indexOf(p.type));
    out.timezone.push(zones.indexOf(p.timezone));
    out.hours.push(hours.indexOf(p.hours));
    out.limits.push(limits.indexOf(p.limits));
    out.flags.push(
      (p.payments.card ? FLAG_CARD : 0) |
        (p.payments.cash ? FLAG_CASH : 0) |
        (p.payments.cod ? FLAG_COD : 0) |
        (p.temporarilyClosed ? FLAG_CLOSED : 0),
    );
  }
  if (numericIds) out.idDelta = ids as number[];
  else out.id = ids as string[];
  return out;
}

const COLUMNS = [
  'postalCode',
  'lon',
  'lat',
  'type',
  'timezone',
  'hours',
  'limits',
  'flags',
] as const;

/** Decodes the compact transport back into points, in id order. Validates the shape as it goes. */
export function decodeCompact(payload: unknown): BranchPoint[] {
  const data = payload as CompactBranches;
  if (!data || typeof data !== 'object') throw new CompactFormatError('expected an object');
  const format: unknown = (payload as { format?: unknown }).format;
  if (format !== COMPACT_FORMAT) {
    throw new CompactFormatError(`format is ${JSON.stringify(format) ?? 'missing'}`);
  }
  const n = data.count;
  const ids = data.idDelta ?? data.id;
  if (!Array.isArray(ids) || ids.length !== n)
    throw new CompactFormatError('id column length differs from count');
  for (const column of COLUMNS) {
    if (!Array.isArray(data[column]) || data[column].length !== n) {
      throw new CompactFormatError(`column "${column}" length differs from count`);
    }
  }
  const { dict, scale } = data;
  const points = new Array<BranchPoint>(n);
  let id = 0;
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < n; i++) {
    let idText: string;
    if (data.idDelta) {
      id += data.idDelta[i]!;
      idText = String(id);
    } else {
      idText = data.id![i]!;
    }
    lon += data.lon[i]!;
    lat += data.lat[i]!;
    const flags = data.flags[i]!;
    const postalCode = data.postalCode[i]!;
    const type = dict.type[data.type[i]!];
    const timezone = dict.timezone[data.timezone[i]!];
    const hours = dict.hours[data.hours[i]!];
    const limits = dict.limits[data.limits[i]!];
    if (
      type === undefined ||
      timezone === undefined ||
      hours === undefined ||
      limits === undefined
    ) {
      throw new CompactFormatError(`record ${i} points outside a dictionary`);
    }
    points[i] = {
      id: idText,
      type,
      postalCode: postalCode === 0 ? idText : postalCode,
      // Dividing integers by the scale gives the shortest decimal back, so values round-trip exactly.
      lon: lon / scale,
      lat: lat / scale,
      timezone,
      hours,
      payments: {
        card: (flags & FLAG_CARD) !== 0,
        cash: (flags & FLAG_CASH) !== 0,
        cod: (flags & FLAG_COD) !== 0,
      },
      limits,
      temporarilyClosed: (flags & FLAG_CLOSED) !== 0,
    };
  }
  return points;
}
