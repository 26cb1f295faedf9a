/**
 * Messages between the element and its network worker. Every request carries an `id`; the worker
 * answers with the same `id` and either a result or an error.
 */
import type { BranchType } from '#core/branch';
import type { LocalOpeningState } from '#core/open-now';
import type { Parcel } from '#core/parcel-fit';
import type { PickerErrorCode } from '../errors';
import type { BBox } from '#core/geo';
import type { MapFeature } from './cluster-index';

/** What the buyer narrowed the network to. */
export interface Filters {
  /** Types the buyer picked; empty means every type the site allows. */
  types: BranchType[];
  card: boolean;
  cod: boolean;
  openNow: boolean;
  weekends: boolean;
  /** Only branches this parcel fits; null for no such filter. */
  fits: Parcel | null;
}

export const NO_FILTERS: Filters = {
  types: [],
  card: false,
  cod: false,
  openNow: false,
  weekends: false,
  fits: null,
};

export interface LoadRequest {
  op: 'load';
  /** Proxy base URL, ending in `/`. */
  api: string;
  /** The site's types: only these are loaded at all; empty means all. */
  types: BranchType[];
}

export interface FilterRequest {
  op: 'filter';
  filters: Filters;
}

export interface ViewRequest {
  op: 'view';
  bbox: BBox;
  zoom: number;
  /** Rows are sorted by distance from here: the searched place, or the map centre. */
  origin: { lon: number; lat: number };
  /** Rows at most. */
  listLimit: number;
}

export interface NearestRequest {
  op: 'nearest';
  lon: number;
  lat: number;
}

export interface ExpansionRequest {
  op: 'expansion';
  clusterId: number;
}

export type WorkerRequest = (
  LoadRequest | FilterRequest | ViewRequest | NearestRequest | ExpansionRequest
) & { id: number };

export interface LoadResult {
  /** Branches loaded (after the site's types). */
  count: number;
}

export interface FilterResult {
  /** Branches passing the filters. */
  count: number;
}

/** A row of the list: what it shows before the branch's name and address arrive. */
export interface ListRow {
  id: string;
  type: BranchType;
  postalCode: string;
  lon: number;
  lat: number;
  /** Metres from the origin. */
  distance: number;
  /** Today's hours in the branch's zone, `09:00–18:00`; `null` for a day off. */
  today: string | null;
  state: LocalOpeningState;
}

export interface ViewResult {
  features: MapFeature[];
  /** Exact number of (filtered) branches inside the box. */
  inView: number;
  /**
   * Per type, branches inside the box passing every filter but the type one: what each type chip
   * shows, so that a chip's count is what the map would show on pressing it.
   */
  byType: Record<BranchType, number>;
  /** The nearest of them, sorted by distance. */
  list: ListRow[];
}

export interface NearestResult {
  nearest: { id: string; lon: number; lat: number } | null;
}

export interface ExpansionResult {
  zoom: number;
}

export interface WorkerFailure {
  code: PickerErrorCode;
  message: string;
}

export type WorkerResponse =
  | {
      id: number;
      ok: true;
      result: LoadResult | FilterResult | ViewResult | NearestResult | ExpansionResult;
    }
  | { id: number; ok: false; error: WorkerFailure };
