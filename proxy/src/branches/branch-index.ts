/**
 * One immutable snapshot of the network in memory, with everything the API reads built once: a map
 * by id, the spatial index (nearby, bounding boxes), the search index, and the compact encoding of
 * the whole network, pre-compressed, with its strong ETag. A reload builds a new snapshot and swaps
 * it in; requests in flight keep the one they started with.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { Branch, BranchType } from '#core/branch';
import { distanceMetres, type BBox, type LonLat } from '#core/geo';
import { SearchIndex } from '../search/search-index';
import { encodeNetwork, type EncodedNetwork } from './subsets/encode';
import { snapBox } from './subsets/snap';
import type { SubsetEncoder } from './subsets/subset-encoder';

export type { EncodedNetwork } from './subsets/encode';

const brotli = promisify(brotliCompress);

/** A part of the network, and the box it covers (the one asked for, snapped to its grid). */
export interface NetworkPart extends EncodedNetwork {
  bbox: BBox | null;
}

/** A branch near a point, with how near. */
export interface NearbyHit {
  branch: Branch;
  /** Great-circle metres. */
  distance: number;
}

/** One snapshot of the network, with its indexes and encodings. */
export class BranchIndex {
  readonly branches: readonly Branch[];
  readonly search: SearchIndex;
  private readonly byId = new Map<string, Branch>();
  /** A place for each postal code, and for each three-digit prefix the centre of its codes. */
  private readonly places = new Map<string, LonLat>();
  private readonly tree: KDBush;
  private readonly full: EncodedNetwork;
  private readonly subsets: SubsetEncoder;
  /** Resolves when the whole network's brotli encoding is ready. */
  readonly compressed: Promise<void>;

  /** `subsets` encodes the parts of it (shared by the snapshots of one server). */
  constructor(branches: readonly Branch[], subsets: SubsetEncoder) {
    this.branches = branches;
    this.subsets = subsets;
    for (const b of branches) {
      if (this.byId.has(b.id)) throw new Error(`Duplicate branch id ${b.id}: ids must be unique`);
      this.byId.set(b.id, b);
    }
    const sums = new Map<string, { lon: number; lat: number; n: number }>();
    for (const b of branches) {
      if (!this.places.has(b.postalCode)) this.places.set(b.postalCode, b.location);
      const prefix = b.postalCode.slice(0, 3);
      const s = sums.get(prefix) ?? { lon: 0, lat: 0, n: 0 };
      s.lon += b.location.lon;
      s.lat += b.location.lat;
      s.n++;
      sums.set(prefix, s);
    }
    for (const [prefix, s] of sums) this.places.set(prefix, { lon: s.lon / s.n, lat: s.lat / s.n });
    this.tree = new KDBush(Math.max(1, branches.length));
    for (const b of branches) this.tree.add(b.location.lon, b.location.lat);
    if (!branches.length) this.tree.add(0, 0); // kdbush needs one point; it is never returned
    this.tree.finish();
    this.search = new SearchIndex(branches);
    this.full = encodeNetwork(branches, null);
    const full = this.full;
    this.compressed = brotli(full.identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: full.identity.byteLength,
      },
    }).then((buf) => {
      full.brotli = buf;
    });
  }

  get size(): number {
    return this.branches.length;
  }

  get(id: string): Branch | undefined {
    return this.byId.get(id);
  }

  /** Where a postal code is: its branch, or the centre of its region's codes; undefined if unknown. */
  locate(postalCode: string): LonLat | undefined {
    return this.places.get(postalCode) ?? this.places.get(postalCode.slice(0, 3));
  }

  /**
   * The part of the network in a box (widened to its grid, see subsets/snap.ts) and of some types,
   * encoded off the main thread; without either, the whole network.
   */
  async part(bbox?: BBox, types?: readonly BranchType[]): Promise<NetworkPart> {
    const typeSet = types?.length ? [...new Set(types)].sort() : [];
    let box = bbox ? snapBox(bbox) : null;
    // A box around the whole planet is no box.
    if (box && box[0] === -180 && box[1] === -90 && box[2] === 180 && box[3] === 90) box = null;
    if (!box && !typeSet.length) return { ...this.full, bbox: null };
    return { ...(await this.subsets.encode(this.full, box, typeSet)), bbox: box };
  }

  /** Branches inside a box; a box whose west edge is east of its east edge crosses 180°. */
  inBox([w, s, e, n]: BBox): Branch[] {
    if (!this.branches.length) return [];
    const ids =
      w <= e
        ? this.tree.range(w, s, e, n)
        : [...this.tree.range(w, s, 180, n), ...this.tree.range(-180, s, e, n)];
    return ids.map((i) => this.branches[i]!);
  }

  /** The nearest branches by great-circle distance, nearest first. */
  nearby(
    lon: number,
    lat: number,
    limit: number,
    types?: readonly BranchType[],
    maxKm = Infinity,
  ): NearbyHit[] {
    if (!this.branches.length) return [];
    const at = { lon, lat };
    const typeSet = types?.length ? new Set(types) : null;
    const ids = around(
      this.tree,
      lon,
      lat,
      limit,
      maxKm,
      typeSet ? (i: number) => typeSet.has(this.branches[i]!.type) : undefined,
    );
    return ids.map((i) => {
      const branch = this.branches[i]!;
      return {
        branch,
        distance: Math.round(distanceMetres(at, branch.location)),
      };
    });
  }
}
