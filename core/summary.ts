/**
 * What the proxy's list and search endpoints answer, shared by the proxy (which builds it) and the
 * widget (which shows it): a branch as a list row or a suggestion, and a town to move the map to.
 */
import type { Branch, BranchType } from './branch';

/** A branch as lists and suggestions show it. */
export interface BranchSummary {
  id: string;
  type: BranchType;
  name: string;
  postalCode: string;
  address: { full: string; city: string; region: string };
  location: { lat: number; lon: number };
  timezone: string;
  /** Metres from the point the search was near, when it was near one. */
  distance?: number;
}

/** A town the search found. */
export interface PlaceHit {
  name: string;
  region: string;
  lon: number;
  lat: number;
  /** `[west, south, east, north]` of the place's branches. */
  bbox: [number, number, number, number];
  branches: number;
}

/** `/api/v1/branches/search`'s answer. */
export interface SearchAnswer {
  query: string;
  results: BranchSummary[];
  places: PlaceHit[];
  /**
   * Words of the query, as typed, that nothing matches together with the others: left out so that
   * the rest find something (`Москва Тверская` with no Тверская in Москва: Москва's branches).
   */
  unmatched?: string[];
  /** The query read on the other keyboard layout, when that is what answered (`cfhfnjd`: `саратов`). */
  layout?: string;
}

export function toSummary(b: Branch, distance?: number): BranchSummary {
  return {
    id: b.id,
    type: b.type,
    name: b.name,
    postalCode: b.postalCode,
    address: { full: b.address.full, city: b.address.city, region: b.address.region },
    location: b.location,
    timezone: b.timezone,
    ...(distance === undefined ? {} : { distance }),
  };
}
