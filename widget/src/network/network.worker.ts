/**
 * The cluster worker: downloads the network, decodes it, filters it and indexes it off the main
 * thread, then answers the map's and the list's questions from one place, so that the map, the list
 * and the count always agree: clusters in a view, the exact count in it, the nearest rows with
 * today's hours and open-now, and the nearest branch anywhere.
 */
import { BRANCH_TYPES, type BranchType } from '#core/branch';
import { decodeCompact, type BranchPoint } from '#core/compact';
import {
  dayIntervals,
  hoursOn,
  isOpenAtLocal,
  localParts,
  openingStateAtLocal,
  type LocalParts,
} from '#core/open-now';
import { fitsParcel } from '#core/parcel-fit';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { ClusterIndex, PointIndex } from './cluster-index';
import {
  NO_FILTERS,
  type FilterResult,
  type Filters,
  type ListRow,
  type LoadResult,
  type NearestResult,
  type ViewResult,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
/** Rows are worked out for at most this many days ahead (next opening after a long holiday). */
const LIST_HORIZON_DAYS = 7;
/** Opening hours have minute resolution: open-now is re-applied when the minute changes. */
const MINUTE_MS = 60_000;

let all: BranchPoint[] = [];
let filtered: BranchPoint[] = [];
let index = new ClusterIndex([]);
/** Branches passing every filter but the type one, for the type chips' counts. */
let anyType: BranchPoint[] = [];
let anyTypeIndex = new PointIndex([]);
let filters: Filters = NO_FILTERS;
let filteredAt = 0;

/** Local time once per zone per question, not once per branch: 26 zones, 40,000 branches. */
function localClock(now: number): (timezone: string) => LocalParts {
  const cache = new Map<string, LocalParts>();
  return (timezone) => {
    let local = cache.get(timezone);
    if (!local) cache.set(timezone, (local = localParts(now, timezone)));
    return local;
  };
}

function passes(
  p: BranchPoint,
  f: Filters,
  local: (tz: string) => LocalParts,
  ignoreType: boolean,
): boolean {
  if (!ignoreType && f.types.length && !f.types.includes(p.type)) return false;
  if (f.card && !p.payments.card) return false;
  if (f.cod && !p.payments.cod) return false;
  if (f.weekends && !p.hours.weekly.sat && !p.hours.weekly.sun) return false;
  if (f.fits && !fitsParcel(p.limits, f.fits)) return false;
  if (f.openNow && (p.temporarilyClosed || !isOpenAtLocal(p.hours, local(p.timezone))))
    return false;
  return true;
}

function applyFilters(next: Filters, now = Date.now()): FilterResult {
  filters = next;
  filteredAt = now;
  const local = localClock(filteredAt);
  filtered = [];
  anyType = [];
  for (const p of all) {
    if (!passes(p, next, local, true)) continue;
    anyType.push(p);
    if (!next.types.length || next.types.includes(p.type)) filtered.push(p);
  }
  index = new ClusterIndex(filtered);
  anyTypeIndex = new PointIndex(anyType);
  return { count: filtered.length };
}

async function load(api: string, types: readonly string[]): Promise<LoadResult> {
  const payload = await new ApiClient(api).branches();
  const points = decodeCompact(payload);
  all = types.length ? points.filter((p) => types.includes(p.type)) : points;
  applyFilters(filters);
  return { count: all.length };
}

const RAD = Math.PI / 180;
function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const h =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return Math.round(2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h))));
}

const pad = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function todayHours(p: BranchPoint, local: LocalParts): string | null {
  const intervals = dayIntervals(hoursOn(p.hours, local.date));
  if (!intervals.length) return null;
  const from = intervals[0]![0];
  const to = intervals[intervals.length - 1]![1];
  return from === 0 && to === 1440
    ? '00:00–24:00'
    : `${pad(from)}–${to === 1440 ? '24:00' : pad(to)}`;
}

function view(request: Extract<WorkerRequest, { op: 'view' }>): ViewResult {
  const now = Date.now();
  // The filter and the rows' states are computed for the same minute, so that a branch closing at
  // 22:00 is neither listed under "open now" as closed nor left out while still open.
  if (filters.openNow && Math.floor(now / MINUTE_MS) !== Math.floor(filteredAt / MINUTE_MS))
    applyFilters(filters, now);
  const ids = index.pointsIn(request.bbox);
  const local = localClock(now);
  const nearest = ids
    .map((i) => ({ i, d: metres(request.origin, filtered[i]!) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, request.listLimit);
  const list: ListRow[] = nearest.map(({ i, d }) => {
    const p = filtered[i]!;
    const here = local(p.timezone);
    return {
      id: p.id,
      type: p.type,
      postalCode: p.postalCode,
      lon: p.lon,
      lat: p.lat,
      distance: d,
      today: todayHours(p, here),
      state: openingStateAtLocal(p, here, LIST_HORIZON_DAYS),
    };
  });
  const byType = Object.fromEntries(BRANCH_TYPES.map((t) => [t, 0])) as Record<BranchType, number>;
  for (const i of anyTypeIndex.pointsIn(request.bbox)) byType[anyType[i]!.type]++;
  return {
    features: index.getFeatures(request.bbox, request.zoom),
    inView: ids.length,
    byType,
    list,
  };
}

function nearestTo(lon: number, lat: number): NearestResult {
  let best: BranchPoint | undefined;
  let bestD = Infinity;
  for (const p of filtered) {
    const d = metres({ lon, lat }, p);
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return { nearest: best ? { id: best.id, lon: best.lon, lat: best.lat } : null };
}

async function handle(data: WorkerRequest): Promise<void> {
  try {
    let result;
    switch (data.op) {
      case 'load':
        result = await load(data.api, data.types);
        break;
      case 'filter':
        result = applyFilters(data.filters);
        break;
      case 'view':
        result = view(data);
        break;
      case 'nearest':
        result = nearestTo(data.lon, data.lat);
        break;
      case 'expansion':
        result = { zoom: index.expansionZoom(data.clusterId) };
        break;
    }
    scope.postMessage({ id: data.id, ok: true, result });
  } catch (error) {
    const code =
      error instanceof ApiError ? error.code : ((error as { code?: string }).code ?? 'worker');
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: data.id, ok: false, error: { code, message } });
  }
}

scope.onmessage = ({ data }) => void handle(data);
