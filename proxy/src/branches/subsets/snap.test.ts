import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BBox } from '#core/geo';
import { snapBox } from './snap';

/** Longitudes of a box as the set of degrees it covers, crossing 180° or not. */
const covers = ([w, , e]: BBox, lon: number) =>
  w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
const widthOf = ([w, , e]: BBox) => (w <= e ? e - w : e - w + 360);

const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const box = fc
  .tuple(lon, lat, lon, lat)
  .map(([w, a, e, b]): BBox => [w, Math.min(a, b), e, Math.max(a, b)]);

describe('snapBox', () => {
  it('gives the boxes of a map panned about a town a few keys, not one per float', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const dx = (i % 20) * 0.001;
      const dy = Math.floor(i / 20) * 0.001;
      keys.add(snapBox([46.01 + dx, 51.51 + dy, 46.06 + dx, 51.55 + dy]).join(','));
    }
    // 200 boxes of 0.05° panned over 0.02° × 0.01°: on a grid of 1/64° each edge crosses
    // a line or two, so at most 4 × 2 keys.
    expect(keys.size).toBeLessThanOrEqual(8);
  });

  it('snaps a world-sized box to the whole world, whatever its floats', () => {
    expect(snapBox([-179.9931, -84.1, 179.9, 84.2])).toEqual([-180, -90, 180, 90]);
    expect(snapBox([-170.123456, -60.5, 171.98765, 80.25])).toEqual([-180, -90, 180, 90]);
  });

  it('contains the box asked for, is at most about twice as wide, and stays on the planet', () => {
    fc.assert(
      fc.property(box, (asked) => {
        const snapped = snapBox(asked);
        const [w, s, e, n] = snapped;
        expect(w).toBeGreaterThanOrEqual(-180);
        expect(e).toBeLessThanOrEqual(180);
        expect(s).toBeLessThanOrEqual(asked[1]);
        expect(n).toBeGreaterThanOrEqual(asked[3]);
        expect(s).toBeGreaterThanOrEqual(-90);
        expect(n).toBeLessThanOrEqual(90);
        for (const x of [asked[0], asked[2]]) expect(covers(snapped, x)).toBe(true);
        const span = Math.max(widthOf(asked), asked[3] - asked[1]);
        expect(Math.max(widthOf(snapped), n - s)).toBeLessThanOrEqual(
          Math.max(2 * span, 0.0625) + 1e-9,
        );
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('keeps a box across 180° crossing it', () => {
    const [w, , e] = snapBox([178.3, 60, -178.9, 66]);
    expect(w).toBeGreaterThan(e);
    expect(w).toBeLessThanOrEqual(178.3);
    expect(e).toBeGreaterThanOrEqual(-178.9);
  });
});
