import { describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { toPoint, type BranchPoint } from '#core/compact';
import { ClusterIndex, type MapFeature } from './cluster-index';

const point = (id: string, lon: number, lat: number): BranchPoint =>
  toPoint(makeBranch(id, { location: { lon, lat } }));

// Two towns far apart with 30 and 12 branches, a lone village, and two branches either side of 180°.
const fixture: BranchPoint[] = [
  ...Array.from({ length: 30 }, (_, i) =>
    point(String(101000 + i), 37.6 + (i % 6) * 0.01, 55.75 + Math.floor(i / 6) * 0.01),
  ),
  ...Array.from({ length: 12 }, (_, i) =>
    point(String(410000 + i), 46.0 + (i % 4) * 0.01, 51.53 + Math.floor(i / 4) * 0.01),
  ),
  point('412345', 40.0, 52.5),
  point('689001', 179.9, 66.0),
  point('689002', -179.9, 66.0),
];
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];
const total = (features: MapFeature[]) =>
  features.reduce((s, f) => s + (f.kind === 'cluster' ? f.count : 1), 0);

describe('cluster index', () => {
  it('accounts for every branch at every zoom', () => {
    const index = new ClusterIndex(fixture);
    for (let zoom = 0; zoom <= 17; zoom++)
      expect(total(index.getFeatures(WORLD, zoom))).toBe(fixture.length);
  });

  it('groups each town into one cluster with the right count when zoomed out', () => {
    const features = new ClusterIndex(fixture).getFeatures(WORLD, 4);
    const counts = features
      .filter((f) => f.kind === 'cluster')
      .map((f) => (f.kind === 'cluster' ? f.count : 0));
    expect(counts.sort((a, b) => a - b)).toEqual([12, 30]);
    const singles = features.filter((f) => f.kind === 'branch').map((f) => f.id);
    expect(singles.sort()).toEqual(['412345', '689001', '689002']);
  });

  it('shows single branches, with their ids and types, past the last clustering zoom', () => {
    const features = new ClusterIndex(fixture).getFeatures([45.9, 51.5, 46.1, 51.6], 17);
    expect(features).toHaveLength(12);
    expect(features.every((f) => f.kind === 'branch' && f.type === 'post_office')).toBe(true);
  });

  it('gives an expansion zoom at which a cluster splits', () => {
    const index = new ClusterIndex(fixture);
    const moscow = index.getFeatures(WORLD, 4).find((f) => f.kind === 'cluster' && f.count === 30);
    if (moscow?.kind !== 'cluster') throw new Error('no Moscow cluster');
    const zoom = index.expansionZoom(moscow.id);
    expect(zoom).toBeGreaterThan(4);
    expect(index.getFeatures([37, 55, 38, 56], zoom).length).toBeGreaterThan(1);
  });

  it('counts exactly the branches inside a box, not their clusters’ centres', () => {
    const index = new ClusterIndex(fixture);
    expect(index.countIn([37.59, 55.74, 37.615, 55.805])).toBe(10); // two columns of the Moscow grid
    expect(index.countIn(WORLD)).toBe(fixture.length);
    expect(index.countIn([100, 0, 110, 10])).toBe(0);
  });

  it('finds branches across the antimeridian from a view that crosses it', () => {
    const index = new ClusterIndex(fixture);
    // A map centred on 180° reports a west edge of 179 and an east edge of 181.
    expect(index.countIn([179, 65, 181, 67])).toBe(2);
    expect(total(index.getFeatures([179, 65, 181, 67], 10))).toBe(2);
    expect(index.countIn([-540, -85, 540, 85])).toBe(fixture.length);
  });
});
