/**
 * One immutable snapshot of the network in memory, with everything the API reads built once: a map
 * by id, the spatial index (nearby, bounding boxes), the search index, and the compact encoding of
 * the whole network, pre-compressed, with its strong ETag. A reload builds a new snapshot and swaps
 * it in; requests in flight keep the one they started with.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { Branch, BranchType } from '#core/branch';
import { encodeCompact } from '#core/compact';
import { distanceMetres, type BBox, type LonLat } from '#core/geo';
import { SearchIndex } from '../search/search-index';

const brotli = promisify(brotliCompress);

/** One encoded representation of a set of branches. */
export interface EncodedNetwork {
  etag: string;
  count: number;
  identity: Buffer;
  gzip: Buffer;
  /** For the whole network filled in the background (best brotli takes a second for a megabyte). */
  brotli?: Buffer;
}

/** gzip is the fallback for clients without brotli: a fast level, as it is built on every reload. */
const GZIP_LEVEL = 6;
/** Subset encodings kept (by bbox and types); a map's pans repeat the same few. */
const SUBSET_CACHE = 64;
/** Brotli level for subsets, encoded per request: fast, and still much smaller than gzip. */
const SUBSET_BROTLI_QUALITY = 5;

function encode(branches: readonly Branch[], brotliQuality: number | null): EncodedNetwork {
  const identity = Buffer.from(JSON.stringify(encodeCompact(branches)));
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
  const out: EncodedNetwork = {
    etag,
    count: branches.length,
    identity,
    gzip: gzipSync(identity, { level: GZIP_LEVEL }),
  };
  if (brotliQuality !== null) {
    out.brotli = brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality },
    });
  }
  return out;
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
  private readonly subsets = new Map<string, EncodedNetwork>();
  /** Resolves when the whole network's brotli encoding is ready. */
  readonly compressed: Promise<void>;

  constructor(branches: readonly Branch[]) {
    this.branches = branches;
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
    this.full = encode(branches, null);
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

  /** The network, or the part of it in a box and of some types, in the compact transport. */
  network(bbox?: BBox, types?: readonly BranchType[]): EncodedNetwork {
    if (!bbox && !types?.length) return this.full;
    const typeSet = types?.length ? [...new Set(types)].sort() : [];
    const key = `${bbox?.join(',') ?? ''}|${typeSet.join(',')}`;
    const cached = this.subsets.get(key);
    if (cached) {
      // Refresh its place in the cache: the least recently used goes first.
      this.subsets.delete(key);
      this.subsets.set(key, cached);
      return cached;
    }
    let picked = bbox ? this.inBox(bbox) : [...this.branches];
    if (typeSet.length) picked = picked.filter((b) => typeSet.includes(b.type));
    const encoded = encode(picked, SUBSET_BROTLI_QUALITY);
    this.subsets.set(key, encoded);
    if (this.subsets.size > SUBSET_CACHE) this.subsets.delete(this.subsets.keys().next().value!);
    return encoded;
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
