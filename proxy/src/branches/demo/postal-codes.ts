/**
 * The demo's postal codes, as Russian Post hands them out: each town a block inside its region's
 * three-digit prefixes, the capital first (so Saratov is 410001…), blocks rounded to tens so that the
 * codes of one town share their leading digits.
 */
import { REGIONS } from '../regions';
import type { Town } from './towns';

/** At most this share of a region's codes is used: a real region keeps room to grow. */
const MAX_FILL = 0.9;
/** Spare codes left after a town's block, at most. */
const MAX_SPARE = 90;

/** Fills every town's `codes` with as many codes as it has branches. */
export function assignPostalCodes(towns: Town[]): void {
  const byRegion = new Map<string, Town[]>();
  for (const t of towns) byRegion.set(t.adminCode, [...(byRegion.get(t.adminCode) ?? []), t]);
  for (const [code, list] of byRegion) {
    const region = REGIONS[code]!;
    list.sort(
      (a, b) =>
        Number(b.isCapital) - Number(a.isCapital) || b.population - a.population || a.id - b.id,
    );
    const capacity = region.postal.length * 1000;
    const needs = list.map((t) => t.offices + t.villages + t.lockers + t.pickups);
    const needed = needs.reduce((s, n) => s + n, 0);
    if (needed > capacity * MAX_FILL) {
      throw new Error(
        `Region ${region.name} needs ${needed} postal codes, has ${capacity}: lower the counts`,
      );
    }
    const blockSizes = needs.map((n) => Math.ceil((n + 1) / 10) * 10);
    const spare =
      Math.floor((capacity - blockSizes.reduce((s, n) => s + n, 0)) / list.length / 10) * 10;
    let next = 0;
    list.forEach((t, i) => {
      const start = next;
      const size = blockSizes[i]! + Math.min(spare, MAX_SPARE);
      next += size;
      for (let k = 1; k <= needs[i]!; k++) {
        const offset = start + k;
        t.codes.push(region.postal[Math.floor(offset / 1000)]! * 1000 + (offset % 1000));
      }
    });
  }
}
