/**
 * The branch network as the picker sees it: the site's branches, narrowed by the buyer's filters,
 * indexed for the map, and asked one question per view, so that the map, the list, the type chips
 * and the live count always agree. A plain class (the worker only passes messages to it), so it is
 * tested without a worker.
 */
import { BRANCH_TYPES, type BranchType } from '#core/branch';
import type { BranchPoint } from '#core/compact';
import { distanceMetres, type LonLat } from '#core/geo';
import {
  dayIntervals,
  hoursOn,
  isOpenAtLocal,
  localParts,
  openingStateAtLocal,
  type LocalParts,
} from '#core/open-now';
import { fitsParcel } from '#core/parcel-fit';
import { ClusterIndex, PointIndex } from './cluster-index';
import {
  NO_FILTERS,
  type Filters,
  type ListRow,
  type NearestResult,
  type ViewRequest,
  type ViewResult,
} from './protocol';

/** Rows are worked out for at most this many days ahead (next opening after a long holiday). */
const LIST_HORIZON_DAYS = 7;
/** Opening hours have minute resolution: open-now is re-applied when the minute changes. */
const MINUTE_MS = 60_000;

/** Local time once per zone per question, not once per branch: 26 zones, 40,000 branches. */
function localClock(now: number): (timezone: string) => LocalParts {
  const cache = new Map<string, LocalParts>();
  return (timezone) => {
    let local = cache.get(timezone);
    if (!local) cache.set(timezone, (local = localParts(now, timezone)));
    return local;
  };
}

/** Whether a branch passes the filters; `ignoreType` for the type chips' counts. */
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

const pad = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Today's hours in the branch's zone, `09:00–18:00`, or null for a day off. */
function todayHours(p: BranchPoint, local: LocalParts): string | null {
  const intervals = dayIntervals(hoursOn(p.hours, local.date));
  if (!intervals.length) return null;
  const from = intervals[0]![0];
  const to = intervals[intervals.length - 1]![1];
  return from === 0 && to === 1440
    ? '00:00–24:00'
    : `${pad(from)}–${to === 1440 ? '24:00' : pad(to)}`;
}

export class NetworkView {
  private all: readonly BranchPoint[] = [];
  private filtered: BranchPoint[] = [];
  private index = new ClusterIndex([]);
  /** Branches passing every filter but the type one, for the type chips' counts. */
  private anyType: BranchPoint[] = [];
  private anyTypeIndex = new PointIndex([]);
  private filters: Filters = NO_FILTERS;
  private filteredAt = 0;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Takes the network, keeping only the site's types (all when empty); the filters stay. */
  load(points: readonly BranchPoint[], types: readonly BranchType[]): { count: number } {
    this.all = types.length ? points.filter((p) => types.includes(p.type)) : points;
    this.filter(this.filters);
    return { count: this.all.length };
  }

  /** Narrows the network to what the buyer asked for. */
  filter(next: Filters): { count: number } {
    const now = this.now();
    this.filters = next;
    this.filteredAt = now;
    const local = localClock(now);
    this.filtered = [];
    this.anyType = [];
    for (const p of this.all) {
      if (!passes(p, next, local, true)) continue;
      this.anyType.push(p);
      if (!next.types.length || next.types.includes(p.type)) this.filtered.push(p);
    }
    this.index = new ClusterIndex(this.filtered);
    this.anyTypeIndex = new PointIndex(this.anyType);
    return { count: this.filtered.length };
  }

  /** Clusters for the map, the exact count in view, counts per type, and the nearest rows. */
  view({ bbox, zoom, origin, listLimit }: Omit<ViewRequest, 'op'>): ViewResult {
    const now = this.now();
    // The filter and the rows' states are computed for the same minute, so that a branch closing at
    // 22:00 is neither listed under "open now" as closed nor left out while still open.
    if (
      this.filters.openNow &&
      Math.floor(now / MINUTE_MS) !== Math.floor(this.filteredAt / MINUTE_MS)
    )
      this.filter(this.filters);
    const ids = this.index.pointsIn(bbox);
    const local = localClock(now);
    const nearest = ids
      .map((i) => ({ i, d: Math.round(distanceMetres(origin, this.filtered[i]!)) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, listLimit);
    const list: ListRow[] = nearest.map(({ i, d }) => {
      const p = this.filtered[i]!;
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
    const byType = Object.fromEntries(BRANCH_TYPES.map((t) => [t, 0])) as Record<
      BranchType,
      number
    >;
    for (const i of this.anyTypeIndex.pointsIn(bbox)) byType[this.anyType[i]!.type]++;
    return { features: this.index.getFeatures(bbox, zoom), inView: ids.length, byType, list };
  }

  /** The nearest branch passing the filters, anywhere. */
  nearest(point: LonLat): NearestResult {
    let best: BranchPoint | undefined;
    let bestD = Infinity;
    for (const p of this.filtered) {
      const d = distanceMetres(point, p);
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    return { nearest: best ? { id: best.id, lon: best.lon, lat: best.lat } : null };
  }

  /** The zoom at which a cluster of the current view splits. */
  expansionZoom(clusterId: number): { zoom: number } {
    return { zoom: this.index.expansionZoom(clusterId) };
  }
}
