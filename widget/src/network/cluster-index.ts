/**
 * The branch network as a spatial index: clusters for the map at any view, the exact number of
 * branches in view, and the zoom at which a cluster falls apart. supercluster lives only here.
 */
import KDBush from 'kdbush';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { BranchType } from '#core/branch';
import type { BranchPoint } from '#core/compact';
import type { BBox } from '#core/geo';

export const defaultOptions = {
  /** Cluster radius in CSS pixels at 512-pixel tiles: markers are about 40 px, so they never touch. */
  radius: 60,
  /** Deepest zoom that still clusters; beyond it every branch stands alone. */
  maxZoom: 16,
  /** Two branches closer than the radius already form a cluster. */
  minPoints: 2,
};

export type ClusterOptions = typeof defaultOptions;

export type { BBox } from '#core/geo';

/** What the map draws: a cluster with its count, or one branch. */
export type MapFeature =
  | { kind: 'cluster'; id: number; lon: number; lat: number; count: number }
  | { kind: 'branch'; id: string; lon: number; lat: number; type: BranchType };

interface PointProps {
  i: number;
}

/** Longitudes wrap: a view east of 180° asks for branches at -170°. */
const wrapLon = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;

export class ClusterIndex {
  private readonly points: readonly BranchPoint[];
  private readonly clusters: Supercluster<PointProps>;
  private readonly tree: PointIndex;

  constructor(points: readonly BranchPoint[], options: Partial<ClusterOptions> = {}) {
    this.points = points;
    this.clusters = new Supercluster<PointProps>({ ...defaultOptions, ...options });
    this.clusters.load(
      points.map((p, i) => ({
        type: 'Feature' as const,
        properties: { i },
        geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      })),
    );
    this.tree = new PointIndex(points);
  }

  get size(): number {
    return this.points.length;
  }

  /** Clusters and single branches inside the box at a zoom, the box wrapped across the antimeridian. */
  getFeatures(bbox: BBox, zoom: number): MapFeature[] {
    return this.clusters.getClusters(normalise(bbox), zoom).map((f): MapFeature => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as Partial<ClusterProperties> & Partial<PointProps>;
      if (props.cluster) {
        return { kind: 'cluster', id: props.cluster_id!, lon, lat, count: props.point_count! };
      }
      const point = this.points[props.i!]!;
      return { kind: 'branch', id: point.id, lon, lat, type: point.type };
    });
  }

  /** The exact number of branches inside the box (not their clusters' centres). */
  countIn(bbox: BBox): number {
    return this.tree.pointsIn(bbox).length;
  }

  /** Indexes (into the points given) of the branches inside the box. */
  pointsIn(bbox: BBox): number[] {
    return this.tree.pointsIn(bbox);
  }

  /** The zoom at which a cluster splits into smaller clusters or single branches. */
  expansionZoom(clusterId: number): number {
    return this.clusters.getClusterExpansionZoom(clusterId);
  }
}

/** Points by position only, no clusters: which lie in a box, the box wrapped across the antimeridian. */
export class PointIndex {
  private readonly tree: KDBush;

  constructor(points: readonly { lon: number; lat: number }[]) {
    this.tree = new KDBush(points.length);
    for (const p of points) this.tree.add(p.lon, p.lat);
    this.tree.finish();
  }

  /** Indexes (into the points given) of the points inside the box. */
  pointsIn(bbox: BBox): number[] {
    const [w, s, e, n] = normalise(bbox);
    if (w <= e) return this.tree.range(w, s, e, n);
    return [...this.tree.range(w, s, 180, n), ...this.tree.range(-180, s, e, n)];
  }
}

function normalise([w, s, e, n]: BBox): BBox {
  const south = Math.max(-90, s);
  const north = Math.min(90, n);
  if (e - w >= 360) return [-180, south, 180, north];
  return [wrapLon(w), south, wrapLon(e), north];
}
